/**
 * `npm start`: build if out/ is stale, obtain the Electron runtime if missing, launch Electron;
 * if Electron cannot run, say so in one paragraph and start the web shell in a Chromium/Chrome
 * app window (or print its URL). Runs until Ctrl+C. Flags: --web, --no-open; --demo [--pace S]
 * runs the demo instead (scripts/demo/runDemo.ts), which `npm start` offers when the lab is
 * installed and no SIP server is set (--no-demo: never offer).
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIsStale } from './buildFreshness';
import { parseDemoArguments } from './demo/demoPlan';
import { offerDemo } from './demo/demoOffer';
import { runDemo } from './demo/runDemo';
import { electronRuntimeStatus, electronVersion, obtainElectronRuntime } from './electronRuntime';
import {
  ChildGroup,
  openBrowserWindow,
  runBuild,
  runningAsRoot,
  say,
  startHost,
} from './launchSupport';
import {
  browserArguments,
  decideOpen,
  decideShell,
  fallbackParagraph,
  findBrowser,
  hasDisplay,
  parseStartArguments,
  urlBanner,
} from './startPlan';

export async function runStart(argv: string[], root: string): Promise<void> {
  const startedAt = performance.now();
  const demo = parseDemoArguments(argv);
  const args = parseStartArguments(demo.rest);
  if (args.unknown.length > 0 || demo.problems.length > 0) {
    say(
      `${[...demo.problems, ...args.unknown.map((option) => `Unknown option ${option}`)].join('. ')}. ` +
        'Usage: npm start [-- --web] [-- --no-open] [-- --demo [--pace SECONDS]] [-- --no-demo]',
    );
    process.exit(2);
  }
  if (demo.demo || (demo.offer && (await offerDemo()))) {
    await runDemo({ root, paceSeconds: demo.paceSeconds, open: args.open });
    return;
  }
  const group = new ChildGroup();
  group.stopOnSignals(() => say('\nStopping Empfang…'));

  // The build, the runtime download attempt and the host start overlap: on 2 cores this saves
  // seconds, and the URL is only shown once the build has finished.
  const stale = buildIsStale(root);
  const build = stale ? timedBuild(root) : Promise.resolve(true);

  const display = hasDisplay(process.platform, process.env);
  let runtime = electronRuntimeStatus(root);
  const startWebShell = () => {
    const started = startHost({
      root,
      // A fresh build has the host bundled (about a second faster); while the build is still
      // running, the host starts from source so both overlap.
      command: stale
        ? [process.execPath, '--import', 'tsx', 'src/main/webshell/startWebShell.ts']
        : [process.execPath, 'out/main/webshell.js'],
      group,
    });
    // Never leave a rejection unobserved while other steps are still running.
    started.catch(() => undefined);
    return started;
  };
  // Without a runtime (or a display) the web shell is the likely outcome: start it already.
  let starting = runtime.present && display && !args.forceWeb ? undefined : startWebShell();
  if (!args.forceWeb && !runtime.present) {
    say('The Electron runtime is missing; trying to download it (electron install.js)…');
    const problem = await obtainElectronRuntime(root);
    runtime = electronRuntimeStatus(root);
    if (!runtime.present && problem) runtime = { present: false, problem };
  }
  const decision = decideShell({ arguments: args, runtime, display });
  const paragraph = fallbackParagraph(decision, electronVersion(root));
  if (paragraph) say(`\n${paragraph}\n`);

  if (decision.shell === 'electron') {
    // The download worked after all: the early web shell host is not needed.
    void starting?.then((host) => host.child.kill('SIGTERM'));
    if (!(await build)) await failBuild(group);
    launchElectron(root, decision.executable, group);
    return;
  }

  starting ??= startWebShell();
  if (!(await build)) await failBuild(group);
  const host = await starting.catch((error: unknown) => {
    say(`The web shell could not start: ${error instanceof Error ? error.message : String(error)}`);
    return group.stopAll().then(() => process.exit(1));
  });
  host.child.once('exit', (code) => {
    if (group.isStopping) return;
    say(`The web shell host stopped (code ${code}).`);
    void group.stopAll().then(() => process.exit(code ?? 1));
  });

  const opening = decideOpen({
    open: args.open,
    browser: findBrowser(process.env, process.platform, existsSync),
    display,
  });
  const elapsed = seconds(performance.now() - startedAt);
  if (opening.open === 'print') {
    say(
      urlBanner(
        host.url,
        `Open it in Chromium or Chrome (${opening.why}). Ready after ${elapsed}. Ctrl+C stops it.`,
      ),
    );
    return;
  }
  say(
    urlBanner(
      host.url,
      `Opening it in ${opening.browser} (app window). Ready after ${elapsed}. Ctrl+C stops it.`,
    ),
  );
  const profile = join(host.dataDirectory ?? join(root, '.empfang-data'), 'browser-profile');
  const browser = openBrowserWindow(
    opening.browser,
    browserArguments(host.url, profile, runningAsRoot()),
    group,
  );
  browser.once('exit', (code) => {
    if (group.isStopping) return;
    say(
      code === 0
        ? 'The browser window was closed; the web shell keeps running at the URL above (Ctrl+C stops it).'
        : `The browser exited with code ${code}; open the URL above yourself (Ctrl+C stops the web shell).`,
    );
  });
}

function launchElectron(root: string, executable: string, group: ChildGroup): void {
  const args = ['.'];
  if (process.platform === 'linux' && runningAsRoot()) {
    // Chromium's sandbox cannot run as root; Electron then refuses to start without this flag.
    say(
      'Running as root: starting Electron with --no-sandbox (renderer sandbox off). Use a normal user for real work.',
    );
    args.push('--no-sandbox');
  }
  say('Starting Empfang (Electron)…');
  const child = group.add(spawn(executable, args, { cwd: root, stdio: 'inherit' }));
  child.once('exit', (code, signal) => {
    if (group.isStopping) return;
    process.exit(signal ? 1 : (code ?? 0));
  });
}

async function timedBuild(root: string): Promise<boolean> {
  say('Building the app (electron-vite build)…');
  const started = performance.now();
  const built = await runBuild(root);
  if (built) say(`Built in ${seconds(performance.now() - started)}.`);
  return built;
}

async function failBuild(group: ChildGroup): Promise<never> {
  say('The build failed (output above). Fix it and run npm start again.');
  await group.stopAll();
  process.exit(1);
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/**
 * `npm run dev`: hot reload for both shells.
 * - Electron runtime present (and a display): `electron-vite dev --watch` (renderer HMR, main and
 *   preload rebuilt and Electron restarted on change).
 * - Otherwise, or with --web: Vite's dev server for the renderer (HMR) plus the web shell host
 *   under `tsx watch`; Vite proxies /rpc and /session to the host. Token and host port are fixed
 *   for the session, so after a host restart the open page just reconnects on reload.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { WEB_SHELL_TOKEN_PARAMETER } from '../src/shared/contract/channels';
import { startRendererDevServer } from './devRendererServer';
import { electronRuntimeStatus, electronVersion, obtainElectronRuntime } from './electronRuntime';
import { ChildGroup, openBrowserWindow, runningAsRoot, say, startHost } from './launchSupport';
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

export async function runDev(argv: string[], root: string): Promise<void> {
  const args = parseStartArguments(argv);
  if (args.unknown.length > 0) {
    say(`Unknown option ${args.unknown.join(' ')}. Usage: npm run dev [-- --web] [-- --no-open]`);
    process.exit(2);
  }
  const group = new ChildGroup();
  const display = hasDisplay(process.platform, process.env);
  let runtime = electronRuntimeStatus(root);
  if (!args.forceWeb && !runtime.present) {
    const problem = await obtainElectronRuntime(root);
    runtime = electronRuntimeStatus(root);
    if (!runtime.present && problem) runtime = { present: false, problem };
  }
  const decision = decideShell({ arguments: args, runtime, display });
  const paragraph = fallbackParagraph(decision, electronVersion(root), 'npm run dev');
  if (paragraph) say(`\n${paragraph}\n`);

  if (decision.shell === 'electron') {
    group.stopOnSignals();
    const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const flags = process.platform === 'linux' && runningAsRoot() ? ['--noSandbox'] : [];
    const child = group.add(
      spawn(process.execPath, [electronVite, 'dev', '--watch', ...flags], {
        cwd: root,
        stdio: 'inherit',
      }),
    );
    child.once('exit', (code) => {
      if (!group.isStopping) process.exit(code ?? 0);
    });
    return;
  }

  const token = randomBytes(32).toString('base64url');
  const hostPort = await freePort();
  const host = await startHost({
    root,
    command: [
      process.execPath,
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'watch',
      '--clear-screen=false',
      'src/main/webshell/startWebShell.ts',
    ],
    environment: { EMPFANG_WEB_SHELL_TOKEN: token, EMPFANG_WEB_SHELL_PORT: String(hostPort) },
    group,
    exitWithLauncher: false,
  });
  const renderer = await startRendererDevServer({ root, hostPort });
  group.stopOnSignals(() => void renderer.server.close());
  host.child.once('exit', (code) => {
    if (group.isStopping) return;
    say(`The dev web shell host stopped (code ${code}).`);
    void renderer.server.close().then(() => process.exit(code ?? 1));
  });

  const url = `${renderer.origin}/#${WEB_SHELL_TOKEN_PARAMETER}=${token}`;
  const opening = decideOpen({
    open: args.open,
    browser: findBrowser(process.env, process.platform, existsSync),
    display,
  });
  const note =
    'Renderer changes reload live; host changes restart the host (reload the page). Ctrl+C stops it.';
  say(urlBanner(url, note));
  if (opening.open === 'browser') {
    const profile = join(host.dataDirectory ?? join(root, '.empfang-data'), 'browser-profile-dev');
    openBrowserWindow(opening.browser, browserArguments(url, profile, runningAsRoot()), group);
  } else {
    say(`  (Not opening a browser: ${opening.why}.)`);
  }
}

/** A port that was free a moment ago; the host binds it for the whole session. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm run demo` (also `npm start -- --demo`): the whole hybrid flow on one machine — the mail
 * catcher, the portal with the demo clients, the lab (Kamailio + rtpengine asking the portal),
 * the lab voicebot with its ear, the agent's desk (web shell, signed in as demo-agent, SIP 1001),
 * a second desk for supervisor and shift lead, an app window, and the caller generator.
 * Ctrl+C, SIGTERM, SIGHUP or closing the window stops everything it started (docs/demo.md).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCallerGenerator, type CallerGenerator } from '../../lab/callers/callerGenerator';
import { startCallerEar, type CallerEar } from '../../lab/callers/callerEar';
import { DEMO_CLIENTS } from '../../src/shared/demo/demoClients';
import { buildIsStale } from '../buildFreshness';
import { ChildGroup, openBrowserWindow, runBuild, runningAsRoot, say } from '../launchSupport';
import { browserArguments, decideOpen, findBrowser, hasDisplay } from '../startPlan';
import { startDemoDesk, labSipSettings, type DemoDesk } from './demoDesk';
import {
  demoBanner,
  demoFolders,
  LAB_PORTS,
  labMissingMessage,
  missingLabTools,
  portsBusyMessage,
} from './demoPlan';
import { demoLogin, startDemoPortal, type DemoPortal } from './demoPortal';
import { createDemoRun, DemoStartError, type DemoStep } from './demoSteps';
import { commandExists, labPidFiles, runLabScript } from './labScripts';
import { startMailCatcher, type MailCatcher } from './mailCatcher';
import { busyPorts } from './portCheck';

export interface DemoOptions {
  root: string;
  paceSeconds: number;
  /** Open an app window (false: print the URLs only, e.g. headless tests). */
  open: boolean;
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const { root } = options;
  const startedAt = performance.now();
  const missing = missingLabTools(commandExists);
  if (missing.length > 0) {
    say(labMissingMessage(missing));
    process.exit(1);
  }
  const folders = demoFolders(root, process.env);
  const labEnvironment = { EMPFANG_LAB_RUN_DIR: folders.lab };

  // Leftovers of a demo that was killed (pid files of the lab or the bot): stop them first.
  if (labPidFiles(folders.lab).length > 0) {
    say("Lab parts are still running in the demo's lab folder (pid files): stopping them first…");
    await runLabScript(root, 'bot.sh', ['stop'], labEnvironment).catch(() => undefined);
    await runLabScript(root, 'stop.sh', [], labEnvironment).catch(() => undefined);
  }
  const busy = await busyPorts(LAB_PORTS);
  if (busy.length > 0) {
    say(portsBusyMessage(busy));
    process.exit(1);
  }
  if (buildIsStale(root)) {
    say('Building the app (electron-vite build)…');
    if (!(await runBuild(root))) {
      say('The build failed (output above). Fix it and run npm run demo again.');
      process.exit(1);
    }
  }
  const hostCommand = [process.execPath, join(root, 'out', 'main', 'webshell.js')];

  let mail: MailCatcher | undefined;
  let portal: DemoPortal | undefined;
  let ear: CallerEar | undefined;
  let deskEar: CallerEar | undefined;
  let desk: DemoDesk | undefined;
  let secondDesk: DemoDesk | undefined;
  let callers: CallerGenerator | undefined;
  const windowGroup = new ChildGroup();
  let window: ChildProcess | undefined;
  const agent = demoLogin('agent');

  const steps: DemoStep[] = [
    {
      part: 'mail-catcher',
      start: async () => void (mail = await startMailCatcher(folders.mail)),
      stop: async () => mail?.close(),
    },
    {
      part: 'portal',
      start: async () =>
        void (portal = await startDemoPortal({
          database: folders.portalDatabase,
          smtpPort: mail!.port,
        })),
      stop: async () => portal?.portal.close(),
    },
    {
      part: 'lab',
      start: async () => {
        await runLabScript(root, 'start.sh', [], {
          ...labEnvironment,
          EMPFANG_LAB_PORTAL_URL: portal!.url,
          EMPFANG_LAB_ROUTING_SECRET: portal!.routingSecret,
          EMPFANG_LAB_AUTH: '0',
        });
      },
      stop: async () => void (await runLabScript(root, 'stop.sh', [], labEnvironment)),
    },
    {
      part: 'voicebot',
      start: async () => {
        ear = await startCallerEar();
        await runLabScript(root, 'bot.sh', ['start'], {
          ...labEnvironment,
          EMPFANG_BOT_PORTAL_URL: portal!.url,
          EMPFANG_BOT_TOKEN: portal!.botToken,
          EMPFANG_BOT_DEEPGRAM_URL: ear.baseUrl,
        });
      },
      stop: async () => {
        await runLabScript(root, 'bot.sh', ['stop'], labEnvironment);
        await ear?.close();
      },
    },
    {
      part: 'desk',
      start: async () => {
        deskEar = await startCallerEar();
        desk = await startDemoDesk({
          root,
          dataDirectory: folders.desk,
          hostCommand,
          portalUrl: portal!.url,
          sip: labSipSettings(),
          login: agent,
          deepgramUrl: deskEar.baseUrl,
        });
      },
      stop: async () => {
        await desk?.stop();
        await deskEar?.close();
      },
    },
    {
      part: 'second-desk',
      start: async () =>
        void (secondDesk = await startDemoDesk({
          root,
          dataDirectory: folders.secondDesk,
          hostCommand,
          portalUrl: portal!.url,
          login: demoLogin('supervisor'),
        })),
      stop: async () => secondDesk?.stop(),
    },
    {
      part: 'window',
      start: async () => {
        const opening = decideOpen({
          open: options.open,
          browser: findBrowser(process.env, process.platform, existsSync),
          display: hasDisplay(process.platform, process.env),
        });
        if (opening.open === 'print') return;
        window = openBrowserWindow(
          opening.browser,
          browserArguments(desk!.host.url, join(folders.desk, 'browser-profile'), runningAsRoot()),
          windowGroup,
        );
        // Closing the desk window ends the demo.
        window.once(
          'exit',
          () => void stopAndExit('The desk window was closed; stopping the demo…'),
        );
      },
      stop: () => windowGroup.stopAll(),
    },
    {
      part: 'callers',
      start: async () => {
        callers = createCallerGenerator({
          repositoryRoot: root,
          workDirectory: folders.callers,
          ear: ear!,
          ...(deskEar ? { deskEar } : {}),
          paceSeconds: options.paceSeconds,
          environment: labEnvironment,
          onCall: ({ index, concern }) => {
            const client = DEMO_CLIENTS.find((candidate) => candidate.id === concern.clientId);
            // The client's name only: callers' names and numbers stay out of the terminal.
            say(
              `demo: call ${index + 1} to ${client?.name ?? concern.clientId}` +
                ` (${concern.wantsHuman ? 'asks for a human' : 'the bot answers'})`,
            );
          },
        });
        callers.start();
      },
      stop: async () => callers?.stop(),
    },
  ];

  const run = createDemoRun(steps, (part, error) =>
    say(`Could not stop ${part}: ${error instanceof Error ? error.message : String(error)}`),
  );
  let exiting = false;
  async function stopAndExit(message: string, code = 0): Promise<void> {
    if (exiting) return;
    exiting = true;
    say(message);
    const stoppingAt = performance.now();
    await run.stop();
    say(`demo: stopped in ${Math.round(performance.now() - stoppingAt)} ms`);
    process.exit(code);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void stopAndExit('\nStopping the demo…'));
  }

  say('Starting the demo: mail catcher, portal, lab, voicebot, desks, callers…');
  try {
    await run.start();
  } catch (error) {
    const part = error instanceof DemoStartError ? error.part : 'demo';
    say(`The demo could not start (${part}): ${error instanceof Error ? error.message : ''}`);
    process.exit(1);
  }
  if (exiting) return;
  say(
    demoBanner({
      deskUrl: desk!.host.url,
      secondDeskUrl: secondDesk!.host.url,
      portalUrl: portal!.url,
      mailFolder: folders.mail,
      paceSeconds: options.paceSeconds,
      agent,
      watchers: [demoLogin('supervisor'), demoLogin('shift-lead')],
      window: window ? 'opened' : 'print',
    }),
  );
  say(`demo: ready after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
}

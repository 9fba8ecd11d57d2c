/**
 * The decisions of the demo mode (`npm run demo`, `npm start -- --demo`, docs/demo.md) as pure
 * functions: whether `npm start` offers the demo, what is missing, which parts start in which
 * order and stop in reverse, and the texts the person at the terminal reads.
 */
import { join } from 'node:path';

/** Commands the demo needs from the lab's Debian packages (lab/install.sh installs them). */
export const LAB_TOOLS = ['kamailio', 'rtpengine', 'sipp', 'espeak-ng', 'sox'] as const;

/** The one command that installs the lab. */
export const LAB_INSTALL_COMMAND = 'bash lab/install.sh';

/** The parts of the demo, in start order; they stop in the reverse order. */
export const DEMO_PARTS = [
  'mail-catcher',
  'portal',
  'lab',
  'voicebot',
  'desk',
  'second-desk',
  'window',
  'callers',
] as const;
export type DemoPart = (typeof DEMO_PARTS)[number];

/** Default pace of the caller generator: one call every this many seconds. */
export const DEFAULT_PACE_SECONDS = 45;
export const MINIMUM_PACE_SECONDS = 5;

/** Fixed lab ports the demo needs free (lab/README.md "Interface"). */
export const LAB_PORTS = [5060, 8080, 8443] as const;

export function missingLabTools(isInstalled: (command: string) => boolean): string[] {
  return LAB_TOOLS.filter((tool) => !isInstalled(tool));
}

export function labMissingMessage(missing: readonly string[]): string {
  return (
    `The demo needs the telephony lab, and ${missing.join(', ')} ` +
    `${missing.length === 1 ? 'is' : 'are'} not installed. Install the lab once with\n\n` +
    `    ${LAB_INSTALL_COMMAND}\n\n` +
    '(Debian packages; as root directly, otherwise through sudo), then run npm run demo again.'
  );
}

export function portsBusyMessage(ports: readonly number[]): string {
  return (
    `The demo needs the lab's ports, but ${ports.join(', ')} ${ports.length === 1 ? 'is' : 'are'} ` +
    'in use: is the lab already running? Stop it with bash lab/stop.sh (and bash lab/bot.sh ' +
    'stop), then run npm run demo again.'
  );
}

/** Whether the desk's settings name a SIP server (then `npm start` offers no demo). */
export function sipIsConfigured(settingsJson: string | undefined): boolean {
  if (!settingsJson) return false;
  try {
    const parsed = JSON.parse(settingsJson) as {
      sip?: { uri?: unknown; webSocketServer?: unknown };
    };
    return Boolean(parsed.sip?.uri) || Boolean(parsed.sip?.webSocketServer);
  } catch {
    // An unreadable settings file: the desk itself reports it; no demo offer on top.
    return true;
  }
}

export type DemoOffer = 'ask' | 'hint' | 'none';

/**
 * `npm start` without `--demo`: ask at an interactive terminal, print a one-line hint otherwise
 * (never wait for an answer nobody can give), nothing when the lab is missing or SIP is set.
 */
export function decideDemoOffer(input: {
  labInstalled: boolean;
  sipConfigured: boolean;
  interactive: boolean;
}): DemoOffer {
  if (!input.labInstalled || input.sipConfigured) return 'none';
  return input.interactive ? 'ask' : 'hint';
}

export const DEMO_QUESTION =
  'No SIP server is set up in the desk, and the telephony lab is installed. Start the demo ' +
  '(portal, lab, voicebot and generated German callers on this machine)? [y/N] ';

export const DEMO_HINT =
  'Tip: no SIP server is set up and the telephony lab is installed: npm run demo shows the ' +
  'whole hybrid flow on this machine (docs/demo.md).';

export function answeredYes(answer: string): boolean {
  return /^\s*(y|yes|j|ja)\s*$/i.test(answer);
}

/** Where the demo keeps its state: `.demo-run/` in the repository (git-ignored). */
export interface DemoFolders {
  root: string;
  /** The lab's state dir: EMPFANG_LAB_RUN_DIR when set (lab/run-isolated.sh), else root/lab. */
  lab: string;
  desk: string;
  /** The second desk (supervisor / shift lead), a web shell host of its own. */
  secondDesk: string;
  portalDatabase: string;
  mail: string;
  callers: string;
}

export function demoFolders(repositoryRoot: string, environment: NodeJS.ProcessEnv): DemoFolders {
  const root = environment.EMPFANG_DEMO_DIR ?? join(repositoryRoot, '.demo-run');
  return {
    root,
    lab: environment.EMPFANG_LAB_RUN_DIR ?? join(root, 'lab'),
    desk: join(root, 'desk'),
    secondDesk: join(root, 'second-desk'),
    portalDatabase: join(root, 'portal.sqlite'),
    mail: join(root, 'mail'),
    callers: join(root, 'callers'),
  };
}

export interface DemoLogin {
  userName: string;
  password: string;
  role: string;
}

/** The box printed once everything runs. */
export function demoBanner(input: {
  deskUrl: string;
  secondDeskUrl: string;
  portalUrl: string;
  mailFolder: string;
  paceSeconds: number;
  agent: DemoLogin;
  watchers: readonly DemoLogin[];
  window: 'opened' | 'print';
}): string {
  const logins = input.watchers.map(
    (user) => `      ${user.role.padEnd(11)} ${user.userName} / ${user.password}`,
  );
  return [
    '',
    '  Empfang demo is running.',
    '',
    `  Desk, signed in as ${input.agent.userName} (SIP 1001 at the lab):`,
    `      ${input.deskUrl}`,
    input.window === 'opened'
      ? '      (opened in an app window; closing it stops the demo)'
      : '      (open it in Chromium or Chrome)',
    '  Set yourself "Verfügbar" to get the escalation offers.',
    '',
    `  Generated callers: one call every ${input.paceSeconds} s to the three demo clients' lines.`,
    `  E-mails of saved notes: ${input.mailFolder} (one .eml file per mail).`,
    '',
    '  Supervisor and shift-lead views, in a second window (signed in as the first login below;',
    '  log out and in with the second for the shift lead):',
    `      ${input.secondDeskUrl}`,
    ...logins,
    `  Portal (API, OpenAPI at /openapi.json): ${input.portalUrl}`,
    '',
    '  Ctrl+C stops everything the demo started.',
    '',
  ].join('\n');
}

export interface DemoArguments {
  /** `--demo` (or `npm run demo`): run the demo. */
  demo: boolean;
  /** `--pace SECONDS`: one generated call every this many seconds. */
  paceSeconds: number;
  /** `--no-demo`: never offer the demo. */
  offer: boolean;
  /** Everything else, for `parseStartArguments`. */
  rest: string[];
  problems: string[];
}

/** Takes the demo's options out of `npm start`'s arguments. */
export function parseDemoArguments(argv: readonly string[]): DemoArguments {
  const result: DemoArguments = {
    demo: false,
    paceSeconds: DEFAULT_PACE_SECONDS,
    offer: true,
    rest: [],
    problems: [],
  };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--demo') result.demo = true;
    else if (argument === '--no-demo') result.offer = false;
    else if (argument === '--pace' || argument.startsWith('--pace=')) {
      const value = argument === '--pace' ? argv[(index += 1)] : argument.slice('--pace='.length);
      const seconds = Number(value);
      if (value === undefined || !Number.isInteger(seconds) || seconds < MINIMUM_PACE_SECONDS)
        result.problems.push(`--pace needs whole seconds ≥ ${MINIMUM_PACE_SECONDS}`);
      else result.paceSeconds = seconds;
    } else result.rest.push(argument);
  }
  if (!result.demo && result.paceSeconds !== DEFAULT_PACE_SECONDS)
    result.problems.push('--pace only applies with --demo (npm run demo -- --pace 30)');
  return result;
}

/** The desk's settings files `npm start` may use: Electron's and the web shell's. */
export function deskSettingsFiles(environment: NodeJS.ProcessEnv, home: string): string[] {
  if (environment.EMPFANG_DATA_DIR) return [join(environment.EMPFANG_DATA_DIR, 'settings.json')];
  const configHome = environment.XDG_CONFIG_HOME ?? join(home, '.config');
  return [
    join(configHome, 'Empfang', 'settings.json'),
    join(configHome, 'Empfang', 'web-shell', 'settings.json'),
  ];
}

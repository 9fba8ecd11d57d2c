/**
 * The decisions of `npm start` and `npm run dev`, as pure functions so they are unit-tested:
 * which shell to run, whether to build, which browser to open and with which flags, and the
 * texts the agent reads when Electron cannot run.
 */
import { delimiter, join } from 'node:path';

export interface StartArguments {
  /** `--web`: run the web shell even when Electron could run. */
  forceWeb: boolean;
  /** `--no-open`: only print the web shell URL, open no browser. */
  open: boolean;
  unknown: string[];
}

export function parseStartArguments(argv: readonly string[]): StartArguments {
  const result: StartArguments = { forceWeb: false, open: true, unknown: [] };
  for (const argument of argv) {
    if (argument === '--web') result.forceWeb = true;
    else if (argument === '--no-open') result.open = false;
    else result.unknown.push(argument);
  }
  return result;
}

export type RuntimeStatus =
  { present: true; executable: string } | { present: false; problem: string };

export type ShellDecision =
  | { shell: 'electron'; executable: string }
  | { shell: 'web'; reason: 'forced' | 'runtime-missing' | 'no-display'; problem?: string };

/** A graphical session: always on macOS and Windows; on Linux X11 or Wayland must be set. */
export function hasDisplay(platform: NodeJS.Platform, environment: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(environment.DISPLAY || environment.WAYLAND_DISPLAY);
}

export function decideShell(input: {
  arguments: StartArguments;
  runtime: RuntimeStatus;
  display: boolean;
}): ShellDecision {
  if (input.arguments.forceWeb) return { shell: 'web', reason: 'forced' };
  if (!input.runtime.present) {
    return { shell: 'web', reason: 'runtime-missing', problem: input.runtime.problem };
  }
  if (!input.display) return { shell: 'web', reason: 'no-display' };
  return { shell: 'electron', executable: input.runtime.executable };
}

/** The one paragraph `npm start` prints when it falls back to the web shell. */
export function fallbackParagraph(
  decision: ShellDecision,
  electronVersion: string,
  command = 'npm start',
): string | undefined {
  if (decision.shell !== 'web' || decision.reason === 'forced') return undefined;
  if (decision.reason === 'no-display') {
    return (
      'Electron is installed, but there is no graphical display (neither DISPLAY nor ' +
      'WAYLAND_DISPLAY is set), so its window cannot open. Starting the web shell instead: the ' +
      `same app, served on 127.0.0.1 for a browser. Run ${command} from a desktop session to ` +
      'get the Electron window.'
    );
  }
  return (
    `The Electron runtime is not available: the npm package electron ${electronVersion} is ` +
    'installed, but its runtime binary is fetched on first use and that failed here' +
    (decision.problem ? ` (${decision.problem})` : '') +
    '. Starting the web shell instead: the same app, served on 127.0.0.1 and shown in a ' +
    'browser window. To get the Electron shell, make the download work (network access to the ' +
    'Electron releases, or ELECTRON_MIRROR set to a reachable mirror), or copy an Electron ' +
    `${electronVersion} runtime for this platform into node_modules/electron/dist (and write its ` +
    'executable name, e.g. "electron", into node_modules/electron/path.txt), or point ' +
    `ELECTRON_OVERRIDE_DIST_PATH at a folder holding one; then run ${command} again.`
  );
}

/** Build when an output is missing or any source is newer than the oldest output. */
export function needsBuild(
  outputTimes: readonly (number | undefined)[],
  newestSource: number,
): boolean {
  if (outputTimes.length === 0 || outputTimes.some((time) => time === undefined)) return true;
  return newestSource > Math.min(...(outputTimes as number[]));
}

/** Browsers that can show the web shell as an app window, in order of preference. */
export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

const MAC_BROWSERS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The first installed browser, or undefined. `exists` is injected for tests. */
export function findBrowser(
  environment: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  exists: (path: string) => boolean,
): string | undefined {
  const override = environment.EMPFANG_BROWSER;
  if (override) return exists(override) ? override : undefined;
  if (platform === 'darwin') {
    const found = MAC_BROWSERS.find(exists);
    if (found) return found;
  }
  const folders = (environment.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  for (const name of BROWSER_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Flags for an app-mode window with its own profile (never the agent's normal browser profile),
 * and without the background traffic that a closed network would keep retrying.
 */
export function browserArguments(
  url: string,
  profileDirectory: string,
  runningAsRoot: boolean,
): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDirectory}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Chromium refuses to start as root with its sandbox on.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

export type OpenDecision = { open: 'browser'; browser: string } | { open: 'print'; why: string };

export function decideOpen(input: {
  open: boolean;
  browser: string | undefined;
  display: boolean;
}): OpenDecision {
  if (!input.open) return { open: 'print', why: '--no-open was given' };
  if (!input.display) return { open: 'print', why: 'there is no graphical display' };
  if (!input.browser) return { open: 'print', why: 'no Chromium or Chrome was found' };
  return { open: 'browser', browser: input.browser };
}

export interface ReadyLine {
  url: string;
  dataDirectory?: string;
}

/** The web shell host's `{"event":"ready","url":...}` line, or undefined for any other line. */
export function parseReadyLine(line: string): ReadyLine | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { event?: unknown; url?: unknown; dataDirectory?: unknown };
    if (parsed.event !== 'ready' || typeof parsed.url !== 'string') return undefined;
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(parsed.url)) return undefined;
    return typeof parsed.dataDirectory === 'string'
      ? { url: parsed.url, dataDirectory: parsed.dataDirectory }
      : { url: parsed.url };
  } catch {
    return undefined;
  }
}

/** The box that makes the URL impossible to miss in a busy terminal. */
export function urlBanner(url: string, note: string): string {
  return ['', '  Empfang web shell is running at:', '', `      ${url}`, '', `  ${note}`, ''].join(
    '\n',
  );
}

/**
 * Process plumbing shared by `npm start` and `npm run dev`: building, starting the web shell
 * host and reading its ready line, opening a browser window, and stopping every child cleanly
 * on Ctrl+C.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { parseReadyLine, type ReadyLine } from './startPlan';
import { EXIT_WITH_LAUNCHER_VARIABLE } from '../src/main/webshell/exitWithLauncher';

export function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Children that must not outlive the launcher. */
export class ChildGroup {
  private readonly children = new Set<ChildProcess>();
  private stopping = false;

  constructor() {
    // Last resort when the launcher dies of an error: no host or browser may be left behind.
    process.once('exit', () => {
      for (const child of this.children) child.kill('SIGKILL');
    });
  }

  add(child: ChildProcess): ChildProcess {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** SIGTERM to every child, SIGKILL to whatever is still alive after the grace period. */
  async stopAll(graceMilliseconds = 3000): Promise<void> {
    this.stopping = true;
    const alive = [...this.children].filter(
      (child) => child.exitCode === null && child.signalCode === null,
    );
    await Promise.all(
      alive.map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, graceMilliseconds);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  /** Stops everything and exits on Ctrl+C or SIGTERM. */
  stopOnSignals(onStop: () => void = () => undefined): void {
    const stop = (): void => {
      if (this.stopping) return;
      onStop();
      void this.stopAll().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}

/** `electron-vite build`; its output is shown only when it fails. */
export function runBuild(root: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      if (code !== 0) process.stderr.write(output);
      resolve(code === 0);
    });
  });
}

export interface StartedHost extends ReadyLine {
  child: ChildProcess;
}

/**
 * Runs a web shell host entry through tsx and waits for its ready line. Host output other than
 * the ready line is passed through, so its log lines stay visible.
 */
export function startHost(options: {
  root: string;
  command: string[];
  environment?: NodeJS.ProcessEnv;
  group: ChildGroup;
  timeoutMilliseconds?: number;
  /**
   * The host ends when this launcher dies, even by SIGKILL (default true). Off for a host run
   * under `tsx watch`, which does not hand its own stdin to the process it restarts.
   */
  exitWithLauncher?: boolean;
}): Promise<StartedHost> {
  const followLauncher = options.exitWithLauncher ?? true;
  return new Promise((resolve, reject) => {
    const [executable, ...args] = options.command;
    const child = options.group.add(
      spawn(executable!, args, {
        cwd: options.root,
        env: {
          ...process.env,
          ...options.environment,
          ...(followLauncher ? { [EXIT_WITH_LAUNCHER_VARIABLE]: '1' } : {}),
        },
        // The host's stdin stays an open pipe: it closes with this launcher, even on SIGKILL,
        // and the host ends with it (src/main/webshell/exitWithLauncher.ts).
        stdio: [followLauncher ? 'pipe' : 'ignore', 'pipe', 'inherit'] satisfies StdioOptions,
      }),
    );
    let ready = false;
    const timer = setTimeout(() => {
      if (!ready) reject(new Error('the web shell host did not report ready in time'));
    }, options.timeoutMilliseconds ?? 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = parseReadyLine(line);
      if (parsed && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ ...parsed, child });
      } else if (parsed) {
        // A watched host restarted; its own URL would only confuse (the page keeps its URL).
        say('The web shell host restarted; reload the page if it shows a connection error.');
      } else {
        say(line);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready)
        reject(new Error(`the web shell host exited with code ${code} before it was ready`));
    });
  });
}

/** Opens an app-mode browser window; its chatter is discarded. */
export function openBrowserWindow(
  browser: string,
  args: string[],
  group: ChildGroup,
): ChildProcess {
  return group.add(spawn(browser, args, { stdio: 'ignore' }));
}

export function runningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Starts the web shell host (src/main/webshell/startWebShell.ts) as a child process for
 * end-to-end tests and scripts: a temporary data folder (kept across a restart within one test),
 * the page URL with its per-start token from the host's `ready` line, and a clean stop.
 *
 * Needs the built renderer (`npx electron-vite build`, done once by the Playwright global setup).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..', '..');
const HOST_ENTRY = join(REPOSITORY_ROOT, 'src', 'main', 'webshell', 'startWebShell.ts');
const READY_TIMEOUT_MILLISECONDS = 30_000;
const STOP_TIMEOUT_MILLISECONDS = 5_000;

export interface WebShellHost {
  /** The page URL including `#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDirectory: string;
  /** Milliseconds from spawning the process to its `ready` line. */
  startMilliseconds: number;
  /** Process id, for reports; stop with `stop()`. */
  pid: number;
  /** Lines the host wrote to stderr (rejections are logged there as JSON). */
  errorOutput: string[];
  stop(): Promise<void>;
}

export interface StartWebShellOptions {
  /** Reuse a data folder (e.g. after a restart); a new temporary one otherwise. */
  dataDirectory?: string;
  environment?: Record<string, string>;
}

/** Creates an empty temporary data folder; remove it with `removeDataDirectory`. */
export function createDataDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'empfang-e2e-'));
}

export async function removeDataDirectory(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

export async function startWebShell(options: StartWebShellOptions = {}): Promise<WebShellHost> {
  const dataDirectory = options.dataDirectory ?? (await createDataDirectory());
  const started = performance.now();
  // The bundled host of the run's build when the global setup provided one; otherwise the
  // source through `node --import tsx` (not `npx tsx`: one process, so stopping it stops it).
  const bundled = process.env.EMPFANG_HOST_ENTRY;
  const child = spawn(process.execPath, bundled ? [bundled] : ['--import', 'tsx', HOST_ENTRY], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...options.environment, EMPFANG_DATA_DIR: dataDirectory },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test runner that dies must not leave hosts behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const errorOutput: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errorOutput.push(line));

  const ready = await new Promise<{ url: string }>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(new Error(`web shell host not ready in ${READY_TIMEOUT_MILLISECONDS} ms`));
    }, READY_TIMEOUT_MILLISECONDS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let message: { event?: string; url?: string };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      if (message.event === 'ready' && message.url) {
        clearTimeout(timer);
        resolveReady({ url: message.url });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectReady(
        new Error(`web shell host exited (${code}) before ready: ${errorOutput.join('\n')}`),
      );
    });
  });

  const url = new URL(ready.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  return {
    url: ready.url,
    origin: url.origin,
    token,
    dataDirectory,
    startMilliseconds: performance.now() - started,
    pid: child.pid!,
    errorOutput,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MILLISECONDS);
  await exited;
  clearTimeout(timer);
}

/**
 * Finds the Electron runtime binary without ever triggering its download (requiring the
 * `electron` package would), and obtains it on request with electron's own install.js.
 * electron 42+ installs without the binary and fetches it lazily; electron-vite never does.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeStatus } from './startPlan';

export function electronPackageDirectory(root: string): string {
  return join(root, 'node_modules', 'electron');
}

export function electronVersion(root: string): string {
  try {
    const manifest = JSON.parse(
      readFileSync(join(electronPackageDirectory(root), 'package.json'), 'utf8'),
    ) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Where electron's index.js would look; present only if the executable file exists. */
export function electronRuntimeStatus(
  root: string,
  environment: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): RuntimeStatus {
  const packageDirectory = electronPackageDirectory(root);
  if (!exists(join(packageDirectory, 'package.json'))) {
    return { present: false, problem: 'the electron package is not installed (npm ci)' };
  }
  let executableName: string | undefined;
  try {
    executableName = read(join(packageDirectory, 'path.txt')).trim() || undefined;
  } catch {
    executableName = undefined;
  }
  const override = environment.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = join(override, executableName ?? defaultExecutableName(process.platform));
    return exists(executable)
      ? { present: true, executable }
      : { present: false, problem: `no runtime at ELECTRON_OVERRIDE_DIST_PATH (${executable})` };
  }
  if (!executableName) return { present: false, problem: 'the runtime was never downloaded' };
  const executable = join(packageDirectory, 'dist', executableName);
  return exists(executable)
    ? { present: true, executable }
    : { present: false, problem: `${executable} is missing` };
}

function defaultExecutableName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Runs electron's install.js (honours ELECTRON_MIRROR and the electron_config_cache).
 * Resolves with the first meaningful error line when it fails, undefined on success.
 */
export function obtainElectronRuntime(
  root: string,
  timeoutMilliseconds = 300_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronPackageDirectory(root), 'install.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve('the download did not finish in time');
    }, timeoutMilliseconds);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(
        code === 0 ? undefined : (firstErrorLine(output) ?? `install.js exited with ${code}`),
      );
    });
  });
}

/** "TypeError: fetch failed" out of a stack trace, or the first non-empty line. */
export function firstErrorLine(output: string): string | undefined {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines[0];
}

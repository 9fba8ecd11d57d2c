import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitWithLauncher } from './exitWithLauncher';

describe('exitWithLauncher', () => {
  it('shuts down once when the launcher pipe ends, not before', () => {
    const pipe = new PassThrough();
    let shutdowns = 0;
    exitWithLauncher(pipe, () => (shutdowns += 1));
    pipe.write('anything');
    expect(shutdowns).toBe(0);
    pipe.end();
    return new Promise<void>((resolve) => {
      pipe.once('close', () => {
        expect(shutdowns).toBe(1);
        resolve();
      });
    });
  });

  it("sees a real process's pipe close when that process is killed with SIGKILL", async () => {
    // A stand-in launcher: its stdout is our read end of the pipe, as the host's stdin is the
    // launcher's. SIGKILL gives it no chance to close anything itself; the kernel does.
    const launcher = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const shutdown = new Promise<string>((resolve) =>
      exitWithLauncher(launcher.stdout, () => resolve('shut down')),
    );
    await new Promise((resolve) => launcher.once('spawn', resolve));
    launcher.kill('SIGKILL');
    await expect(shutdown).resolves.toBe('shut down');
  });
});

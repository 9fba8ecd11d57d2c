/**
 * The lab's own scripts (lab/start.sh, lab/stop.sh, lab/bot.sh) run from the demo: they already
 * start every daemon in its own session and stop whole process groups, so the demo reuses them
 * instead of managing Kamailio, rtpengine or the voicebot itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `bash lab/<script> ARGS`; resolves with its output, rejects with it when it fails. */
export function runLabScript(
  root: string,
  script: string,
  argumentsList: readonly string[],
  environment: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(root, 'lab', script), ...argumentsList], {
      cwd: root,
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`lab/${script} ${argumentsList.join(' ')}: ${output.trim()}`)),
    );
  });
}

/** Pid files the lab scripts leave while their daemons run. */
export const LAB_PID_FILES = ['kamailio.pid', 'rtpengine.pid', 'voicebot.pid'] as const;

/** Pid files present in a lab state dir (a demo that was killed leaves them behind). */
export function labPidFiles(labDirectory: string): string[] {
  return LAB_PID_FILES.filter((file) => existsSync(join(labDirectory, file)));
}

/** Whether a command is on PATH. */
export function commandExists(command: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A web shell host started by a launcher (`npm start`, `npm run demo`, `npm run dev`) ends when
 * the launcher is gone. The launcher normally stops its hosts itself (SIGTERM), but a launcher
 * killed with SIGKILL cannot, and the host would keep its port and data folder. So the launcher
 * holds the host's stdin open as a pipe and sets EMPFANG_EXIT_WITH_LAUNCHER=1: when the pipe
 * closes (the kernel closes it with the launcher, however it died), the host shuts down.
 */

/** The environment variable a launcher sets when it keeps the host's stdin pipe open. */
export const EXIT_WITH_LAUNCHER_VARIABLE = 'EMPFANG_EXIT_WITH_LAUNCHER';

/** Calls `shutdown` once when `input` (the launcher's pipe) ends, closes or fails. */
export function exitWithLauncher(input: NodeJS.ReadableStream, shutdown: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    shutdown();
  };
  input.once('end', once);
  input.once('close', once);
  input.once('error', once);
  // Nothing is ever written; reading keeps the stream flowing so "end" is seen.
  input.resume();
}

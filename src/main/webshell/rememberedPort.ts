import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../services/secrets/atomicFile';

const PORT_FILE_NAME = 'web-shell-port';

/**
 * The browser keeps IndexedDB (note outbox, sealed drafts) per origin, and the origin includes
 * the port: a new port on every start would strand queued notes under the old origin. So the
 * host reuses the port of its last start, and takes a free one only when that is busy.
 */
export async function readRememberedPort(dataDirectory: string): Promise<number | undefined> {
  try {
    const port = Number((await readFile(join(dataDirectory, PORT_FILE_NAME), 'utf8')).trim());
    return Number.isInteger(port) && port > 1024 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

export async function rememberPort(dataDirectory: string, port: number): Promise<void> {
  await writeFileAtomically(join(dataDirectory, PORT_FILE_NAME), `${port}\n`);
}

/** Tries each candidate port in order; a busy port (EADDRINUSE) moves on to the next. */
export async function startOnFirstFreePort<T>(
  candidates: readonly number[],
  start: (port: number) => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (const port of candidates) {
    try {
      return await start(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      lastError = error;
    }
  }
  throw lastError ?? new Error('No port to try');
}

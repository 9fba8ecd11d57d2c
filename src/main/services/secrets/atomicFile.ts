import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn file:
 * write a sibling, fsync via the flag, then rename over the target. Mode 0600: user only.
 */
export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporaryPath = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporaryPath, content, { mode: 0o600, flag: 'w', flush: true });
  await rename(temporaryPath, path);
  // rename keeps the temporary file's mode, but an older file may have been created laxer.
  await chmod(path, 0o600);
}

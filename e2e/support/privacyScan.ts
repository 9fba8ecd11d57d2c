/**
 * Byte searches for the privacy canary specs: every file under a folder, searched for needles
 * as Latin-1/UTF-8 and as UTF-16LE bytes (how Chromium stores strings in IndexedDB).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Files (relative to `root`) that contain any of the needles as Latin-1 or UTF-16LE bytes. */
export async function filesContaining(root: string, needles: readonly string[]): Promise<string[]> {
  const patterns = needles.flatMap((needle) => [
    Buffer.from(needle, 'latin1'),
    Buffer.from(needle, 'utf16le'),
  ]);
  const hits: string[] = [];
  for (const file of await filesUnder(root)) {
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      continue; // sockets, files removed while listing
    }
    if (patterns.some((pattern) => content.includes(pattern))) hits.push(relative(root, file));
  }
  return hits;
}

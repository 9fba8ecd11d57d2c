import { readFile } from 'node:fs/promises';
import { rendererFileFor } from '../services/rendererFiles/rendererFilePath';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path inside the renderer folder. Paths that escape the folder, hidden files and
 * unknown types are not served (undefined), so the host can never leak other files.
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const file = rendererFileFor(root, decoded);
  if (!file) return undefined;
  try {
    return { body: await readFile(file.path), contentType: file.contentType };
  } catch {
    return undefined;
  }
}

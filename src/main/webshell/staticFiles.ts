import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES } from '../services/rendererFiles/rendererContentTypes';

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
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = normalize(join(root, relative));
  if (!resolved.startsWith(normalize(root) + sep)) return undefined;
  if (relative.split('/').some((part) => part.startsWith('.'))) return undefined;
  const contentType = RENDERER_CONTENT_TYPES[extname(resolved).toLowerCase()];
  if (!contentType) return undefined;
  try {
    return { body: await readFile(resolved), contentType };
  } catch {
    return undefined;
  }
}

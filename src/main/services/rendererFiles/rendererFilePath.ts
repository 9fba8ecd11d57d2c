/**
 * The one rule both shells use to map a request path to a file of the built renderer: the
 * Electron `empfang://` handler and the web shell host both call it after decoding the URL.
 * A path escaping the folder, naming a hidden or dot segment, carrying NUL, a backslash or a
 * drive colon, or a type not in {@link RENDERER_CONTENT_TYPES} is not served (undefined).
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES } from './rendererContentTypes';

export interface RendererFile {
  path: string;
  contentType: string;
}

/** `decodedPath` is the URL path after percent-decoding, e.g. `/assets/index.js` or `/`. */
export function rendererFileFor(
  rendererDirectory: string,
  decodedPath: string,
): RendererFile | undefined {
  const path = decodedPath === '' || decodedPath === '/' ? '/index.html' : decodedPath;
  // Decoding can produce separators and dot segments the URL parser never saw.
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.') || segment.includes(':'))) {
    return undefined;
  }
  const contentType = RENDERER_CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return undefined;
  const root = resolve(rendererDirectory);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return undefined;
  }
  return { path: file, contentType };
}

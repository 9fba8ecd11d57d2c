/**
 * The `empfang://` scheme that serves the built renderer (SECURITY.md rule 1: never file://).
 * Registered as privileged before the app is ready (a standard, secure scheme gives the page a
 * real origin and a secure context for getUserMedia), then handled from out/renderer with
 * path-traversal protection: only files inside that folder, no hidden files, known types only.
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_PROTOCOL } from '../../shared/contract/channels';
import { APP_HOST } from './appOrigin';
import { RENDERER_CONTENT_TYPES } from '../services/rendererFiles/rendererContentTypes';
import { rendererFileFor } from '../services/rendererFiles/rendererFilePath';
import type { CustomSchemePrivileges, ProtocolLike } from './electronApi';

export const APP_SCHEME_PRIVILEGES: CustomSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // Same-origin only: no other origin may read app files with CORS.
  corsEnabled: false,
  stream: true,
  codeCache: true,
};

/** MUST run before `app.whenReady()` resolves; Electron ignores it afterwards. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_PROTOCOL, privileges: APP_SCHEME_PRIVILEGES },
  ]);
}

/**
 * The file a request URL names inside `rendererDirectory`, or undefined when it is not one the
 * app may serve (other host, traversal, hidden or unknown file types).
 */
export function resolveRendererPath(
  rendererDirectory: string,
  requestUrl: string,
): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  return rendererFileFor(rendererDirectory, path)?.path;
}

export interface AppRequestOptions {
  rendererDirectory: string;
  /** Read per request: the policy follows the settings (SIP server) without a restart. */
  contentSecurityPolicy(): string;
  readFile?(path: string): Promise<Uint8Array>;
}

export async function serveAppRequest(
  request: Request,
  options: AppRequestOptions,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const path = resolveRendererPath(options.rendererDirectory, request.url);
  if (!path) return notFound();
  let body: Uint8Array;
  try {
    body = await (options.readFile ?? readFileFromDisk)(path);
  } catch {
    return notFound();
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: {
      'Content-Type': RENDERER_CONTENT_TYPES[extname(path).toLowerCase()]!,
      'Content-Security-Policy': options.contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

export function installAppProtocol(protocol: ProtocolLike, options: AppRequestOptions): void {
  protocol.handle(APP_PROTOCOL, (request) => serveAppRequest(request, options));
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

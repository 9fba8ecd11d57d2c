/**
 * Plain HTTP to the portal: JSON in and out, a timeout on every request, and a clear split
 * between "the portal answered" (any status) and "the portal could not be reached"
 * ({@link PortalUnreachableError}). Response bodies are never logged (they carry personal data).
 */
import { parseRetryAfter } from '../../../shared/sync/backoff';

/** What the portal answered. `retryAfterSeconds` is read from `Retry-After` (seconds or date). */
export interface PortalResponse {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterSeconds: number | undefined;
}

/** The request never got an HTTP answer: connection refused, reset, DNS, timeout. */
export class PortalUnreachableError extends Error {
  constructor(readonly reason: 'network' | 'timeout') {
    super(`Portal unreachable (${reason})`);
    this.name = 'PortalUnreachableError';
  }
}

export interface PortalRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly accessToken?: string;
  readonly headers?: Record<string, string>;
}

export type PortalFetch = (request: PortalRequest) => Promise<PortalResponse>;

/** Default time a request may take before it counts as unreachable. */
export const PORTAL_REQUEST_TIMEOUT_MILLISECONDS = 10_000;

/** Creates the fetcher for one portal base URL (e.g. `http://127.0.0.1:8787`). */
export function createPortalFetch(
  baseUrl: string,
  timeoutMilliseconds = PORTAL_REQUEST_TIMEOUT_MILLISECONDS,
): PortalFetch {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request) => {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.timeout(timeoutMilliseconds),
        redirect: 'error',
      });
    } catch (error) {
      const name = (error as { name?: string }).name;
      throw new PortalUnreachableError(
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
      );
    }
    let body: unknown = null;
    try {
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('application/json');
      body = isJson && text !== '' ? JSON.parse(text) : text;
    } catch {
      // A body cut off mid-way (portal died while answering) is the same as no answer: the
      // request may or may not have been committed, which the idempotency key resolves.
      throw new PortalUnreachableError('network');
    }
    return {
      status: response.status,
      body,
      retryAfterSeconds: retryAfterSecondsOf(response.headers.get('retry-after')),
    };
  };
}

/** The portal's error code (`{ error: { code } }`), or a code made from the status. */
export function errorCodeOf(response: PortalResponse): string {
  const error = (response.body as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string' ? error.code : `http-${response.status}`;
}

/** Field paths of a 400 answer (never the messages, which could echo input). */
export function fieldPathsOf(response: PortalResponse): string[] {
  const error = (response.body as { error?: { fieldErrors?: unknown } } | null)?.error;
  if (!Array.isArray(error?.fieldErrors)) return [];
  return error.fieldErrors
    .map((fieldError: { path?: unknown }) => fieldError.path)
    .filter((path): path is string => typeof path === 'string')
    .slice(0, 50);
}

function retryAfterSecondsOf(header: string | null): number | undefined {
  const milliseconds = parseRetryAfter(header, Date.now());
  return milliseconds === undefined ? undefined : Math.ceil(milliseconds / 1000);
}

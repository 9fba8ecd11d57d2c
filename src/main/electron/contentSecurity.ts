/**
 * The Content-Security-Policy of the Electron shell (SECURITY.md rule 2), built with the shared
 * builder so both shells send the same policy. It is set on every response through the session
 * (and by the app protocol handler itself), replacing any policy a server sent.
 *
 * Development only (electron-vite dev, never a packaged app): Vite's dev server injects an inline
 * React-refresh preamble and inline styles and talks HMR over its own WebSocket, so the dev policy
 * adds 'unsafe-inline' for scripts and styles and the dev server to connect-src.
 */
import { buildContentSecurityPolicy, originsOf } from '../../shared/security/contentSecurityPolicy';
import type { HeadersReceivedDetails, SessionLike } from './electronApi';

export interface PolicyInput {
  /** The configured SIP WebSocket server (settings `sip.webSocketServer`), may be empty. */
  sipWebSocketServer: string;
  /** Set only in development builds. */
  developmentServerUrl?: string;
}

export function buildAppContentSecurityPolicy(input: PolicyInput): string {
  const policy = buildContentSecurityPolicy(originsOf([input.sipWebSocketServer]));
  if (!input.developmentServerUrl) return policy;
  const server = originsOf([input.developmentServerUrl]);
  const socket = server.map((origin) => origin.replace(/^http/, 'ws'));
  return extendDirectives(policy, {
    'script-src': ["'unsafe-inline'", ...server],
    'style-src': ["'unsafe-inline'", ...server],
    'connect-src': [...server, ...socket],
  });
}

/** Appends sources to existing directives of a policy string. */
function extendDirectives(policy: string, additions: Record<string, string[]>): string {
  return policy
    .split('; ')
    .map((directive) => {
      const name = directive.split(' ')[0]!;
      const extra = additions[name];
      return extra && extra.length > 0 ? `${directive} ${extra.join(' ')}` : directive;
    })
    .join('; ');
}

/** Returns the headers with every existing CSP header (any casing) replaced by `policy`. */
export function withContentSecurityPolicy(
  headers: HeadersReceivedDetails['responseHeaders'],
  policy: string,
): Record<string, string[] | string> {
  const result: Record<string, string[] | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') {
      continue;
    }
    result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

export function installContentSecurityHeaders(session: SessionLike, policy: () => string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy()) });
  });
}

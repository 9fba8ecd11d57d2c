/**
 * The renderer's Content-Security-Policy (SECURITY.md rule 2), one builder for both shells.
 * No `unsafe-inline`, no `unsafe-eval`; `connect-src` lists only the origins the desk must
 * reach: its own host, the configured SIP WebSocket server, portal and providers.
 */

/** Turns configured URLs into CSP origins; invalid or empty entries are dropped. */
export function originsOf(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    if (url.trim() === '') continue;
    try {
      const parsed = new URL(url);
      if (!/^(https?|wss?):$/.test(parsed.protocol)) continue;
      origins.add(`${parsed.protocol}//${parsed.host}`);
    } catch {
      // Unparseable settings never widen the policy.
    }
  }
  return [...origins].sort();
}

export function buildContentSecurityPolicy(connectOrigins: readonly string[]): string {
  const connect = ["'self'", ...connectOrigins].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob: mediastream:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

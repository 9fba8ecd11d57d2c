/**
 * Headers on every portal answer, and the answer to URLs Fastify cannot even route.
 *
 * The portal serves JSON and CSV to programs, never pages, so its Content-Security-Policy allows
 * nothing: if a browser ever rendered an answer, no script, style, frame or form would run, and
 * no site may frame it (`frame-ancestors 'none'`, plus `X-Frame-Options` for old browsers).
 * HSTS is sent only on answers that travelled over TLS (`request.protocol === 'https'`): on
 * plain HTTP it would be ignored by browsers at best and wrongly pin a development host at worst.
 * Behind a TLS-terminating proxy, the proxy sets HSTS.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

export const PORTAL_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const ONE_YEAR_SECONDS = 31_536_000;

/** Security and cache headers for one answer. */
export function securityHeaders(protocol: string): Record<string, string> {
  return {
    'content-security-policy': PORTAL_CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    // Answers carry personal data or tokens: no shared or browser cache may keep them.
    'cache-control': 'no-store',
    ...(protocol === 'https'
      ? { 'strict-transport-security': `max-age=${ONE_YEAR_SECONDS}; includeSubDomains` }
      : {}),
  };
}

/** `onSend` hook: adds the headers to every routed answer, errors included. */
export async function addSecurityHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.headers(securityHeaders(request.protocol));
  return payload;
}

/**
 * Fastify's own answer to a malformed URL (`FST_ERR_BAD_URL`) or a bad content type quotes the
 * request back (`"'/calls/%E0' is not a valid url component"`) in its own error format. This
 * answers in the portal's shape with a fixed text instead.
 */
export const answerFrameworkError: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  error,
  request,
  reply,
) => {
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_BAD_URL' ? 'Malformed URL' : 'Request rejected';
  // Fastify types this reply with the generics of a route that does not exist here.
  void (reply as unknown as FastifyReply)
    .code(status)
    .headers(securityHeaders(request.protocol))
    .send({ error: { code: 'validation', message } });
};

/**
 * Short-lived access tokens: `base64url(JSON payload).base64url(HMAC-SHA256)`, signed with the
 * portal's token secret. They carry only IDs (user, session) and the expiry; the role and client
 * scope are read from the database on every request, so a role change applies at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const AccessTokenPayloadSchema = z.object({
  userId: z.string(),
  sessionId: z.string(),
  /** Expiry in milliseconds since the epoch. */
  expiresAt: z.number(),
});
export type AccessTokenPayload = z.infer<typeof AccessTokenPayloadSchema>;

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Creates a signed token. */
export function createAccessToken(secret: string, payload: AccessTokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** Returns the payload of a valid, unexpired token, or undefined. */
export function readAccessToken(
  secret: string,
  token: string,
  now: number,
): AccessTokenPayload | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(secret, body));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  try {
    const parsed = AccessTokenPayloadSchema.safeParse(
      JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
    );
    if (!parsed.success || parsed.data.expiresAt <= now) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

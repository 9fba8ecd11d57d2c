/**
 * Login, refresh, logout and per-request authentication.
 *
 * A login opens a session. Each session has one live refresh token at a time: a refresh marks
 * it used and issues the next (rotation). Presenting an already used refresh token means it was
 * copied, so the whole session is revoked. Access tokens name the session, so logout and
 * revocation end them at once, not only at expiry.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { PortalContext } from '../portalContext';
import { findUserRowByName, getUser } from '../domain/userStore';
import type { TokenPair } from '../../shared/portalWire/authSchemas';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { createAccessToken, readAccessToken } from './accessTokens';
import type { AuthenticatedUser } from './authenticatedUser';
import { verifyAgainstDummy, verifyPassword } from './passwordHashing';
import { MAXIMUM_SESSION_SECONDS } from '../portalOptions';

export type LoginResult =
  | { kind: 'ok'; tokens: TokenPair }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

async function issueTokens(
  context: PortalContext,
  userId: string,
  sessionId: string,
  sessionExpiresAt: string,
): Promise<TokenPair> {
  const now = context.now();
  const refreshToken = randomBytes(32).toString('base64url');
  const refreshExpiry = Math.min(
    now + context.refreshTokenSeconds * 1000,
    Date.parse(sessionExpiresAt),
  );
  await context.database
    .insertInto('refresh_tokens')
    .values({
      token_hash: hashToken(refreshToken),
      session_id: sessionId,
      expires_at: iso(refreshExpiry),
      used_at: null,
    })
    .execute();
  const accessExpiry = now + context.accessTokenSeconds * 1000;
  const user = await getUser(context.database, userId);
  if (!user) throw new Error('User vanished while issuing tokens');
  return {
    accessToken: createAccessToken(context.tokenSecret, {
      userId,
      sessionId,
      expiresAt: accessExpiry,
    }),
    accessTokenExpiresAt: iso(accessExpiry),
    refreshToken,
    refreshTokenExpiresAt: iso(refreshExpiry),
    user,
  };
}

/** Drops refresh tokens and sessions past their expiry, so the tables stay small. */
async function purgeExpired(context: PortalContext): Promise<void> {
  const now = iso(context.now());
  await context.database.deleteFrom('refresh_tokens').where('expires_at', '<', now).execute();
  await context.database.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

/** Checks the password (rate-limited per user name, address and both) and opens a session. */
export async function login(
  context: PortalContext,
  userName: string,
  password: string,
  address: string,
): Promise<LoginResult> {
  // Reserved before the (slow) password check: parallel guesses cannot all pass the limit.
  const reservation = context.loginRateLimiter.reserve(userName, address);
  if (reservation.kind === 'limited') {
    const retryAfterSeconds = Math.ceil(reservation.retryAfterMilliseconds / 1000);
    return { kind: 'rate-limited', retryAfterSeconds };
  }
  const row = await findUserRowByName(context.database, userName);
  const valid = row
    ? await verifyPassword(password, row.password_hash)
    : await verifyAgainstDummy(password, context.passwordCost);
  if (!row || !valid || row.disabled === 1) return { kind: 'invalid' };
  reservation.attempt.succeeded();
  await purgeExpired(context);
  const sessionId = randomUUID();
  const expiresAt = iso(context.now() + MAXIMUM_SESSION_SECONDS * 1000);
  await context.database
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: row.id,
      created_at: iso(context.now()),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { kind: 'ok', tokens: await issueTokens(context, row.id, sessionId, expiresAt) };
}

/** Revokes one session (its access and refresh tokens) and ends its event sockets. */
async function revokeSession(context: PortalContext, sessionId: string): Promise<void> {
  await context.database
    .updateTable('sessions')
    .set({ revoked_at: iso(context.now()) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
  context.events.endSockets({ sessionId }, 'revoked');
}

/**
 * Revokes every session of a user (a password reset, a disable, a role change): every access
 * and refresh token of the user dies at once. Runs in the caller's transaction; the caller ends
 * the user's event sockets (`context.events.endSockets`) after the commit.
 */
export async function revokeUserSessions(
  database: Kysely<PortalDatabase> | Transaction<PortalDatabase>,
  userId: string,
  at: string,
): Promise<void> {
  await database
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Rotates a refresh token; undefined when it is unknown, expired, reused or revoked. */
export async function refresh(
  context: PortalContext,
  refreshToken: string,
): Promise<TokenPair | undefined> {
  const tokenHash = hashToken(refreshToken);
  const now = iso(context.now());
  const row = await context.database
    .selectFrom('refresh_tokens')
    .innerJoin('sessions', 'sessions.id', 'refresh_tokens.session_id')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'refresh_tokens.session_id as sessionId',
      'refresh_tokens.expires_at as tokenExpiresAt',
      'refresh_tokens.used_at as usedAt',
      'sessions.revoked_at as revokedAt',
      'sessions.expires_at as sessionExpiresAt',
      'users.id as userId',
      'users.disabled as disabled',
    ])
    .where('refresh_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revokedAt !== null || row.disabled === 1) return undefined;
  if (row.tokenExpiresAt <= now || row.sessionExpiresAt <= now) return undefined;
  const claimed = await context.database
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (row.usedAt !== null || Number(claimed.numUpdatedRows) !== 1) {
    // Reuse of a rotated token: someone holds a copy. End the session for everyone.
    await revokeSession(context, row.sessionId);
    return undefined;
  }
  return issueTokens(context, row.userId, row.sessionId, row.sessionExpiresAt);
}

/** Ends the session of this access token (and with it every refresh token of the session). */
export async function logout(context: PortalContext, sessionId: string): Promise<void> {
  await revokeSession(context, sessionId);
}

/** Ends the session a refresh token belongs to (logout when the access token is gone). */
export async function logoutByRefreshToken(
  context: PortalContext,
  refreshToken: string,
): Promise<void> {
  const row = await context.database
    .selectFrom('refresh_tokens')
    .select('session_id')
    .where('token_hash', '=', hashToken(refreshToken))
    .executeTakeFirst();
  if (row) await revokeSession(context, row.session_id);
}

/** Resolves a bearer token to a user with live session, current role and client scope. */
export async function authenticate(
  context: PortalContext,
  accessToken: string,
): Promise<AuthenticatedUser | undefined> {
  const payload = readAccessToken(context.tokenSecret, accessToken, context.now());
  if (!payload) return undefined;
  const row = await context.database
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.user_name', 'users.display_name', 'users.role', 'users.disabled'])
    .select(['sessions.revoked_at', 'sessions.expires_at'])
    .where('sessions.id', '=', payload.sessionId)
    .where('users.id', '=', payload.userId)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled === 1) return undefined;
  if (row.expires_at <= iso(context.now())) return undefined;
  const assignments = await context.database
    .selectFrom('user_client_assignments')
    .select('client_id')
    .where('user_id', '=', row.id)
    .execute();
  return {
    id: row.id,
    userName: row.user_name,
    displayName: row.display_name,
    role: row.role as UserRole,
    clientIds: new Set(assignments.map((assignment) => assignment.client_id)),
    sessionId: payload.sessionId,
  };
}

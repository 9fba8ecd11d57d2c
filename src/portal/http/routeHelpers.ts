/** Checks every scoped route makes, in one place. */
import { canAccessClient, type AuthenticatedUser } from '../auth/authenticatedUser';
import { findClientIdByLine } from '../domain/clientStore';
import type { PortalContext } from '../portalContext';
import { forbidden, notFound } from './httpError';

/** Throws 403 unless the user may act on this client. */
export function requireClient(user: AuthenticatedUser, clientId: string): void {
  if (!canAccessClient(user, clientId)) throw forbidden();
}

/** The client IDs a user is scoped to; undefined for admins (all clients). */
export function scopeOf(user: AuthenticatedUser): string[] | undefined {
  return user.role === 'admin' ? undefined : [...user.clientIds];
}

/** Headers that keep personal data out of shared caches. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/**
 * The client of a line the user may see. Unknown lines and lines of clients outside the user's
 * scope both answer 404 with the same body, so line numbers cannot be enumerated.
 */
export async function findVisibleClientIdByLine(
  context: PortalContext,
  user: AuthenticatedUser,
  line: string,
): Promise<string> {
  const clientId = await findClientIdByLine(context.database, line);
  if (!clientId || !canAccessClient(user, clientId)) throw notFound('Line');
  return clientId;
}

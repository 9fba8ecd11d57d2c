/** Checks every scoped route makes, in one place. */
import { canAccessClient, type AuthenticatedUser } from '../auth/authenticatedUser';
import { forbidden } from './httpError';

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

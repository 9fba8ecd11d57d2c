/**
 * Who is calling, as every route sees it, and the two checks every route makes: role and
 * client scope. Admins see every client; every other role only its assigned clients.
 */
import type { UserRole } from '../../shared/portalWire/commonSchemas';

export interface AuthenticatedUser {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string;
  readonly role: UserRole;
  /** Assigned clients; ignored for admins, who see all. */
  readonly clientIds: ReadonlySet<string>;
  readonly sessionId: string;
}

/** True when the user may see and act on data of this client. */
export function canAccessClient(user: AuthenticatedUser, clientId: string): boolean {
  return user.role === 'admin' || user.clientIds.has(clientId);
}

/** Roles that may do anything scoped; shorthand for route declarations. */
export const ALL_ROLES: readonly UserRole[] = ['agent', 'supervisor', 'shift-lead', 'admin'];
/** Roles that watch other users' presence: `GET /presence` and the `presence.changed` audience. */
export const WATCHER_ROLES = ['supervisor', 'shift-lead', 'admin'] as const;

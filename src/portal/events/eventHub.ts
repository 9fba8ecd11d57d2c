/**
 * In-process publish/subscribe for portal events. One instance per portal; several portal
 * instances would bridge this through a broker (Redis/NATS), which is not built yet.
 *
 * Rules every publisher follows (the types enforce the first):
 * - Every event MUST declare its audience: the clients whose users may see it and, if narrower,
 *   the roles. It is the same scope the matching `GET` route applies, so the event stream never
 *   shows what the routes hide. Admins receive every event their role may see.
 * - Events carry IDs and states only, never names, numbers or texts: a desk that needs details
 *   fetches them through a scoped route.
 * - Whatever ends or narrows a user's access (logout, revocation, a role or client change,
 *   disabling) MUST call `endSockets`, so open event sockets stop at once and not at expiry.
 */
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { canAccessClient, type AuthenticatedUser } from '../auth/authenticatedUser';

/** Who may receive an event. */
export interface EventAudience {
  /** Users scoped to one of these clients; `everyone` for events no client owns. */
  readonly clientIds: readonly string[] | 'everyone';
  /** Only these roles (absent: every role). */
  readonly roles?: readonly UserRole[];
  /**
   * These users too, whatever their clients and role: an agent's own state, an offer that rings
   * at exactly one desk (`clientIds: []`).
   */
  readonly userIds?: readonly string[];
}

/** Whose event sockets must end: one session (logout) or every session of a user. */
export type SocketTarget = { readonly sessionId: string } | { readonly userId: string };

/** Why sockets end: the session is gone (`revoked`) or the user's scope changed (reconnect). */
export type SocketEndReason = 'revoked' | 'scope-changed';

export type PortalEventListener = (event: PortalEvent, audience: EventAudience) => void;
export type SocketEndListener = (target: SocketTarget, reason: SocketEndReason) => void;

/** True when this user may receive an event with this audience. */
export function isInAudience(user: AuthenticatedUser, audience: EventAudience): boolean {
  if (audience.userIds?.includes(user.id)) return true;
  if (audience.roles && !audience.roles.includes(user.role)) return false;
  if (audience.clientIds === 'everyone') return true;
  return audience.clientIds.some((clientId) => canAccessClient(user, clientId));
}

export class EventHub {
  private readonly listeners = new Set<PortalEventListener>();
  private readonly socketEndListeners = new Set<SocketEndListener>();
  private endCount = 0;

  /** Delivers to every listener; a failing listener never stops the others. */
  publish(event: PortalEvent, audience: EventAudience): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, audience);
      } catch {
        // A broken socket must not break the request that caused the event.
      }
    }
  }

  subscribe(listener: PortalEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the event sockets of a session or user; call it after the change is committed. */
  endSockets(target: SocketTarget, reason: SocketEndReason): void {
    this.endCount += 1;
    for (const listener of [...this.socketEndListeners]) listener(target, reason);
  }

  onEndSockets(listener: SocketEndListener): () => void {
    this.socketEndListeners.add(listener);
    return () => this.socketEndListeners.delete(listener);
  }

  /**
   * Counts `endSockets` calls. A socket that was authenticating while one happened checks again,
   * so it cannot keep a scope it read just before the change was committed.
   */
  get socketEndCount(): number {
    return this.endCount;
  }
}

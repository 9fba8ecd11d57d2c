/**
 * Who receives the hybrid events (docs/hybrid.md "Events"), in the terms of `EventAudience`:
 * the same scope as the matching `GET` routes.
 */
import { WATCHER_ROLES } from '../auth/authenticatedUser';
import type { EventAudience } from '../events/eventHub';

/** Bot-call state, transcripts and queues: the users of that client. */
export function clientAudience(clientId: string): EventAudience {
  return { clientIds: [clientId] };
}

/** An offer rings at exactly one desk: its agent's. */
export function offerAudience(agentUserId: string): EventAudience {
  return { clientIds: [], userIds: [agentUserId] };
}

/**
 * An agent's state: watchers who share a client with the agent (the scope of `GET /presence`)
 * and the agent's own desks.
 */
export function presenceAudienceOf(userId: string, clientIds: readonly string[]): EventAudience {
  return { clientIds: [...clientIds], roles: WATCHER_ROLES, userIds: [userId] };
}

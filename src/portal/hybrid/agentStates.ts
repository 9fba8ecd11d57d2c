/**
 * Agent states for the hybrid reception: available, offered, in-call, wrap-up, break (with a
 * reason), offline. Only available agents get offers, longest idle first; `idle_since` is when
 * an agent last became available from work or a break (a declined offer does not reset it).
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { AgentState } from '../../shared/portalWire/hybridSchemas';
import type { EventAudience, EventHub } from '../events/eventHub';
import { presenceAudienceOf } from './hybridAudiences';

export interface AvailableAgent {
  userId: string;
  sipUser: string;
  idleSince: string;
}

/** Who sees an agent's state change ({@link presenceAudienceOf} with the agent's clients). */
export async function presenceAudience(
  database: Kysely<PortalDatabase>,
  userId: string,
): Promise<EventAudience> {
  const rows = await database
    .selectFrom('user_client_assignments')
    .select('client_id')
    .where('user_id', '=', userId)
    .execute();
  return presenceAudienceOf(
    userId,
    rows.map((row) => row.client_id),
  );
}

/** Stores an agent's state and tells watchers; returns the previous state. */
export async function setAgentState(
  database: Kysely<PortalDatabase>,
  events: EventHub,
  change: {
    userId: string;
    state: AgentState;
    at: string;
    reason?: string | null;
    /**
     * Who set it: the agent's own desk (its user ID), a supervisor (theirs), or the portal
     * itself (none). The desk follows only a state someone else set (a supervisor's break).
     */
    changedBy?: string | null;
    /** The offer engine ends an offer: `offered` → `available` is allowed only then. */
    endsOffer?: boolean;
  },
): Promise<AgentState | undefined> {
  const previous = await database
    .selectFrom('presence')
    .select(['state', 'idle_since', 'updated_at'])
    .where('user_id', '=', change.userId)
    .executeTakeFirst();
  // A desk re-reporting "available" while its offer rings must not make it offerable twice.
  if (previous?.state === 'offered' && change.state === 'available' && !change.endsOffer)
    return 'offered';
  const stillIdle = previous?.state === 'available' || previous?.state === 'offered';
  const idleSince =
    change.state === 'available' || change.state === 'offered'
      ? stillIdle
        ? (previous?.idle_since ?? change.at)
        : change.at
      : null;
  const reason = change.state === 'break' ? (change.reason ?? null) : null;
  // `updated_at` is when the state began (the board's time in state): a desk re-reporting the
  // same state does not reset it.
  const since = previous?.state === change.state ? previous.updated_at : change.at;
  await database
    .insertInto('presence')
    .values({
      user_id: change.userId,
      state: change.state,
      updated_at: since,
      idle_since: idleSince,
      reason,
    })
    .onConflict((conflict) =>
      conflict
        .column('user_id')
        .doUpdateSet({ state: change.state, updated_at: since, idle_since: idleSince, reason }),
    )
    .execute();
  if (previous?.state !== change.state)
    events.publish(
      {
        type: 'presence.changed',
        at: change.at,
        userId: change.userId,
        state: change.state,
        reason,
        changedBy: change.changedBy ?? null,
      },
      await presenceAudience(database, change.userId),
    );
  return previous?.state as AgentState | undefined;
}

/**
 * Available agents of a client with a SIP user, longest idle first. `excluding`: user IDs that
 * already passed on this call.
 */
export async function listAvailableAgents(
  database: Kysely<PortalDatabase>,
  clientId: string,
  excluding: readonly string[] = [],
): Promise<AvailableAgent[]> {
  let query = database
    .selectFrom('presence')
    .innerJoin('users', 'users.id', 'presence.user_id')
    .innerJoin('user_client_assignments', 'user_client_assignments.user_id', 'users.id')
    .select(['users.id as userId', 'users.sip_user as sipUser', 'presence.idle_since as idleSince'])
    .where('presence.state', '=', 'available')
    .where('users.disabled', '=', 0)
    .where('users.sip_user', 'is not', null)
    .where('user_client_assignments.client_id', '=', clientId);
  if (excluding.length > 0) query = query.where('users.id', 'not in', [...excluding]);
  const rows = await query.orderBy('presence.idle_since').orderBy('users.id').execute();
  return rows.map((row) => ({
    userId: row.userId,
    sipUser: row.sipUser ?? '',
    idleSince: row.idleSince ?? '',
  }));
}

/** The SIP user of an agent, if any. */
export async function sipUserOf(
  database: Kysely<PortalDatabase>,
  userId: string,
): Promise<string | undefined> {
  const row = await database
    .selectFrom('users')
    .select('sip_user')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.sip_user ?? undefined;
}

/** Maps an agent to the SIP user name of its desk (unique; null removes it). */
export async function setSipUser(
  database: Kysely<PortalDatabase>,
  userId: string,
  sipUser: string | null,
): Promise<void> {
  await database.updateTable('users').set({ sip_user: sipUser }).where('id', '=', userId).execute();
}

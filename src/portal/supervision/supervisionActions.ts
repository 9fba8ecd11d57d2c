/**
 * What a supervisor does from the board: set an agent not ready, log an agent out, acknowledge
 * an alert, whisper to the agent on a call, write a review note. Each checks that the agent or
 * call belongs to a client of the supervisor (admins: any) and leaves an audit entry where it
 * changes someone else's state.
 */
import { randomUUID } from 'node:crypto';
import { WATCHER_ROLES, canAccessClient, type AuthenticatedUser } from '../auth/authenticatedUser';
import { revokeUserSessions } from '../auth/sessionService';
import { appendAudit } from '../domain/auditLog';
import { setAgentState } from '../hybrid/agentStates';
import { getBotCallRow } from '../hybrid/botCallStore';
import { offerAudience } from '../hybrid/hybridAudiences';
import { conflict, forbidden, notFound } from '../http/httpError';
import { nowIso, type PortalContext } from '../portalContext';
import type {
  HumanTranscriptSegment,
  ReviewNote,
  Whisper,
} from '../../shared/portalWire/supervisionSchemas';

/** The agent's clients, if the supervisor shares one with the agent (404 for unknown users). */
async function requireSupervisedAgent(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  agentUserId: string,
): Promise<string[]> {
  const agent = await context.database
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', agentUserId)
    .executeTakeFirst();
  if (!agent) throw notFound('User');
  const rows = await context.database
    .selectFrom('user_client_assignments')
    .select('client_id')
    .where('user_id', '=', agentUserId)
    .execute();
  const clientIds = rows.map((row) => row.client_id);
  if (supervisor.role !== 'admin' && !clientIds.some((id) => canAccessClient(supervisor, id)))
    throw forbidden();
  return clientIds;
}

/** Not ready (break) with a reason: the offer engine offers this agent nothing more. */
export async function setAgentNotReady(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  agentUserId: string,
  reason: string,
): Promise<void> {
  const clientIds = await requireSupervisedAgent(context, supervisor, agentUserId);
  const at = nowIso(context);
  await setAgentState(context.database, context.events, {
    userId: agentUserId,
    state: 'break',
    at,
    reason,
    changedBy: supervisor.id,
  });
  await appendAudit(context.database, {
    at,
    actorUserId: supervisor.id,
    action: 'agent.set-not-ready',
    clientId: clientIds[0] ?? null,
    targetType: 'user',
    targetId: agentUserId,
    details: {},
  });
  // An offer ringing at that desk now goes on to the next agent when it ends.
  context.offers.nudge();
}

/** Ends every session of the agent (tokens and event sockets); the agent is offline. */
export async function logAgentOut(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  agentUserId: string,
): Promise<void> {
  const clientIds = await requireSupervisedAgent(context, supervisor, agentUserId);
  const at = nowIso(context);
  await context.database.transaction().execute(async (transaction) => {
    await revokeUserSessions(transaction, agentUserId, at);
    await appendAudit(transaction, {
      at,
      actorUserId: supervisor.id,
      action: 'agent.logged-out',
      clientId: clientIds[0] ?? null,
      targetType: 'user',
      targetId: agentUserId,
      details: {},
    });
  });
  context.events.endSockets({ userId: agentUserId }, 'revoked');
  await setAgentState(context.database, context.events, {
    userId: agentUserId,
    state: 'offline',
    at,
    changedBy: supervisor.id,
  });
}

/** Records who acknowledged an alert (the first acknowledgement stays). */
export async function acknowledgeAlert(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  clientId: string,
  alertKey: string,
): Promise<void> {
  if (!canAccessClient(supervisor, clientId)) throw forbidden();
  const at = nowIso(context);
  await context.database
    .insertInto('alert_acknowledgements')
    .values({
      alert_key: alertKey,
      client_id: clientId,
      acknowledged_by: supervisor.id,
      acknowledged_at: at,
    })
    .onConflict((conflict) => conflict.column('alert_key').doNothing())
    .execute();
  context.events.publish(
    { type: 'supervision.changed', at, clientId },
    { clientIds: [clientId], roles: WATCHER_ROLES },
  );
}

async function requireSupervisedCall(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  callId: string,
) {
  const row = await getBotCallRow(context.database, callId);
  if (!row) throw notFound('Call');
  if (!canAccessClient(supervisor, row.client_id)) throw forbidden();
  return row;
}

/**
 * Segments of the human part from the desk of the agent who took the call over; nobody else may
 * write them (403), and not after the call ended (409).
 */
export async function reportHumanTranscript(
  context: PortalContext,
  agent: AuthenticatedUser,
  callId: string,
  segments: readonly HumanTranscriptSegment[],
): Promise<void> {
  const row = await getBotCallRow(context.database, callId);
  if (!row) throw notFound('Call');
  if (row.accepted_by !== agent.id) throw forbidden();
  if (row.state === 'ended') throw conflict('call-ended');
  context.humanTranscripts.put(callId, segments);
}

/**
 * A text to the agent on the call: stored, and announced to exactly that user (the event
 * carries IDs; the agent's desk reads the text through `GET /calls/:callId/whispers`).
 */
export async function whisper(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  callId: string,
  text: string,
): Promise<Whisper> {
  const row = await requireSupervisedCall(context, supervisor, callId);
  if (!row.accepted_by || row.state === 'ended') throw conflict('no-agent-on-call');
  const saved: Whisper = {
    id: randomUUID(),
    callId,
    fromUserId: supervisor.id,
    text,
    sentAt: nowIso(context),
  };
  await context.database
    .insertInto('whispers')
    .values({
      id: saved.id,
      call_id: callId,
      client_id: row.client_id,
      from_user_id: supervisor.id,
      to_user_id: row.accepted_by,
      text,
      sent_at: saved.sentAt,
    })
    .execute();
  context.events.publish(
    {
      type: 'whisper.received',
      at: saved.sentAt,
      agentUserId: row.accepted_by,
      callId,
      whisperId: saved.id,
    },
    offerAudience(row.accepted_by),
  );
  return saved;
}

/** The whispers addressed to this user on this call, oldest first. */
export async function listWhispersTo(
  context: PortalContext,
  userId: string,
  callId: string,
): Promise<Whisper[]> {
  const rows = await context.database
    .selectFrom('whispers')
    .selectAll()
    .where('to_user_id', '=', userId)
    .where('call_id', '=', callId)
    .orderBy('sent_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    callId: row.call_id,
    fromUserId: row.from_user_id,
    text: row.text,
    sentAt: row.sent_at,
  }));
}

export async function addReviewNote(
  context: PortalContext,
  supervisor: AuthenticatedUser,
  callId: string,
  note: { text: string; segmentId?: string | undefined },
): Promise<ReviewNote> {
  const row = await requireSupervisedCall(context, supervisor, callId);
  const saved: ReviewNote = {
    id: randomUUID(),
    callId,
    segmentId: note.segmentId ?? null,
    authorUserId: supervisor.id,
    text: note.text,
    createdAt: nowIso(context),
  };
  await context.database
    .insertInto('review_notes')
    .values({
      id: saved.id,
      call_id: callId,
      client_id: row.client_id,
      segment_id: saved.segmentId,
      author_user_id: supervisor.id,
      text: saved.text,
      created_at: saved.createdAt,
    })
    .execute();
  return saved;
}

export async function listReviewNotes(
  context: PortalContext,
  callId: string,
): Promise<ReviewNote[]> {
  const rows = await context.database
    .selectFrom('review_notes')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    callId: row.call_id,
    segmentId: row.segment_id,
    authorUserId: row.author_user_id,
    text: row.text,
    createdAt: row.created_at,
  }));
}

export { requireSupervisedCall };

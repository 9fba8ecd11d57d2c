/**
 * Bot calls in the database: created when the routing API sends a call to the bot (or when the
 * bot reports a call it got otherwise), read for the desk's board, the detail view and the
 * events. Rows hold IDs and state only; what was said lives in BotCallContent.
 */
import type { Kysely, Selectable } from 'kysely';
import type { BotCallsTable, PortalDatabase } from '../database/databaseSchema';
import type {
  BotCallDetail,
  BotCallState,
  BotCallSummary,
  EscalationUrgency,
  QueueEntry,
} from '../../shared/portalWire/hybridSchemas';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';
import type { BotCallContent } from './botCallContent';

type Database = Kysely<PortalDatabase>;
export type BotCallRow = Selectable<BotCallsTable>;

/** Queue order: urgency first (emergency = 0), then waiting time. */
export const URGENCY_RANK: Readonly<Record<EscalationUrgency, number>> = {
  emergency: 0,
  high: 1,
  normal: 2,
  low: 3,
};
const PEEK_SEGMENTS = 3;

export async function createBotCall(
  database: Database,
  call: {
    callId: string;
    clientId: string;
    line: string;
    sipCallId: string;
    botId: string | null;
    at: string;
  },
): Promise<boolean> {
  const inserted = await database
    .insertInto('bot_calls')
    .values({
      call_id: call.callId,
      client_id: call.clientId,
      line: call.line,
      sip_call_id: call.sipCallId,
      bot_id: call.botId,
      state: 'with-bot',
      started_at: call.at,
      disclosure_played: 0,
      queue_state: 'none',
      queue_rank: URGENCY_RANK.normal,
      passed_over_json: '[]',
      updated_at: call.at,
    })
    .onConflict((conflict) => conflict.column('call_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getBotCallRow(
  database: Database,
  callId: string,
): Promise<BotCallRow | undefined> {
  return database
    .selectFrom('bot_calls')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst();
}

/** Live bot calls (not ended) of the given clients (all when undefined). */
export async function listLiveBotCallRows(
  database: Database,
  clientIds: readonly string[] | undefined,
): Promise<BotCallRow[]> {
  if (clientIds !== undefined && clientIds.length === 0) return [];
  let query = database.selectFrom('bot_calls').selectAll().where('state', '!=', 'ended');
  if (clientIds !== undefined) query = query.where('client_id', 'in', [...clientIds]);
  return query.orderBy('started_at').execute();
}

export async function toBotCallDetail(
  database: Database,
  content: BotCallContent,
  row: BotCallRow,
): Promise<BotCallDetail> {
  const { segments, fields, summary } = await content.read(database, row.call_id);
  const finals = segments.filter((segment) => segment.final);
  const summaryView: BotCallSummary = {
    callId: row.call_id,
    clientId: row.client_id,
    line: row.line,
    state: row.state as BotCallState,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    disclosurePlayed: Number(row.disclosure_played) === 1,
    consentGiven: row.consent_given === null ? null : Number(row.consent_given) === 1,
    escalation:
      row.escalation_reason && row.escalation_urgency && row.escalated_at
        ? {
            reason: row.escalation_reason as NonNullable<BotCallSummary['escalation']>['reason'],
            urgency: row.escalation_urgency as EscalationUrgency,
            summary,
            requestedAt: row.escalated_at,
          }
        : null,
    acceptedBy: row.accepted_by,
    transcriptPeek: finals.slice(-PEEK_SEGMENTS),
  };
  return { ...summaryView, transcript: segments, collectedFields: fields };
}

/** The `bot-call.updated` event of a call's current state (client scope, no caller number). */
export function botCallUpdatedEvent(detail: BotCallDetail, at: string): PortalEvent {
  return {
    type: 'bot-call.updated',
    at,
    clientId: detail.clientId,
    callId: detail.callId,
    line: detail.line,
    state: detail.state,
    consentGiven: detail.consentGiven,
    disclosurePlayed: detail.disclosurePlayed,
    collectedFields: detail.collectedFields,
    escalation: detail.escalation,
    acceptedBy: detail.acceptedBy,
    startedAt: detail.startedAt,
    endedAt: detail.endedAt,
  };
}

/** Waiting and offered calls of one client, in queue order. */
export async function listQueue(database: Database, clientId: string): Promise<QueueEntry[]> {
  const rows = await database
    .selectFrom('bot_calls')
    .select(['call_id', 'line', 'escalation_urgency', 'escalated_at', 'offered_to'])
    .where('client_id', '=', clientId)
    .where('queue_state', 'in', ['waiting', 'offered'])
    .orderBy('queue_rank')
    .orderBy('escalated_at')
    .execute();
  return rows.map((row) => ({
    callId: row.call_id,
    line: row.line,
    urgency: (row.escalation_urgency ?? 'normal') as EscalationUrgency,
    waitingSince: row.escalated_at ?? '',
    offeredTo: row.offered_to,
  }));
}

/** The `queue.updated` snapshot of one client. */
export async function queueUpdatedEvent(
  database: Database,
  clientId: string,
  at: string,
): Promise<PortalEvent> {
  const [waiting, live] = await Promise.all([
    listQueue(database, clientId),
    database
      .selectFrom('bot_calls')
      .select((builder) => builder.fn.countAll<number>().as('count'))
      .where('client_id', '=', clientId)
      .where('state', '=', 'with-bot')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    type: 'queue.updated',
    at,
    clientId,
    waitingCalls: waiting,
    botCalls: Number(live.count),
  };
}

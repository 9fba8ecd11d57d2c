/**
 * Applies one event of the bot API (`POST /bot/v1/events`). Idempotent by `eventId`: the first
 * delivery is applied, a replay with the same body gets the same answer, the same ID with
 * another body is a conflict. A call's state only moves forward (an `ended` call stays ended),
 * so events that arrive out of order cannot undo later ones.
 */
import { createHash } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { BotCallsTable } from '../database/databaseSchema';
import type { PortalContext } from '../portalContext';
import { findClientIdByLine, getClient } from '../domain/clientStore';
import { submitNote } from '../domain/noteStore';
import type { BotEvent } from '../../shared/portalWire/hybridSchemas';
import type { NoteSubmission } from '../../shared/portalWire/noteSchemas';
import { nowIso } from '../portalContext';
import type { BotInstance } from './hybridSettings';
import { createBotCall, getBotCallRow, toBotCallDetail, type BotCallRow } from './botCallStore';

export type IngestResult =
  | { kind: 'applied' | 'replayed' }
  | { kind: 'conflict' | 'unknown-call' | 'unknown-line' | 'out-of-scope' | 'call-ended' };

function hashOf(event: BotEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

function inScope(bot: BotInstance, clientId: string): boolean {
  return bot.clientIds === undefined || bot.clientIds.includes(clientId);
}

/** Whether the client keeps bot content in memory only (retention `ram-only`). */
export async function isRamOnly(context: PortalContext, clientId: string): Promise<boolean> {
  const profile = await getClient(context.database, clientId);
  return profile === undefined || profile.retention.mode === 'ram-only';
}

async function resolveCall(
  context: PortalContext,
  bot: BotInstance,
  event: BotEvent,
): Promise<{ row: BotCallRow } | { error: IngestResult }> {
  let row = await getBotCallRow(context.database, event.callId);
  if (!row && event.type === 'call-started') {
    const clientId = await findClientIdByLine(context.database, event.line);
    if (!clientId) return { error: { kind: 'unknown-line' } };
    if (!inScope(bot, clientId)) return { error: { kind: 'out-of-scope' } };
    await createBotCall(context.database, {
      callId: event.callId,
      clientId,
      line: event.line,
      sipCallId: event.sipCallId,
      botId: bot.id,
      at: nowIso(context),
    });
    row = await getBotCallRow(context.database, event.callId);
  }
  if (!row) return { error: { kind: 'unknown-call' } };
  if (!inScope(bot, row.client_id)) return { error: { kind: 'out-of-scope' } };
  if (event.type === 'call-started' && event.line !== row.line)
    return { error: { kind: 'out-of-scope' } };
  if (row.state === 'ended' && event.type !== 'ended') return { error: { kind: 'call-ended' } };
  return { row };
}

export async function ingestBotEvent(
  context: PortalContext,
  bot: BotInstance,
  event: BotEvent,
): Promise<IngestResult> {
  const { database } = context;
  const requestHash = hashOf(event);
  const seen = await database
    .selectFrom('bot_events')
    .selectAll()
    .where('event_id', '=', event.eventId)
    .executeTakeFirst();
  if (seen) {
    return seen.request_hash === requestHash && seen.bot_id === bot.id
      ? { kind: 'replayed' }
      : { kind: 'conflict' };
  }
  const resolved = await resolveCall(context, bot, event);
  if ('error' in resolved) return resolved.error;
  const inserted = await database
    .insertInto('bot_events')
    .values({
      event_id: event.eventId,
      bot_id: bot.id,
      call_id: event.callId,
      request_hash: requestHash,
      status: 'applied',
      received_at: nowIso(context),
    })
    .onConflict((conflict) => conflict.column('event_id').doNothing())
    .executeTakeFirst();
  // A concurrent duplicate inserted first: answer as its replay.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1)
    return ingestBotEvent(context, bot, event);
  try {
    await apply(context, bot, resolved.row, event);
  } catch (error) {
    await database.deleteFrom('bot_events').where('event_id', '=', event.eventId).execute();
    throw error;
  }
  return { kind: 'applied' };
}

async function apply(
  context: PortalContext,
  bot: BotInstance,
  row: BotCallRow,
  event: BotEvent,
): Promise<void> {
  const { database, offers, botContent } = context;
  const at = nowIso(context);
  const ramOnly = await isRamOnly(context, row.client_id);
  const update = (values: Updateable<BotCallsTable>) =>
    database
      .updateTable('bot_calls')
      .set(values)
      .where('call_id', '=', row.call_id)
      .where('state', '!=', 'ended')
      .execute();
  switch (event.type) {
    case 'call-started':
      await update({ bot_id: bot.id, sip_call_id: event.sipCallId, updated_at: at });
      break;
    case 'disclosure-played':
      await update({ disclosure_played: 1, updated_at: at });
      break;
    case 'consent':
      await update({ consent_given: event.given ? 1 : 0, updated_at: at });
      break;
    case 'transcript-segment': {
      const { segmentId, speaker, text, startMs, endMs, final } = event;
      const segment = { segmentId, speaker, text, startMs, endMs, final };
      await botContent.putSegment(database, row.call_id, ramOnly, segment);
      context.events.publish({
        type: 'bot-call.transcript',
        at,
        clientId: row.client_id,
        callId: row.call_id,
        segments: [segment],
      });
      return;
    }
    case 'field-collected':
      await botContent.putField(database, row.call_id, ramOnly, {
        field: event.field,
        value: event.value,
        confidence: event.confidence,
      });
      break;
    case 'escalation-requested':
      await botContent.putSummary(database, row.call_id, ramOnly, event.summary);
      await update({ state: 'escalating', updated_at: at });
      await offers.escalate(row.call_id, { reason: event.reason, urgency: event.urgency });
      return;
    case 'handover-failed':
      // The bot keeps the caller; the call goes back to the queue and is offered again.
      await database
        .updateTable('bot_calls')
        .set({ queue_state: 'none', accepted_by: null, handover_token: null, connect_by: null })
        .where('call_id', '=', row.call_id)
        .where('queue_state', '=', 'accepted')
        .execute();
      await offers.escalate(row.call_id, {
        reason: (row.escalation_reason as 'judgement-required' | null) ?? 'judgement-required',
        urgency: (row.escalation_urgency as 'normal' | null) ?? 'normal',
      });
      return;
    case 'handed-over':
      await offers.handedOver(row.call_id);
      return;
    case 'message-taken':
      await takeMessage(context, bot, row, event.eventId);
      break;
    case 'ended':
      await offers.callEnded(row.call_id);
      return;
  }
  await offers.publishCall(row.call_id);
}

const URGENCY_OF_NOTE = {
  emergency: 'urgent',
  high: 'high',
  normal: 'normal',
  low: 'low',
} as const;

/** The bot's collected message becomes a portal note (delivered like every note). */
async function takeMessage(
  context: PortalContext,
  bot: BotInstance,
  row: BotCallRow,
  eventId: string,
): Promise<void> {
  const detail = await toBotCallDetail(context.database, context.botContent, row);
  const field = (name: string) =>
    detail.collectedFields.find((candidate) => candidate.field === name)?.value ?? '';
  const callback = field('callbackNumber');
  const urgency = field('urgency') as keyof typeof URGENCY_OF_NOTE;
  const submission: NoteSubmission = {
    clientId: row.client_id,
    callId: row.call_id,
    callerName: field('name').slice(0, 200),
    company: '',
    callbackNumber: /^[+0-9 ()/-]{0,40}$/.test(callback) ? callback : '',
    concern: (field('concern') || 'Nachricht über den Sprachassistenten').slice(0, 2000),
    urgency:
      URGENCY_OF_NOTE[urgency] ?? (row.escalation_urgency === 'emergency' ? 'urgent' : 'normal'),
    preferredCallbackTime: field('preferredCallbackTime').slice(0, 200),
    outcome: 'message-taken',
    freeText: (detail.escalation?.summary ?? '').slice(0, 8000),
    tags: ['voicebot'],
  };
  const result = await submitNote(
    context.database,
    submission,
    eventId,
    `bot:${bot.id}`,
    nowIso(context),
  );
  if (result.kind === 'created') context.nudgeDelivery();
}

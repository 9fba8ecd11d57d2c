/**
 * Events the portal pushes to desktops over the `/events` WebSocket. Every message is one JSON
 * object `{ type, at, ...payload }`. Events that carry a `clientId` reach only users scoped to
 * that client; presence reaches supervisors, shift leads and admins who share a client with the
 * user. Events carry IDs and states, never names, caller numbers or texts.
 *
 * Some events are defined before anything emits them (bot calls, queues), so desktops and the
 * bot simulator can be written against a fixed shape.
 */
import { z } from 'zod';
import { LINE_BOT_MODES, GLOBAL_BOT_MODES } from './operationsSchemas';
import { NOTE_STATUSES } from './noteSchemas';
import {
  AgentStateSchema,
  BOT_CALL_STATES,
  CollectedFieldSchema,
  ESCALATION_URGENCIES,
  EscalationSchema,
  OfferSchema,
  TranscriptSegmentSchema,
} from './hybridSchemas';

const base = { at: z.string() };

export const NoteStatusChangedEventSchema = z.object({
  type: z.literal('note.status-changed'),
  ...base,
  noteId: z.string(),
  clientId: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(NOTE_STATUSES),
});

export const BotSwitchChangedEventSchema = z.object({
  type: z.literal('bot-switch.changed'),
  ...base,
  scope: z.enum(['global', 'line', 'schedule']),
  line: z.string().nullable(),
  clientId: z.string().nullable(),
  mode: z.enum([...GLOBAL_BOT_MODES, ...LINE_BOT_MODES]),
  changedBy: z.string(),
});

/** An agent's state (`offered` is set by the portal while an offer rings at that desk). */
export const PresenceChangedEventSchema = z.object({
  type: z.literal('presence.changed'),
  ...base,
  userId: z.string(),
  state: AgentStateSchema,
  /** Why an agent is on break ("not ready"), when given. */
  reason: z.string().nullable().optional(),
  /** Who set the state: the agent (own user ID), a supervisor, or the portal (null). */
  changedBy: z.string().nullable().optional(),
});

/** A call of the client was logged or changed; read it with `GET /calls/:callId`. */
export const CallUpdatedEventSchema = z.object({
  type: z.literal('call.updated'),
  ...base,
  clientId: z.string(),
  callId: z.string(),
});

/**
 * A call handled by the AI voicebot changed (client scope): state, disclosure, consent, collected
 * fields and the escalation. Never the caller's number.
 */
export const BotCallUpdatedEventSchema = z.object({
  type: z.literal('bot-call.updated'),
  ...base,
  clientId: z.string(),
  callId: z.string(),
  line: z.string(),
  state: z.enum(BOT_CALL_STATES),
  consentGiven: z.boolean().nullable(),
  disclosurePlayed: z.boolean().optional(),
  collectedFields: z.array(CollectedFieldSchema).optional(),
  escalation: EscalationSchema.nullable().optional(),
  acceptedBy: z.string().nullable().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().nullable().optional(),
});

/** New or revised transcript segments of a bot call (client scope). */
export const BotCallTranscriptEventSchema = z.object({
  type: z.literal('bot-call.transcript'),
  ...base,
  clientId: z.string(),
  callId: z.string(),
  segments: z.array(TranscriptSegmentSchema),
});

/** Snapshot of one client's queue: calls waiting for a human and calls with the bot. */
export const QueueUpdatedEventSchema = z.object({
  type: z.literal('queue.updated'),
  ...base,
  clientId: z.string(),
  waitingCalls: z.array(
    z.object({
      callId: z.string(),
      line: z.string(),
      waitingSince: z.string(),
      urgency: z.enum(ESCALATION_URGENCIES).optional(),
      offeredTo: z.string().nullable().optional(),
    }),
  ),
  botCalls: z.number().int().min(0),
});

/** An escalation offered to exactly one agent (reaches only `agentUserId`). */
export const OfferCreatedEventSchema = z.object({
  type: z.literal('offer.created'),
  ...base,
  agentUserId: z.string(),
  offer: OfferSchema,
});

/** The offer is gone: accepted by this agent, declined, expired, or the caller hung up. */
export const OfferWithdrawnEventSchema = z.object({
  type: z.literal('offer.withdrawn'),
  ...base,
  agentUserId: z.string(),
  offerId: z.string(),
  callId: z.string(),
  reason: z.enum(['accepted', 'declined', 'expired', 'caller-hung-up', 'taken-by-other']),
});

/** A supervisor wrote to the agent on a call; only that agent receives it (text by route). */
export const WhisperReceivedEventSchema = z.object({
  type: z.literal('whisper.received'),
  ...base,
  agentUserId: z.string(),
  callId: z.string(),
  whisperId: z.string(),
});

/** Something only the board shows changed (an alert acknowledged): watchers of the client. */
export const SupervisionChangedEventSchema = z.object({
  type: z.literal('supervision.changed'),
  ...base,
  clientId: z.string(),
});

/**
 * A data request deleted a caller's records at the portal: desks delete their local copies.
 * The number is never sent; `numberHash` = `deskMatchHash(salt, e164)` (shared/domain).
 */
export const DataRequestDeletionRequestedEventSchema = z.object({
  type: z.literal('data-request.deletion-requested'),
  ...base,
  requestId: z.string(),
  clientIds: z.array(z.string()).nullable(),
  salt: z.string(),
  numberHash: z.string(),
});

export const PortalEventSchema = z.discriminatedUnion('type', [
  NoteStatusChangedEventSchema,
  BotSwitchChangedEventSchema,
  PresenceChangedEventSchema,
  CallUpdatedEventSchema,
  BotCallUpdatedEventSchema,
  QueueUpdatedEventSchema,
  BotCallTranscriptEventSchema,
  OfferCreatedEventSchema,
  OfferWithdrawnEventSchema,
  WhisperReceivedEventSchema,
  SupervisionChangedEventSchema,
  DataRequestDeletionRequestedEventSchema,
]);
export type PortalEvent = z.infer<typeof PortalEventSchema>;

/** Messages a desktop sends on the socket: the first MUST authenticate within 5 seconds. */
export const EventClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('authenticate'), accessToken: z.string().min(1).max(2048) }),
  z.strictObject({ type: z.literal('ping') }),
]);

/** Control messages from the portal on the socket (besides events). */
export const EventControlMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authenticated'), userId: z.string(), expiresAt: z.string() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string() }),
]);

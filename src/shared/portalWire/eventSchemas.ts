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
import { LINE_BOT_MODES, GLOBAL_BOT_MODES, PresenceStateSchema } from './operationsSchemas';
import { NOTE_STATUSES } from './noteSchemas';

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
  scope: z.enum(['global', 'line']),
  line: z.string().nullable(),
  clientId: z.string().nullable(),
  mode: z.enum([...GLOBAL_BOT_MODES, ...LINE_BOT_MODES]),
  changedBy: z.string(),
});

export const PresenceChangedEventSchema = z.object({
  type: z.literal('presence.changed'),
  ...base,
  userId: z.string(),
  state: PresenceStateSchema,
});

/** A call of the client was logged or changed; read it with `GET /calls/:callId`. */
export const CallUpdatedEventSchema = z.object({
  type: z.literal('call.updated'),
  ...base,
  clientId: z.string(),
  callId: z.string(),
});

/** A call handled by the AI voicebot (emitted once the bot simulator reports to the portal). */
export const BotCallUpdatedEventSchema = z.object({
  type: z.literal('bot-call.updated'),
  ...base,
  clientId: z.string(),
  callId: z.string(),
  line: z.string(),
  state: z.enum(['with-bot', 'escalating', 'waiting-for-agent', 'handed-over', 'ended']),
  consentGiven: z.boolean().nullable(),
});

/** Snapshot of one client's queue: calls waiting for a human and calls with the bot. */
export const QueueUpdatedEventSchema = z.object({
  type: z.literal('queue.updated'),
  ...base,
  clientId: z.string(),
  waitingCalls: z.array(
    z.object({ callId: z.string(), line: z.string(), waitingSince: z.string() }),
  ),
  botCalls: z.number().int().min(0),
});

export const PortalEventSchema = z.discriminatedUnion('type', [
  NoteStatusChangedEventSchema,
  BotSwitchChangedEventSchema,
  PresenceChangedEventSchema,
  CallUpdatedEventSchema,
  BotCallUpdatedEventSchema,
  QueueUpdatedEventSchema,
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

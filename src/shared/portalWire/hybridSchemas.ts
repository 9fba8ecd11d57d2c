/**
 * Wire schemas of the hybrid reception (issue 9, design in docs/hybrid.md): the routing decision
 * the SIP proxy asks for, the bot API the voicebot reports to, the queue, escalation offers the
 * desk accepts, and the bot-call views of the desk. These schemas are the binding form of the
 * design; they only grow (new optional fields, new union members), never change shape.
 *
 * Privacy: nothing here that the portal sends to desks carries the caller's number; IDs and
 * state only. Transcript text and collected fields reach only users scoped to the call's client.
 */
import { z } from 'zod';
import { E164Schema, IdentifierSchema, TimestampSchema, UuidSchema } from './commonSchemas';
import { PRESENCE_STATES } from './operationsSchemas';

// ---------------------------------------------------------------- routing (SIP proxy → portal)

/** A handover token as it appears in `sip:handover.<token>@domain` and `X-Empfang-Handover`. */
export const HandoverTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Expected a token');

/**
 * `POST /routing/decisions` body, sent by the SIP proxy for every initial INVITE to a client line
 * (`line`) or to `handover.<token>` (`handoverToken`, `line` null). `callerNumber` is only used to
 * pass on to the bot and is never logged or sent to desks; the proxy sends null for anonymous or
 * non-numeric callers.
 */
export const RoutingDecisionRequestSchema = z.strictObject({
  sipCallId: z.string().min(1).max(256),
  line: E164Schema.nullable(),
  callerNumber: z
    .string()
    .regex(/^\+?[0-9]{2,20}$/)
    .nullable()
    .optional(),
  handoverToken: HandoverTokenSchema.nullable().optional(),
});
export type RoutingDecisionRequest = z.infer<typeof RoutingDecisionRequestSchema>;

export const ROUTING_TARGETS = ['bot', 'agents', 'queue', 'reject'] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];
export const RING_STRATEGIES = ['parallel', 'longest-idle'] as const;
export type RingStrategy = (typeof RING_STRATEGIES)[number];

/**
 * The same decision as a generic route list, so a proxy without a JSON parser can follow it:
 * the shape of Kamailio's `rtjson` module (`version`, `routing`, `routes[].uri`,
 * `routes[].headers.extra`, `routes[].fr_inv_timer` in ms). Empty for `reject`.
 */
export const ProxyRouteSchema = z.object({
  uri: z.string(),
  headers: z.object({ extra: z.string() }),
  fr_inv_timer: z.number().int().min(1000).optional(),
});
export const ProxyRoutingFields = {
  version: z.literal('1.0'),
  routing: z.enum(['serial', 'parallel']),
  routes: z.array(ProxyRouteSchema),
};

const decisionBase = { callId: UuidSchema, ...ProxyRoutingFields };

/** The portal's answer: where the call goes. `callId` travels as `X-Empfang-Call-Id`. */
export const RoutingDecisionSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('bot'), ...decisionBase, botUri: z.string() }),
  z.object({
    target: z.literal('agents'),
    ...decisionBase,
    /** SIP user names in ring order. */
    agents: z.array(z.string()).min(1),
    strategy: z.enum(RING_STRATEGIES),
    ringTimeoutSeconds: z.number().int().min(1).max(300),
    /** Set for a handover: the proxy adds `X-Empfang-Handover: <token>`. */
    handoverToken: HandoverTokenSchema.nullable(),
  }),
  /** Nobody available and the bot off: the bot holds the caller (`X-Empfang-Bot-Mode: hold`). */
  z.object({ target: z.literal('queue'), ...decisionBase, botUri: z.string() }),
  z.object({
    target: z.literal('reject'),
    ...decisionBase,
    status: z.number().int().min(400).max(699),
    reason: z.string(),
  }),
]);
export type RoutingDecision = z.infer<typeof RoutingDecisionSchema>;

// ---------------------------------------------------------------- bot API (voicebot → portal)

export const BOT_SPEAKERS = ['caller', 'bot'] as const;
export const COLLECTED_FIELDS = [
  'name',
  'callbackNumber',
  'concern',
  'urgency',
  'preferredCallbackTime',
] as const;
export type CollectedFieldName = (typeof COLLECTED_FIELDS)[number];
export const ESCALATION_REASONS = [
  'out-of-corridor',
  'judgement-required',
  'caller-asked-for-human',
  'consent-declined',
  'low-confidence',
  'emergency',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
/**
 * Why a call waits for a human: the bot's reasons, an agent taking it over from the board, or
 * the routing API finding nobody available with the bot off (the bot holds the caller).
 */
export const OFFER_REASONS = [...ESCALATION_REASONS, 'taken-over', 'no-agent-available'] as const;
export type OfferReason = (typeof OFFER_REASONS)[number];
export const ESCALATION_URGENCIES = ['low', 'normal', 'high', 'emergency'] as const;
export type EscalationUrgency = (typeof ESCALATION_URGENCIES)[number];

/** One piece of the bot's transcript (caller or bot speech), times relative to call start. */
export const TranscriptSegmentSchema = z.object({
  segmentId: IdentifierSchema,
  speaker: z.enum(BOT_SPEAKERS),
  text: z.string().max(4000),
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  final: z.boolean(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

export const CollectedFieldSchema = z.object({
  field: z.enum(COLLECTED_FIELDS),
  value: z.string().max(2000),
  confidence: z.number().min(0).max(1),
});
export type CollectedField = z.infer<typeof CollectedFieldSchema>;

const eventBase = { eventId: UuidSchema, callId: UuidSchema, at: TimestampSchema };

/**
 * `POST /bot/v1/events`: one event, idempotent by `eventId` (same ID and body → same answer,
 * same ID with another body → 409). Events that arrive before `call-started` are kept and
 * applied once it arrives.
 */
export const BotEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('call-started'),
    ...eventBase,
    line: E164Schema,
    sipCallId: z.string().min(1).max(256),
  }),
  z.strictObject({ type: z.literal('disclosure-played'), ...eventBase }),
  z.strictObject({ type: z.literal('consent'), ...eventBase, given: z.boolean() }),
  z.strictObject({
    type: z.literal('transcript-segment'),
    ...eventBase,
    ...TranscriptSegmentSchema.shape,
  }),
  z.strictObject({
    type: z.literal('field-collected'),
    ...eventBase,
    ...CollectedFieldSchema.shape,
  }),
  z.strictObject({
    type: z.literal('escalation-requested'),
    ...eventBase,
    reason: z.enum(ESCALATION_REASONS),
    urgency: z.enum(ESCALATION_URGENCIES),
    summary: z.string().max(2000),
  }),
  z.strictObject({
    type: z.literal('handover-failed'),
    ...eventBase,
    reason: z.enum(['refused', 'timeout', 'other']),
  }),
  z.strictObject({ type: z.literal('handed-over'), ...eventBase }),
  /** The bot took a message from the collected fields; the portal turns it into a note. */
  z.strictObject({ type: z.literal('message-taken'), ...eventBase }),
  z.strictObject({ type: z.literal('ended'), ...eventBase, by: z.enum(['caller', 'bot']) }),
]);
export type BotEvent = z.infer<typeof BotEventSchema>;
export type BotEventType = BotEvent['type'];

/** Answer to an accepted bot event (also for replays). */
export const BotEventAcceptedSchema = z.object({
  eventId: z.string(),
  /** `applied`, or `pending` when it waits for the call's `call-started`. */
  status: z.enum(['applied', 'pending']),
});

export const BotCommandsQuerySchema = z.strictObject({
  wait: z.coerce.number().int().min(0).max(30).default(25),
});

/** `GET /bot/v1/calls/{callId}/commands`: the next command for the bot (or 204). */
export const BotCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hand-over'),
    /** REFER the caller here, e.g. `sip:handover.<token>@lab.empfang.test`. */
    referTo: z.string(),
    handoverToken: HandoverTokenSchema,
  }),
  z.object({ type: z.literal('keep-waiting'), position: z.number().int().min(1) }),
  z.object({ type: z.literal('take-message') }),
  z.object({ type: z.literal('end') }),
]);
export type BotCommand = z.infer<typeof BotCommandSchema>;

// ---------------------------------------------------------------- bot calls, queue and offers

export const BOT_CALL_STATES = [
  'with-bot',
  'escalating',
  'waiting-for-agent',
  'handed-over',
  'ended',
] as const;
export type BotCallState = (typeof BOT_CALL_STATES)[number];

/** Agent states; `offered` is set by the portal only (an offer rings at the desk). */
export const AGENT_STATES = [...PRESENCE_STATES, 'offered'] as const;
export type AgentState = (typeof AGENT_STATES)[number];
export const AgentStateSchema = z.enum(AGENT_STATES);

export const EscalationSchema = z.object({
  reason: z.enum(OFFER_REASONS),
  urgency: z.enum(ESCALATION_URGENCIES),
  summary: z.string(),
  requestedAt: z.string(),
});

/** A live or recent bot call as the desk's bot-calls board shows it (no caller number). */
export const BotCallSummarySchema = z.object({
  callId: z.string(),
  clientId: z.string(),
  line: z.string(),
  state: z.enum(BOT_CALL_STATES),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  disclosurePlayed: z.boolean(),
  consentGiven: z.boolean().nullable(),
  escalation: EscalationSchema.nullable(),
  /** The agent who took the call over, once accepted. */
  acceptedBy: z.string().nullable(),
  /** The last few final segments, for the board's transcript peek. */
  transcriptPeek: z.array(TranscriptSegmentSchema),
});
export type BotCallSummary = z.infer<typeof BotCallSummarySchema>;

/** One bot call with everything the bot reported so far. */
export const BotCallDetailSchema = BotCallSummarySchema.extend({
  transcript: z.array(TranscriptSegmentSchema),
  collectedFields: z.array(CollectedFieldSchema),
});
export type BotCallDetail = z.infer<typeof BotCallDetailSchema>;

export const BotCallListQuerySchema = z.strictObject({ clientId: IdentifierSchema.optional() });
export const BotCallParametersSchema = z.strictObject({ callId: UuidSchema });

/** An escalation offered to one agent: everything the desk shows before "Übernehmen". */
export const OfferSchema = z.object({
  offerId: z.string(),
  callId: z.string(),
  clientId: z.string(),
  line: z.string(),
  reason: z.enum(OFFER_REASONS),
  urgency: z.enum(ESCALATION_URGENCIES),
  summary: z.string(),
  collectedFields: z.array(CollectedFieldSchema),
  consentGiven: z.boolean().nullable(),
  disclosurePlayed: z.boolean(),
  transcript: z.array(TranscriptSegmentSchema),
  offeredAt: z.string(),
  /** After this the offer goes to the next agent (15 s after it was made). */
  expiresAt: z.string(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferParametersSchema = z.strictObject({ offerId: UuidSchema });

/**
 * Answer of `POST /offers/{id}/accept` and `POST /bot-calls/{callId}/take-over`: the INVITE that
 * reaches this agent carries `X-Empfang-Handover: <handoverToken>`; answer it by itself. If it
 * does not arrive within `connectBy`, the call goes back to the queue.
 */
export const OfferAcceptedSchema = z.object({
  offerId: z.string(),
  callId: z.string(),
  handoverToken: HandoverTokenSchema,
  connectBy: z.string(),
});
export type OfferAccepted = z.infer<typeof OfferAcceptedSchema>;

/** One waiting call in a client's queue (IDs and times only). */
export const QueueEntrySchema = z.object({
  callId: z.string(),
  line: z.string(),
  urgency: z.enum(ESCALATION_URGENCIES),
  waitingSince: z.string(),
  /** The agent it is offered to right now, if any. */
  offeredTo: z.string().nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

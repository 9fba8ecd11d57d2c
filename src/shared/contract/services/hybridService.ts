/**
 * The desk's half of the hybrid reception (docs/hybrid.md, issue 9): escalation offers, live bot
 * calls of the agent's clients, their transcripts and collected fields, and the takeover.
 *
 * The host talks to the portal (`/offers`, `/bot-calls`) and forwards the portal's events
 * (`offer.created`, `offer.withdrawn`, `bot-call.updated`, `bot-call.transcript`,
 * `queue.updated`). The shapes are the portal's wire schemas (`portalWire/hybridSchemas.ts`),
 * so there is one copy; every payload is validated on both transports.
 *
 * Rules:
 * - Accepting MUST answer with the handover token the portal issued; the desk auto-answers only
 *   the INVITE whose `X-Empfang-Handover` equals it (see `domain/handoverMatch.ts`).
 * - Losing a race is data (`already-taken`), never an error; so is an offer that is gone.
 * - Caller-controlled text (transcripts, fields, summaries) MUST be rendered as text only.
 * - Events carry IDs and state, never the caller's number.
 */
import { z } from 'zod';
import {
  BotCallDetailSchema,
  BotCallSummarySchema,
  OfferAcceptedSchema,
  OfferSchema,
  TranscriptSegmentSchema,
} from '../../portalWire/hybridSchemas';
import {
  BotCallUpdatedEventSchema,
  OfferWithdrawnEventSchema,
  QueueUpdatedEventSchema,
} from '../../portalWire/eventSchemas';
import { HumanTranscriptSegmentSchema } from '../../portalWire/supervisionSchemas';
import { defineMethod, defineService } from '../contractDefinition';

export {
  BOT_CALL_STATES,
  COLLECTED_FIELDS,
  ESCALATION_REASONS,
  ESCALATION_URGENCIES,
  type BotCallDetail,
  type BotCallState,
  type BotCallSummary,
  type CollectedField,
  type CollectedFieldName,
  type EscalationUrgency,
  type Offer,
} from '../../portalWire/hybridSchemas';

const Identifier = z.string().min(1).max(64);

/** A segment of the bot's transcript (speaker `bot` or `caller`, milliseconds since answer). */
export const BotTranscriptSegmentSchema = TranscriptSegmentSchema;
export type BotTranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

/** The answer to an accept or take-over: the token to match, or why not. */
export const ClaimResultSchema = z.discriminatedUnion('kind', [
  OfferAcceptedSchema.extend({ kind: z.literal('accepted'), offerId: z.string().nullable() }),
  /** Another agent won the claim. */
  z.object({ kind: z.literal('already-taken') }),
  /** The offer is gone: expired, withdrawn, or the caller hung up. */
  z.object({ kind: z.literal('gone') }),
]);
export type ClaimResult = z.infer<typeof ClaimResultSchema>;

/** A bot call changed (the portal's event without its envelope). */
export const BotCallChangeSchema = BotCallUpdatedEventSchema.omit({ type: true });
export type BotCallChange = z.infer<typeof BotCallChangeSchema>;

export const OfferWithdrawnSchema = OfferWithdrawnEventSchema.omit({ type: true });
export type OfferWithdrawn = z.infer<typeof OfferWithdrawnSchema>;

export const BotTranscriptEventSchema = z.object({
  callId: z.string(),
  clientId: z.string(),
  segments: z.array(TranscriptSegmentSchema).max(500),
});
export type BotTranscriptEvent = z.infer<typeof BotTranscriptEventSchema>;

export const QueueSnapshotSchema = QueueUpdatedEventSchema.omit({ type: true });
export type QueueSnapshot = z.infer<typeof QueueSnapshotSchema>;

export const hybridService = defineService({
  methods: {
    /** The offers open for this agent now (after a reload the desk rings again). */
    listOffers: defineMethod(z.tuple([]), z.array(OfferSchema).max(20)),
    acceptOffer: defineMethod(z.tuple([Identifier]), ClaimResultSchema),
    declineOffer: defineMethod(z.tuple([Identifier]), z.null()),
    /** Takes a live bot call before the bot escalates (same claim as an accept). */
    takeOverBotCall: defineMethod(z.tuple([Identifier]), ClaimResultSchema),
    /** Live bot calls of the agent's clients. */
    listBotCalls: defineMethod(z.tuple([]), z.array(BotCallSummarySchema).max(500)),
    /** One bot call with its whole transcript and collected fields. */
    botCallDetail: defineMethod(z.tuple([Identifier]), BotCallDetailSchema),
    /**
     * Final segments of the human part of a call this agent took over, for the supervisor's
     * live view. The portal holds them in memory while the call is live; it refuses them from
     * anyone but the agent on the call (`forbidden`) and after the call ended (`conflict`).
     */
    reportHumanTranscript: defineMethod(
      z.tuple([Identifier, z.array(HumanTranscriptSegmentSchema).min(1).max(50)]),
      z.null(),
    ),
  },
  events: {
    onOfferCreated: OfferSchema,
    onOfferWithdrawn: OfferWithdrawnSchema,
    onBotCallUpdated: BotCallChangeSchema,
    onBotCallTranscript: BotTranscriptEventSchema,
    onQueueUpdated: QueueSnapshotSchema,
  },
});

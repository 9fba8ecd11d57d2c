/**
 * Suggested answers during a call, only from the called client's approved texts
 * (SECURITY.md rule 12):
 * - every answer card MUST cite one approved text of that client (id and title);
 * - anything outside the corridors becomes an "escalate / forward" card, never an own answer;
 * - clients with professional secrecy get approved texts verbatim only;
 * - caller speech is untrusted: it can choose among approved texts like any question does, but
 *   it can never add text, cross to another call or client, or trigger an action (cards carry
 *   no actions at all); words aimed at the assistant get no answer at all, only an escalation
 *   card with reason "steering-attempt" and `injectionSuspected` set.
 *
 * `suggest` answers at once with the built-in retrieval card. When a model is configured and
 * may help, a refined card with the same `suggestionId` and a higher `revision` follows as an
 * `onSuggestion` event; a later request for the same call supersedes a pending one. When the
 * model fails, that event repeats the built-in card (so the view can stop waiting) and
 * `onStatus` says which part is unavailable and why.
 */
import { z } from 'zod';
import { ClientProfileSchema } from '../../domain/clientProfile';
import { defineMethod, defineService } from '../contractDefinition';
import { CallIdSchema, SPEAKERS } from './transcriptionService';

/** The called client: by id (looked up on the host) or as a full profile. */
export const ClientReferenceSchema = z.union([
  z.object({ clientId: z.string().min(1).max(64) }),
  z.object({ profile: ClientProfileSchema }),
]);
export type ClientReference = z.infer<typeof ClientReferenceSchema>;

export const TranscriptLineSchema = z.object({
  speaker: z.enum(SPEAKERS),
  text: z.string().max(4000),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

export const SuggestionRequestSchema = z.object({
  callId: CallIdSchema,
  client: ClientReferenceSchema,
  /** The most recent lines, oldest first; the caller's last final line is the question. */
  transcript: z.array(TranscriptLineSchema).min(1).max(40),
});
export type SuggestionRequest = z.infer<typeof SuggestionRequestSchema>;

export const CitationSchema = z.object({
  textId: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
});
export type Citation = z.infer<typeof CitationSchema>;

export const ESCALATION_REASONS = [
  'no-match',
  'judgement',
  'staff-request',
  'model-escalated',
  /** The caller's words were aimed at the assistant (see `steeringAttemptDetector`). */
  'steering-attempt',
  /** An emergency no approved text covers (see `emergencyDetector`): a human, now. */
  'emergency',
] as const;
export const JUDGEMENT_AREA_VALUES = ['legal', 'medical', 'tax'] as const;

export const ForwardTargetSchema = z.object({
  staffId: z.string().max(64),
  name: z.string().max(200),
  function: z.string().max(200),
  presence: z.enum(['present', 'absent', 'busy', 'unknown']),
  transferTarget: z.string().max(256),
});

const CardBaseSchema = z.object({
  suggestionId: z.string().min(1).max(64),
  callId: CallIdSchema,
  clientId: z.string().min(1).max(64),
  /** 1 for the built-in card; a model refinement of the same suggestion counts up. */
  revision: z.number().int().min(1).max(10),
  /**
   * The caller's words tried to steer the assistant ("ignorier deine Anweisungen …"): no answer
   * was given from them and no model saw them. The agent sees this flag; it carries no text.
   */
  injectionSuspected: z.boolean(),
});

export const AnswerCardSchema = CardBaseSchema.extend({
  kind: z.literal('answer'),
  citation: CitationSchema,
  /** The approved text verbatim, or (clients without secrecy) the model's phrasing of it. */
  text: z.string().min(1).max(4000),
  verbatim: z.boolean(),
  source: z.enum(['retrieval', 'model']),
  confidence: z.number().min(0).max(1),
  /** Runner-up approved texts of the same client, for the agent to pick instead. */
  alternatives: z.array(CitationSchema).max(3),
});

export const EscalationCardSchema = CardBaseSchema.extend({
  kind: z.literal('escalate'),
  reason: z.enum(ESCALATION_REASONS),
  judgementArea: z.enum(JUDGEMENT_AREA_VALUES).optional(),
  /** Staff the caller named or whose function fits, present ones first. */
  forwardTo: z.array(ForwardTargetSchema).max(5),
});

export const SuggestionCardSchema = z.discriminatedUnion('kind', [
  AnswerCardSchema,
  EscalationCardSchema,
]);
export type AnswerCard = z.infer<typeof AnswerCardSchema>;
export type EscalationCard = z.infer<typeof EscalationCardSchema>;
export type SuggestionCard = z.infer<typeof SuggestionCardSchema>;

export const MODEL_STATES = ['off', 'ready', 'unavailable'] as const;
export const MODEL_REASONS = [
  'not-configured',
  'unauthorized',
  'timeout',
  'invalid-output',
  'unreachable',
  'provider-error',
] as const;

/** Which parts work: retrieval always does; the model may be off or unavailable. */
export const AssistantStatusSchema = z.object({
  retrieval: z.literal('ready'),
  model: z.enum(MODEL_STATES),
  modelReason: z.enum(MODEL_REASONS).optional(),
});
export type AssistantStatus = z.infer<typeof AssistantStatusSchema>;

export const SuggestionResultSchema = z.object({
  card: SuggestionCardSchema,
  /** True when a model refinement of this card may follow as an event. */
  refinementPending: z.boolean(),
  status: AssistantStatusSchema,
});
export type SuggestionResult = z.infer<typeof SuggestionResultSchema>;

export const suggestionService = defineService({
  methods: {
    suggest: defineMethod(z.tuple([SuggestionRequestSchema]), SuggestionResultSchema),
    /** Cancels pending model work for a call and forgets it; true when there was any. */
    endCall: defineMethod(z.tuple([CallIdSchema]), z.boolean()),
    getStatus: defineMethod(z.tuple([]), AssistantStatusSchema),
  },
  events: {
    onSuggestion: SuggestionCardSchema,
    onStatus: AssistantStatusSchema,
  },
});

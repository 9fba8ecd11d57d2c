/**
 * Call-note drafts at hang-up: caller name, callback number (E.164), concern, urgency and
 * preferred callback time, filled from the transcript — by rules, or by the model (JSON schema)
 * when one is configured. Every filled field is marked `aiFilled` until the agent confirms it in
 * the note form; a model value that cannot be found in the transcript is replaced by the rule
 * value, so the draft never invents a name or number.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';
import {
  AssistantStatusSchema,
  ClientReferenceSchema,
  TranscriptLineSchema,
} from './suggestionService';
import { CallIdSchema } from './transcriptionService';

export const URGENCY_LEVELS = ['high', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

export const DRAFT_METHODS = ['rules', 'model'] as const;

export const NoteDraftRequestSchema = z.object({
  callId: CallIdSchema,
  client: ClientReferenceSchema,
  /** The final transcript, oldest first (a 60-minute call stays well below the cap). */
  transcript: z.array(TranscriptLineSchema).max(5000),
});
export type NoteDraftRequest = z.infer<typeof NoteDraftRequestSchema>;

const draftField = <T extends z.ZodType>(value: T) =>
  z.object({
    value: value.nullable(),
    /** True while the value comes from the draft and the agent has not confirmed it. */
    aiFilled: z.boolean(),
    method: z.enum(DRAFT_METHODS),
  });

export const NoteDraftFieldsSchema = z.object({
  callerName: draftField(z.string().max(200)),
  /** E.164, e.g. +493012345678. */
  callbackNumber: draftField(z.string().regex(/^\+[1-9]\d{4,14}$/)),
  concern: draftField(z.string().max(600)),
  urgency: draftField(z.enum(URGENCY_LEVELS)),
  preferredCallbackTime: draftField(z.string().max(200)),
});
export type NoteDraftFields = z.infer<typeof NoteDraftFieldsSchema>;

export const NoteDraftSchema = z.object({
  callId: CallIdSchema,
  clientId: z.string().min(1).max(64),
  fields: NoteDraftFieldsSchema,
  /** Client keyword alerts heard in the call (e.g. "Frist"), in the client's spelling. */
  keywordsHeard: z.array(z.string().max(64)).max(50),
  status: AssistantStatusSchema,
});
export type NoteDraft = z.infer<typeof NoteDraftSchema>;

export const noteDraftService = defineService({
  methods: {
    draft: defineMethod(z.tuple([NoteDraftRequestSchema]), NoteDraftSchema),
  },
});

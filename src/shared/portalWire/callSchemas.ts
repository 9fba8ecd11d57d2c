/** Wire schemas of the call log: the billable record of every call (DOMAIN.md "Billing"). */
import { z } from 'zod';
import { E164Schema, IdentifierSchema, TimestampSchema, UuidSchema } from './commonSchemas';

/** How a call ended; `null` while the call runs or before the agent classifies it. */
export const CALL_OUTCOMES = [
  'message-taken',
  'forwarded',
  'caller-hung-up',
  'wrong-number',
  'spam',
  'fax',
  'answered-by-bot',
  'question-answered',
] as const;
export const CallOutcomeSchema = z.enum(CALL_OUTCOMES);
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Caller numbers may be withheld; otherwise E.164 or a short internal number. */
const CallerNumberSchema = z.string().regex(/^\+?[0-9]{2,16}$/, 'Expected a phone number');

export const CreateCallRequestSchema = z.strictObject({
  /** Chosen by the desk so a retried create never logs the call twice. */
  id: UuidSchema.optional(),
  clientId: IdentifierSchema,
  line: E164Schema,
  callerNumber: CallerNumberSchema.nullable().optional(),
  ringAt: TimestampSchema,
  answerAt: TimestampSchema.nullable().optional(),
  endAt: TimestampSchema.nullable().optional(),
  agentId: IdentifierSchema.nullable().optional(),
  outcome: CallOutcomeSchema.nullable().optional(),
  wrapUpSeconds: z.number().int().min(0).max(86_400).optional(),
});
export type CreateCallRequest = z.infer<typeof CreateCallRequestSchema>;

export const UpdateCallRequestSchema = z.strictObject({
  answerAt: TimestampSchema.nullable().optional(),
  endAt: TimestampSchema.nullable().optional(),
  agentId: IdentifierSchema.nullable().optional(),
  outcome: CallOutcomeSchema.nullable().optional(),
  wrapUpSeconds: z.number().int().min(0).max(86_400).optional(),
});
export type UpdateCallRequest = z.infer<typeof UpdateCallRequestSchema>;

export const CallSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  line: z.string(),
  callerNumber: z.string().nullable(),
  ringAt: z.string(),
  answerAt: z.string().nullable(),
  endAt: z.string().nullable(),
  agentId: z.string().nullable(),
  outcome: CallOutcomeSchema.nullable(),
  wrapUpSeconds: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof CallSchema>;

export const CallIdParametersSchema = z.strictObject({ callId: IdentifierSchema });

export const CallListQuerySchema = z.strictObject({
  clientId: IdentifierSchema,
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * `POST /line-calls`: a call logged by its dialled line, for desks that do not know (or may not
 * see) the line's client. The portal resolves the client from the line; a line no client owns
 * is logged as an unassigned-line call. Writing is allowed beyond the user's client scope
 * (every call must be billed); the answer reveals nothing about the client.
 */
export const LineCallRequestSchema = CreateCallRequestSchema.omit({ clientId: true }).extend({
  /** Required here: a retry must find the same call. */
  id: UuidSchema,
});
export type LineCallRequest = z.infer<typeof LineCallRequestSchema>;

/**
 * Where a line call went, as far as the caller may see it: to one of the caller's clients, to
 * the unassigned-line calls (admins only), or `outside-scope`: another client's line or a line
 * no client owns, answered alike so a scoped user cannot enumerate lines.
 */
export const LINE_CALL_ROUTINGS = ['client', 'unassigned-line', 'outside-scope'] as const;
export type LineCallRouting = (typeof LINE_CALL_ROUTINGS)[number];

/** The answer to `POST /line-calls`: the call's ID and where it went, no client data. */
export const LineCallReceiptSchema = z.object({
  id: z.string(),
  routed: z.enum(LINE_CALL_ROUTINGS),
});
export type LineCallReceipt = z.infer<typeof LineCallReceiptSchema>;

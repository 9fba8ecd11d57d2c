/**
 * Wire schemas of call notes ("Telefonnotiz") and their deliveries. A note is submitted once per
 * `Idempotency-Key`; the portal then delivers it to the client by e-mail and/or SMS.
 */
import { z } from 'zod';
import { IdentifierSchema, UuidSchema } from './commonSchemas';

export const NOTE_OUTCOMES = [
  'message-taken',
  'forwarded',
  'caller-hung-up',
  'wrong-number',
  'spam',
  'fax',
] as const;
export const NoteOutcomeSchema = z.enum(NOTE_OUTCOMES);

export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Portal-side status of a note:
 * received ──▶ delivering ──▶ delivered
 *                   └──────▶ delivery-failed (dead letter; an admin/supervisor may retry)
 * A note without delivery channels (portal only) is `delivered` on arrival.
 */
export const NOTE_STATUSES = ['received', 'delivering', 'delivered', 'delivery-failed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Callback numbers are typed by people: digits with the usual separators, or empty. */
const CallbackNumberSchema = z
  .string()
  .max(40)
  .regex(/^[+0-9 ()/-]*$/, 'Digits, +, space, (, ), / and - only');

export const NoteSubmissionSchema = z.strictObject({
  clientId: IdentifierSchema,
  callId: IdentifierSchema.nullable().optional(),
  callerName: z.string().max(200),
  company: z.string().max(200),
  callbackNumber: CallbackNumberSchema,
  concern: z.string().min(1).max(2000),
  urgency: z.enum(URGENCIES),
  preferredCallbackTime: z.string().max(200),
  outcome: NoteOutcomeSchema,
  freeText: z.string().max(8000),
  tags: z.array(z.string().min(1).max(64)).max(20),
});
export type NoteSubmission = z.infer<typeof NoteSubmissionSchema>;

/** The `Idempotency-Key` header: a UUID the desk creates when the agent submits. */
export const IdempotencyKeySchema = UuidSchema;

export const DELIVERY_CHANNELS = ['email', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * pending ──claim──▶ sending ──ok──▶ sent
 *    ▲                  │
 *    └──── retry ◀──────┴── error (attempts < max) ; error (attempts = max) ──▶ failed
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DeliverySchema = z.object({
  id: z.string(),
  noteId: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  segments: z.number().nullable(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const NoteSchema = NoteSubmissionSchema.extend({
  id: z.string(),
  callId: z.string().nullable(),
  idempotencyKey: z.string(),
  status: z.enum(NOTE_STATUSES),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteIdParametersSchema = z.strictObject({ noteId: IdentifierSchema });

export const NoteListQuerySchema = z.strictObject({
  clientId: IdentifierSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const NoteDeliveriesResponseSchema = z.object({
  noteId: z.string(),
  status: z.enum(NOTE_STATUSES),
  deliveries: z.array(DeliverySchema),
});

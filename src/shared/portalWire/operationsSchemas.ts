/** Wire schemas of presence, the bot switch, the audit log and deletion receipts. */
import { z } from 'zod';
import { E164Schema, IdentifierSchema, TimestampSchema, UuidSchema } from './commonSchemas';

/** Agent states a supervisor watches. */
export const PRESENCE_STATES = ['available', 'in-call', 'wrap-up', 'break', 'offline'] as const;
export const PresenceStateSchema = z.enum(PRESENCE_STATES);

export const SetPresenceRequestSchema = z.strictObject({
  state: PresenceStateSchema,
  /** Why the agent is not ready (`break` only), e.g. "Pause"; shown to supervisors. */
  reason: z.string().max(200).optional(),
});
export const PresenceSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.string(),
  state: PresenceStateSchema,
  updatedAt: z.string(),
});

/**
 * The bot switch. Global: on/off. Per line: on, off, or `inherit` (follow the global switch).
 * Effective state of a line = its own mode unless `inherit`, then the global mode.
 */
export const GLOBAL_BOT_MODES = ['on', 'off'] as const;
export const LINE_BOT_MODES = ['on', 'off', 'inherit'] as const;
/** Why a shift lead switched (shown in the audit trail) and an optional auto-revert. */
const switchChangeFields = {
  reason: z.string().trim().max(200).optional(),
  /** "Off for 2 hours": the previous mode comes back after this many minutes (max. 7 days). */
  revertAfterMinutes: z.number().int().min(1).max(10_080).optional(),
};
export const SetGlobalBotRequestSchema = z.strictObject({
  mode: z.enum(GLOBAL_BOT_MODES),
  ...switchChangeFields,
});
export const SetLineBotRequestSchema = z.strictObject({
  mode: z.enum(LINE_BOT_MODES),
  ...switchChangeFields,
});
const BotSwitchRevertSchema = z.object({ at: z.string(), to: z.string() }).nullable();
export const LineParametersSchema = z.strictObject({ line: E164Schema });

export const LineBotStateSchema = z.object({
  line: z.string(),
  clientId: z.string(),
  mode: z.enum(LINE_BOT_MODES),
  botAnswers: z.boolean(),
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  revert: BotSwitchRevertSchema.optional(),
  /** The client's bot schedule decides while the line follows a global `on`. */
  scheduled: z.boolean().optional(),
  /** The client's agents who are available now (with a SIP user): 0 → switching off warns. */
  availableAgents: z.number().int().min(0).optional(),
});
export const BotSwitchStateSchema = z.object({
  global: z.object({
    mode: z.enum(GLOBAL_BOT_MODES),
    changedAt: z.string().nullable(),
    changedBy: z.string().nullable(),
    reason: z.string().nullable().optional(),
    revert: BotSwitchRevertSchema.optional(),
  }),
  lines: z.array(LineBotStateSchema),
});

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  clientId: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = z.strictObject({
  clientId: IdentifierSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const DELETED_RECORD_TYPES = ['call-record', 'transcript', 'note-draft', 'note'] as const;
export const DELETION_REASONS = ['retention-expired', 'after-sync', 'manual', 'ram-only'] as const;

/** Proof of a deletion: a transaction ID and abstract facts, never personal data. */
export const DeletionReceiptRequestSchema = z.strictObject({
  transactionId: UuidSchema,
  clientId: IdentifierSchema,
  recordType: z.enum(DELETED_RECORD_TYPES),
  reason: z.enum(DELETION_REASONS),
  deletedAt: TimestampSchema,
});
export const DeletionReceiptSchema = DeletionReceiptRequestSchema.extend({
  transactionId: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** Receipts the desk queued, sent in one contract call (posted to the portal one by one). */
export const DeletionReceiptBatchSchema = z.strictObject({
  receipts: z.array(DeletionReceiptRequestSchema).min(1).max(100),
});
/**
 * Which receipts the portal holds now (`accepted`, also replays) and which it refused for good
 * (`rejected`: invalid or a transaction id of another client); the rest stay queued.
 */
export const DeletionReceiptBatchResultSchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
});
export const DeletionReceiptListQuerySchema = z.strictObject({
  clientId: IdentifierSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * Wire schemas of data requests (DSGVO Art. 15 access and Art. 17 erasure, issue 13): search
 * everything held about one caller number, export it, delete it, and the receipts that prove the
 * deletion without naming the caller. The number travels in request bodies only, never in a URL
 * (URLs end up in access logs).
 */
import { z } from 'zod';
import { parsePhoneNumber } from '../domain/phoneNumber';
import { IdentifierSchema, UuidSchema } from './commonSchemas';

const NUMBER_PROBLEMS: Readonly<Record<string, string>> = {
  empty: 'Enter a phone number',
  characters: 'Only digits, +, spaces and ( ) / - are allowed',
  'too-short': 'Too short for a public phone number',
  'too-long': 'Too long for a phone number',
  format: 'Not a phone number with area or country code',
  extension: 'An internal extension is not a caller number',
};

/** Any way of writing a public number (`0151 234 567`, `+49 (0)151…`); normalised to E.164. */
export const CallerNumberInputSchema = z
  .string()
  .max(64, NUMBER_PROBLEMS['too-long'])
  .superRefine((value, issues) => {
    const parsed = parsePhoneNumber(value);
    if (parsed.kind === 'e164') return;
    const reason = parsed.kind === 'extension' ? 'extension' : parsed.reason;
    issues.addIssue({ code: 'custom', message: NUMBER_PROBLEMS[reason] ?? 'Invalid number' });
  });

/** Search or export: the number, and optionally one client (else every client in scope). */
export const DataRequestQuerySchema = z.strictObject({
  callerNumber: CallerNumberInputSchema,
  clientId: IdentifierSchema.optional(),
});
export type DataRequestQuery = z.infer<typeof DataRequestQuerySchema>;

/** Deletion: the same as a search, and an explicit confirmation. */
export const DataRequestDeletionSchema = DataRequestQuerySchema.extend({
  confirm: z.literal(true, 'Deletion must be confirmed with `confirm: true`'),
});
export type DataRequestDeletion = z.infer<typeof DataRequestDeletionSchema>;

/** Kinds of records a data request finds, in the order the report lists them. */
export const DATA_RECORD_KINDS = [
  'calls',
  'lineCalls',
  'notes',
  'deliveries',
  'botCalls',
  'botTranscriptSegments',
  'botFields',
  'botSummaries',
  'botEvents',
  /** A supervisor's whispers and review notes on the caller's bot calls (free text). */
  'supervisorNotes',
  'auditEntries',
] as const;
export type DataRecordKind = (typeof DATA_RECORD_KINDS)[number];

export const DataRecordCountsSchema = z.record(z.enum(DATA_RECORD_KINDS), z.number().int());
export type DataRecordCounts = Record<DataRecordKind, number>;

/** One found record: where it is and its fields as stored (values as text). */
export const DataRecordSchema = z.object({
  kind: z.enum(DATA_RECORD_KINDS),
  id: z.string(),
  clientId: z.string().nullable(),
  fields: z.record(z.string(), z.string().nullable()),
});
export type DataRecord = z.infer<typeof DataRecordSchema>;

export const DataRequestFindingsSchema = z.object({
  callerNumber: z.string(),
  /** Client IDs searched; null = every client and the lines without a client (admins). */
  clientIds: z.array(z.string()).nullable(),
  searchedAt: z.string(),
  counts: DataRecordCountsSchema,
  records: z.array(DataRecordSchema),
});
export type DataRequestFindings = z.infer<typeof DataRequestFindingsSchema>;

/** Proof of a deletion: no number, no name, no hash of either. */
export const DataRequestReceiptSchema = z.object({
  requestId: z.string(),
  /** `portal`, or `desk:<userId>` for a desk's own local copies. */
  source: z.string(),
  clientIds: z.array(z.string()).nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** Abstract remark, e.g. `waited-for-queued-note`. */
  note: z.string().nullable(),
  deletedBy: z.string(),
  deletedAt: z.string(),
});
export type DataRequestReceipt = z.infer<typeof DataRequestReceiptSchema>;

export const DataRequestReceiptListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const DataRequestIdParametersSchema = z.strictObject({ requestId: UuidSchema });

/**
 * A portal deletion the desks must repeat on their local copies (history, drafts, outbox). The
 * number itself never travels: `numberHash` is `deskMatchHash(salt, e164)`.
 */
export const DeskDeletionNoticeSchema = z.object({
  requestId: z.string(),
  clientIds: z.array(z.string()).nullable(),
  salt: z.string(),
  numberHash: z.string(),
  requestedAt: z.string(),
});
export type DeskDeletionNotice = z.infer<typeof DeskDeletionNoticeSchema>;

/** Kinds of local records a desk deletes. */
export const DESK_RECORD_KINDS = ['historyEntries', 'outboxNotes', 'drafts'] as const;
export type DeskRecordKind = (typeof DESK_RECORD_KINDS)[number];

/** Remarks a desk may add to its receipt (codes, never free text). */
export const DESK_RECEIPT_NOTES = ['waited-for-queued-note'] as const;

/** A desk's receipt: counts per kind, nothing else. */
export const DeskReceiptSubmissionSchema = z.strictObject({
  counts: z.strictObject({
    historyEntries: z.number().int().min(0).max(1_000_000),
    outboxNotes: z.number().int().min(0).max(1_000_000),
    drafts: z.number().int().min(0).max(1_000_000),
  }),
  note: z.enum(DESK_RECEIPT_NOTES).nullable(),
});
export type DeskReceiptSubmission = z.infer<typeof DeskReceiptSubmissionSchema>;

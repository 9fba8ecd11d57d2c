/**
 * Data requests on the desk (DSGVO Art. 15 and 17, issue 13): a supervisor or admin searches
 * everything the portal holds about one caller number, exports it (JSON, German HTML page),
 * deletes it and reads the receipts (the portal's and, as they report, the desks').
 *
 * Rules: the number crosses in the payload only (never in a channel name or a log line) and MUST
 * already be a public number (the schema refuses anything else). Refusals the user must act on
 * cross as data (`kind`): `invalid-number` (the portal refused the number), `forbidden` (a
 * client outside the user's scope, or a role without data requests), `rate-limited` (with the
 * seconds until the next try). A portal that cannot be reached or fails (5xx) is a ServiceError
 * `unavailable`: nothing was deleted that the desk does not know of, and the user may retry.
 */
import { z } from 'zod';
import { UuidSchema } from '../../portalWire/commonSchemas';
import {
  DataRequestDeletionSchema,
  DataRequestFindingsSchema,
  DataRequestQuerySchema,
  DataRequestReceiptSchema,
} from '../../portalWire/dataRequestSchemas';
import { defineMethod, defineService } from '../contractDefinition';

/**
 * The HTML report is a page of text; the web shell's socket carries frames of up to 1 MiB
 * (`MAXIMUM_FRAME_BYTES`), so a bigger report could not cross anyway.
 */
export const MAXIMUM_REPORT_CHARACTERS = 1_000_000;

const InvalidNumberSchema = z.object({ kind: z.literal('invalid-number') });
const ForbiddenSchema = z.object({ kind: z.literal('forbidden') });
const RateLimitedSchema = z.object({
  kind: z.literal('rate-limited'),
  retryAfterSeconds: z.number().int().min(0),
});

/** Why the portal refused a data request; the desk shows each with its own message. */
export const DataRequestRefusalSchema = z.discriminatedUnion('kind', [
  InvalidNumberSchema,
  ForbiddenSchema,
  RateLimitedSchema,
]);
export type DataRequestRefusal = z.infer<typeof DataRequestRefusalSchema>;

export const DataRequestSearchAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), findings: DataRequestFindingsSchema }),
  InvalidNumberSchema,
  ForbiddenSchema,
  RateLimitedSchema,
]);
export type DataRequestSearchAnswer = z.infer<typeof DataRequestSearchAnswerSchema>;

export const DataRequestReportAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), html: z.string().max(MAXIMUM_REPORT_CHARACTERS) }),
  InvalidNumberSchema,
  ForbiddenSchema,
  RateLimitedSchema,
]);
export type DataRequestReportAnswer = z.infer<typeof DataRequestReportAnswerSchema>;

export const DataRequestDeletionAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deleted'), receipt: DataRequestReceiptSchema }),
  InvalidNumberSchema,
  ForbiddenSchema,
  RateLimitedSchema,
]);
export type DataRequestDeletionAnswer = z.infer<typeof DataRequestDeletionAnswerSchema>;

export const dataRequestService = defineService({
  methods: {
    /** Everything held about the number in the user's scope (or one client), with counts. */
    search: defineMethod(z.tuple([DataRequestQuerySchema]), DataRequestSearchAnswerSchema),
    /** The same as the portal's German HTML page (every value escaped by the portal). */
    report: defineMethod(z.tuple([DataRequestQuerySchema]), DataRequestReportAnswerSchema),
    /** Deletes it all (needs `confirm: true`); answers the portal's receipt. */
    deleteAll: defineMethod(z.tuple([DataRequestDeletionSchema]), DataRequestDeletionAnswerSchema),
    /** The receipts of one request: the portal's first, then each desk's as it reports. */
    receipts: defineMethod(z.tuple([UuidSchema]), z.array(DataRequestReceiptSchema).max(500)),
  },
});

/** Wire schemas of the billing report: per client and day, every call counts. */
import { z } from 'zod';
import { DaySchema, IdentifierSchema } from './commonSchemas';
import { CALL_OUTCOMES } from './callSchemas';
import { isValidTimeZone } from '../domain/zonedDays';

/** Longest range one report covers, in days. */
export const MAXIMUM_BILLING_DAYS = 62;

/** The day range and time zone both billing views take. */
const dayRangeFields = {
  /** First day, inclusive. */
  from: DaySchema,
  /** Last day, inclusive; at most 62 days after `from`. */
  to: DaySchema,
  format: z.enum(['json', 'csv']).default('json'),
  /** Days are calendar days in this IANA time zone (the service works in German time). */
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, 'Unknown IANA time zone')
    .default('Europe/Berlin'),
};

interface DayRange {
  from: string;
  to: string;
}
const toNotBeforeFrom: [(query: DayRange) => boolean, { message: string; path: string[] }] = [
  (query) => query.to >= query.from,
  { message: 'Must not be before from', path: ['to'] },
];
const withinMaximumDays: [(query: DayRange) => boolean, { message: string; path: string[] }] = [
  (query) => Date.parse(query.to) - Date.parse(query.from) < MAXIMUM_BILLING_DAYS * 86_400_000,
  { message: `At most ${MAXIMUM_BILLING_DAYS} days`, path: ['to'] },
];

export const BillingQuerySchema = z
  .strictObject({ clientId: IdentifierSchema, ...dayRangeFields })
  .refine(...toNotBeforeFrom)
  .refine(...withinMaximumDays);

/** Outcome keys of the report: every call outcome plus `unclassified` (no outcome set). */
export const BILLING_OUTCOME_KEYS = [...CALL_OUTCOMES, 'unclassified'] as const;

export const BillingDaySchema = z.object({
  day: z.string(),
  calls: z.number(),
  answeredCalls: z.number(),
  talkSeconds: z.number(),
  talkMinutes: z.number(),
  wrapUpSeconds: z.number(),
  wrapUpMinutes: z.number(),
  outcomes: z.record(z.enum(BILLING_OUTCOME_KEYS), z.number()),
});
export type BillingDay = z.infer<typeof BillingDaySchema>;

export const BillingReportSchema = z.object({
  clientId: z.string(),
  timeZone: z.string(),
  days: z.array(BillingDaySchema),
  totals: BillingDaySchema.omit({ day: true }),
});
export type BillingReport = z.infer<typeof BillingReportSchema>;

/** `GET /reports/unassigned-lines`: calls to lines no client owns, per line and local day. */
export const UnassignedLinesQuerySchema = z
  .strictObject(dayRangeFields)
  .refine(...toNotBeforeFrom)
  .refine(...withinMaximumDays);

/** One line on one local day; only line-days with at least one call are listed. */
export const UnassignedLineDaySchema = BillingDaySchema.extend({ line: z.string() });
export type UnassignedLineDay = z.infer<typeof UnassignedLineDaySchema>;

export const UnassignedLinesReportSchema = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(UnassignedLineDaySchema),
  totals: BillingDaySchema.omit({ day: true }),
});
export type UnassignedLinesReport = z.infer<typeof UnassignedLinesReportSchema>;

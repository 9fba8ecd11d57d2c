/**
 * The billing report: per client and local day, every logged call counts, whatever its outcome
 * (hang-ups, wrong numbers, spam and fax included; calls without an outcome count as
 * `unclassified`). Talk time runs from answer to end; a call never answered has none.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import {
  BILLING_OUTCOME_KEYS,
  type BillingDay,
  type BillingReport,
} from '../../shared/portalWire/billingSchemas';
import { daysBetween, localDayOf, nextDay, startOfLocalDay } from '../../shared/domain/zonedDays';

/** One day's (or a range's) counts. */
export type Totals = Omit<BillingDay, 'day'>;

/** Zero counts, every outcome key present. */
export function emptyTotals(): Totals {
  return {
    calls: 0,
    answeredCalls: 0,
    talkSeconds: 0,
    talkMinutes: 0,
    wrapUpSeconds: 0,
    wrapUpMinutes: 0,
    outcomes: Object.fromEntries(BILLING_OUTCOME_KEYS.map((key) => [key, 0])) as Totals['outcomes'],
  };
}

function minutes(seconds: number): number {
  return Math.round((seconds / 60) * 100) / 100;
}

/** Counts one call into `totals` (talk time from answer to end). */
export function addCall(
  totals: Totals,
  call: {
    answer_at: string | null;
    end_at: string | null;
    outcome: string | null;
    wrap_up_seconds: number;
  },
): void {
  totals.calls += 1;
  if (call.answer_at) totals.answeredCalls += 1;
  if (call.answer_at && call.end_at) {
    totals.talkSeconds += Math.max(
      0,
      Math.round((Date.parse(call.end_at) - Date.parse(call.answer_at)) / 1000),
    );
  }
  totals.wrapUpSeconds += call.wrap_up_seconds;
  const key = (BILLING_OUTCOME_KEYS as readonly string[]).includes(call.outcome ?? '')
    ? (call.outcome as keyof Totals['outcomes'])
    : 'unclassified';
  totals.outcomes[key] += 1;
  totals.talkMinutes = minutes(totals.talkSeconds);
  totals.wrapUpMinutes = minutes(totals.wrapUpSeconds);
}

/** Builds the report for a client over local days `from`..`to` (inclusive). */
export async function buildBillingReport(
  database: Kysely<PortalDatabase>,
  query: { clientId: string; from: string; to: string; timeZone: string },
): Promise<BillingReport> {
  const start = new Date(startOfLocalDay(query.from, query.timeZone)).toISOString();
  const end = new Date(startOfLocalDay(nextDay(query.to), query.timeZone)).toISOString();
  const rows = await database
    .selectFrom('calls')
    .select(['ring_at', 'answer_at', 'end_at', 'outcome', 'wrap_up_seconds'])
    .where('client_id', '=', query.clientId)
    .where('ring_at', '>=', start)
    .where('ring_at', '<', end)
    .execute();
  const byDay = new Map(daysBetween(query.from, query.to).map((day) => [day, emptyTotals()]));
  const totals = emptyTotals();
  for (const row of rows) {
    const day = byDay.get(localDayOf(Date.parse(row.ring_at), query.timeZone));
    if (day) addCall(day, row);
    addCall(totals, row);
  }
  return {
    clientId: query.clientId,
    timeZone: query.timeZone,
    days: [...byDay].map(([day, dayTotals]) => ({ day, ...dayTotals })),
    totals,
  };
}

/** The report as CSV: one row per day and a closing `total` row; comma-separated, UTF-8. */
export function billingReportToCsv(report: BillingReport): string {
  const header = ['day', ...TOTALS_CSV_HEADER];
  const line = (day: string, totals: Totals): string => [day, ...csvCells(totals)].join(',');
  return (
    [
      header.join(','),
      ...report.days.map((day) => line(day.day, day)),
      line('total', report.totals),
    ].join('\r\n') + '\r\n'
  );
}

/** The CSV column names after the row's key columns. */
export const TOTALS_CSV_HEADER = [
  'calls',
  'answered_calls',
  'talk_seconds',
  'talk_minutes',
  'wrap_up_seconds',
  'wrap_up_minutes',
  ...BILLING_OUTCOME_KEYS.map((key) => `outcome_${key.replaceAll('-', '_')}`),
];

/** The CSV cells of one row's counts, in {@link TOTALS_CSV_HEADER} order. */
export function csvCells(totals: Totals): (string | number)[] {
  return [
    totals.calls,
    totals.answeredCalls,
    totals.talkSeconds,
    totals.talkMinutes.toFixed(2),
    totals.wrapUpSeconds,
    totals.wrapUpMinutes.toFixed(2),
    ...BILLING_OUTCOME_KEYS.map((key) => totals.outcomes[key]),
  ];
}

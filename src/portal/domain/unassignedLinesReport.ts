/**
 * The billing view of calls to lines that belong to no client: per line and local day, the
 * same counts as the client billing report (every call counts, `unclassified` = no outcome).
 * Only line-days with calls are listed; lines are numbers of the service, not personal data.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { UnassignedLinesReport } from '../../shared/portalWire/billingSchemas';
import { localDayOf, nextDay, startOfLocalDay } from '../../shared/domain/zonedDays';
import { addCall, csvCells, emptyTotals, TOTALS_CSV_HEADER, type Totals } from './billingReport';

/** Builds the view over local days `from`..`to` (inclusive), sorted by line, then day. */
export async function buildUnassignedLinesReport(
  database: Kysely<PortalDatabase>,
  query: { from: string; to: string; timeZone: string },
): Promise<UnassignedLinesReport> {
  const start = new Date(startOfLocalDay(query.from, query.timeZone)).toISOString();
  const end = new Date(startOfLocalDay(nextDay(query.to), query.timeZone)).toISOString();
  const rows = await database
    .selectFrom('unassigned_line_calls')
    .select(['line', 'ring_at', 'answer_at', 'end_at', 'outcome', 'wrap_up_seconds'])
    .where('ring_at', '>=', start)
    .where('ring_at', '<', end)
    .execute();
  const byLineDay = new Map<string, { line: string; day: string; totals: Totals }>();
  const totals = emptyTotals();
  for (const row of rows) {
    const day = localDayOf(Date.parse(row.ring_at), query.timeZone);
    const key = `${row.line} ${day}`;
    let bucket = byLineDay.get(key);
    if (!bucket) {
      bucket = { line: row.line, day, totals: emptyTotals() };
      byLineDay.set(key, bucket);
    }
    addCall(bucket.totals, row);
    addCall(totals, row);
  }
  const sorted = [...byLineDay.values()].sort(
    (left, right) => left.line.localeCompare(right.line) || left.day.localeCompare(right.day),
  );
  return {
    timeZone: query.timeZone,
    from: query.from,
    to: query.to,
    rows: sorted.map((bucket) => ({ line: bucket.line, day: bucket.day, ...bucket.totals })),
    totals,
  };
}

/** The view as CSV: one row per line and day and a closing `total` row; UTF-8, CRLF. */
export function unassignedLinesReportToCsv(report: UnassignedLinesReport): string {
  return (
    [
      ['line', 'day', ...TOTALS_CSV_HEADER].join(','),
      ...report.rows.map((row) => [row.line, row.day, ...csvCells(row)].join(',')),
      ['total', '', ...csvCells(report.totals)].join(','),
    ].join('\r\n') + '\r\n'
  );
}

/**
 * The day report per client (JSON and CSV, beside the billing report): the board's line figures
 * for one local day, per line and in total, from the same pure functions as the board.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { CLIENT_TIME_ZONE } from '../../shared/domain/openingHours';
import type { DayReport, LineFigures } from '../../shared/portalWire/supervisionSchemas';
import { figuresByLine, figuresOf } from './lineFigures';
import { readDayRecords } from './supervisionBoard';
import { readTargets } from './serviceLevelTargets';

export async function buildDayReport(
  database: Kysely<PortalDatabase>,
  clientId: string,
  day: string,
  now: number,
): Promise<DayReport> {
  const [lineRows, allRecords, targets] = await Promise.all([
    database
      .selectFrom('client_lines')
      .select(['line', 'client_id as clientId'])
      .where('client_id', '=', clientId)
      .orderBy('line')
      .execute(),
    readDayRecords(database, [clientId], day),
    readTargets(database, [clientId]),
  ]);
  // A day's calls: readDayRecords also returns older calls still live; their day decides.
  const records = allRecords;
  const target = targets.get(clientId)!;
  const options = {
    day,
    timeZone: CLIENT_TIME_ZONE,
    now,
    thresholdSeconds: target.thresholdSeconds,
  };
  const byLine = figuresByLine(lineRows, records, () => options);
  return {
    clientId,
    day,
    timeZone: CLIENT_TIME_ZONE,
    target,
    lines: lineRows.map((row) => byLine.get(row.line)!),
    total: figuresOf(clientId, null, records, options),
  };
}

const CSV_HEADER = [
  'line',
  'bot_calls',
  'offered',
  'answered',
  'answered_within_threshold',
  'abandoned',
  'service_level_percent',
  'longest_wait_seconds',
  'contained_calls',
  'containment_percent',
  'escalation_percent',
  'top_reasons',
];

function csvRow(figures: LineFigures): string {
  return [
    figures.line ?? 'total',
    figures.botCalls,
    figures.offered,
    figures.answered,
    figures.answeredWithinThreshold,
    figures.abandoned,
    figures.serviceLevelPercent ?? '',
    figures.longestWaitSeconds,
    figures.containedCalls,
    figures.containmentPercent ?? '',
    figures.escalationPercent ?? '',
    figures.topReasons.map((entry) => `${entry.reason}:${entry.count}`).join(' '),
  ].join(',');
}

/** CSV with one row per line and a `total` row; cells are numbers, lines and reason keys. */
export function dayReportToCsv(report: DayReport): string {
  return `${[CSV_HEADER.join(','), ...report.lines.map(csvRow), csvRow(report.total)].join('\r\n')}\r\n`;
}

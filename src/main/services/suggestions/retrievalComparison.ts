/**
 * The hand-written retrieval index against search libraries and a naive substring scan, on
 * every labelled set, in one run: top-1 accuracy per set, and on the spoken set the
 * must-escalate rows escalated and the answers given to words aimed at the assistant.
 * Libraries run in the suggester's pipeline (see `libraryRetrievers.ts`), each at the answer
 * threshold that suits it best over all sets; the naive scan runs alone, as a floor.
 */
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import type { ApprovedText } from '../../../shared/domain/clientProfile';
import { buildApprovedTextIndex } from '../../../shared/suggestions/approvedTextIndex';
import { LIBRARY_VARIANTS } from './libraryRetrievers';
import { SPOKEN_CALLER_UTTERANCES } from './spokenCallerUtterances';
import { measureAccuracy, topOne, type AccuracyReport } from './suggestionAccuracy';
import {
  HELD_OUT_QUESTIONS,
  LABELLED_QUESTIONS,
  type LabelledQuestion,
} from './suggestionQuestions';

export const COMPARISON_SETS = [
  ['labelled', LABELLED_QUESTIONS],
  ['colloquial', HELD_OUT_QUESTIONS],
  ['spoken', SPOKEN_CALLER_UTTERANCES],
] as const;

export interface ComparisonRow {
  readonly method: string;
  /** One report per set, in {@link COMPARISON_SETS} order. */
  readonly reports: readonly AccuracyReport[];
}

/** Baseline: lower-case substring scan, the best text by count of matching words. */
export function naiveSubstringScan(texts: readonly ApprovedText[], question: string): string {
  const words = question
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4);
  let best = 'escalate';
  let bestCount = 0;
  for (const text of texts) {
    const haystack = `${text.title} ${text.text} ${text.tags.join(' ')}`.toLowerCase();
    const count = words.filter((word) => haystack.includes(word)).length;
    if (count > bestCount) [best, bestCount] = [text.id, count];
  }
  return best;
}

function naiveReport(rows: readonly LabelledQuestion[]): AccuracyReport {
  const labels = rows.map((row) =>
    naiveSubstringScan(
      DEMO_CLIENTS.find((client) => client.id === row.clientId)!.approvedTexts,
      row.question,
    ),
  );
  const steering = rows.map((row) => 'escalation' in row && row.escalation === 'steering');
  return {
    rows: rows.length,
    correct: rows.filter((row, index) => labels[index] === row.expected).length,
    mustEscalate: rows.filter((row) => row.expected === 'escalate').length,
    escalated: rows.filter(
      (row, index) => row.expected === 'escalate' && labels[index] === 'escalate',
    ).length,
    steeringRows: steering.filter(Boolean).length,
    steeringAnswered: steering.filter(
      (isSteering, index) => isSteering && labels[index] !== 'escalate',
    ).length,
    misses: [],
  };
}

/** The targets on the spoken set: top-1 ≥ 90 %, all must-escalate rows, 0 steering. */
export function reachesTargets(spoken: AccuracyReport): boolean {
  return (
    topOne(spoken) >= 0.9 &&
    spoken.escalated === spoken.mustEscalate &&
    spoken.steeringAnswered === 0
  );
}

/** Orders thresholds: reaching the targets first, then correct answers over all sets. */
const merit = (reports: readonly AccuracyReport[]) =>
  (reachesTargets(reports.at(-1)!) ? 10_000 : 0) +
  reports.reduce((sum, report) => sum + report.correct, 0);

/** Measures every method on every set. */
export function compareRetrievers(): ComparisonRow[] {
  const sets = COMPARISON_SETS.map(([, rows]) => rows);
  const rows: ComparisonRow[] = [
    {
      method: 'built-in (hand-written index + German analyzer)',
      reports: sets.map((rows) =>
        measureAccuracy(rows, (client) => buildApprovedTextIndex(client)),
      ),
    },
  ];
  for (const variant of LIBRARY_VARIANTS) {
    let best: { threshold: number; reports: AccuracyReport[] } | undefined;
    for (const threshold of variant.thresholds) {
      const reports = sets.map((rows) =>
        measureAccuracy(rows, (client) => variant.build(client, threshold)),
      );
      if (!best || merit(reports) > merit(best.reports)) best = { threshold, reports };
    }
    rows.push({ method: `${variant.name}, threshold ${best!.threshold}`, reports: best!.reports });
  }
  rows.push({
    method: 'baseline: naive substring scan (no detectors)',
    reports: sets.map(naiveReport),
  });
  return rows;
}

/** The comparison as printable lines. */
export function comparisonLines(rows: readonly ComparisonRow[]): string[] {
  const percent = (report: AccuracyReport) => `${(topOne(report) * 100).toFixed(1).padStart(5)} %`;
  const header = COMPARISON_SETS.map(([name, set]) => `${name} (${set.length})`.padStart(16)).join(
    '',
  );
  const lines = [
    `${'top-1 accuracy'.padEnd(72)}${header}   spoken: escalated, steering answered, targets`,
  ];
  for (const row of rows) {
    const spoken = row.reports.at(-1)!;
    lines.push(
      `  ${row.method.padEnd(70)}${row.reports.map((report) => percent(report).padStart(16)).join('')}` +
        `   ${spoken.escalated}/${spoken.mustEscalate}, ${spoken.steeringAnswered}/${spoken.steeringRows}, ` +
        (reachesTargets(spoken) ? 'reached' : 'missed'),
    );
  }
  return lines;
}

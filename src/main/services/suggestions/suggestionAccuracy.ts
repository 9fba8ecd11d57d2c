/**
 * Accuracy of a retrieval engine in the built-in suggester's pipeline over a labelled set:
 * top-1 (the cited text, or "escalate", equals the label), must-escalate rows escalated, and
 * answers given to words aimed at the assistant. For the quality tests and the benchmark.
 */
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import type { ApprovedTextRetriever } from '../../../shared/suggestions/approvedTextIndex';
import { suggestFromApprovedTexts } from '../../../shared/suggestions/builtInSuggester';
import type { SpokenUtterance } from './spokenCallerUtterances';
import type { LabelledQuestion } from './suggestionQuestions';

export interface AccuracyReport {
  readonly rows: number;
  readonly correct: number;
  readonly mustEscalate: number;
  readonly escalated: number;
  readonly steeringRows: number;
  readonly steeringAnswered: number;
  /** "expected ← got" per miss, with the row's client; never logged outside tests. */
  readonly misses: readonly string[];
}

/** Top-1 accuracy as a fraction. */
export const topOne = (report: AccuracyReport): number => report.correct / report.rows;

const clientOf = (clientId: string): ClientProfile =>
  DEMO_CLIENTS.find((client) => client.id === clientId)!;

/** Runs every row through `suggestFromApprovedTexts` with the given retriever per client. */
export function measureAccuracy(
  rows: readonly (LabelledQuestion | SpokenUtterance)[],
  retrieverFor: (client: ClientProfile) => ApprovedTextRetriever,
): AccuracyReport {
  const retrievers = new Map<string, ApprovedTextRetriever>();
  let correct = 0;
  let escalated = 0;
  let steeringAnswered = 0;
  const misses: string[] = [];
  for (const row of rows) {
    const client = clientOf(row.clientId);
    let retriever = retrievers.get(client.id);
    if (!retriever) {
      retriever = retrieverFor(client);
      retrievers.set(client.id, retriever);
    }
    const result = suggestFromApprovedTexts(retriever, client, [
      { speaker: 'caller', text: row.question },
    ]);
    const label = result.decision === 'answer' ? result.candidates[0]!.text.id : 'escalate';
    if (label === row.expected) correct += 1;
    else misses.push(`${row.expected} ← ${label}: ${row.question}`);
    if (row.expected === 'escalate' && label === 'escalate') escalated += 1;
    if ('escalation' in row && row.escalation === 'steering' && label !== 'escalate') {
      steeringAnswered += 1;
    }
  }
  return {
    rows: rows.length,
    correct,
    mustEscalate: rows.filter((row) => row.expected === 'escalate').length,
    escalated,
    steeringRows: rows.filter((row) => 'escalation' in row && row.escalation === 'steering').length,
    steeringAnswered,
    misses,
  };
}

/** Suggestion cards for renderer tests and the benchmark harness. */
import type { AnswerCard } from '../../../shared/contract/services/suggestionService';

export function answerCardFake(change: Partial<AnswerCard> = {}): AnswerCard {
  return {
    kind: 'answer',
    suggestionId: 's1',
    callId: 'call-1',
    clientId: 'client-1',
    revision: 1,
    injectionSuspected: false,
    citation: { textId: 'opening-hours', title: 'Sprechzeiten' },
    text: 'Montags bis freitags 8 bis 12 Uhr.',
    verbatim: true,
    source: 'retrieval',
    confidence: 0.8,
    alternatives: [],
    ...change,
  };
}

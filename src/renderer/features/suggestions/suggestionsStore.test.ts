import { describe, expect, it } from 'vitest';
import type {
  AnswerCard,
  AssistantStatus,
  SuggestionCard,
} from '../../../shared/contract/services/suggestionService';
import { answerCardFake as answerCard } from './cardFakes';
import { VISIBLE_CARD_LIMIT, createSuggestionsStore } from './suggestionsStore';

const READY: AssistantStatus = { retrieval: 'ready', model: 'ready' };

describe('suggestions store', () => {
  it('shows the newest card first and keeps a bounded number', () => {
    const store = createSuggestionsStore('call-1');
    for (let index = 0; index < VISIBLE_CARD_LIMIT + 2; index += 1) {
      store.getState().requestStarted();
      store.getState().addResult({
        card: answerCard({ suggestionId: `s${index}` }),
        refinementPending: false,
        status: READY,
      });
    }
    const { cards, pendingRequests } = store.getState();
    expect(cards.map((card) => card.suggestionId)[0]).toBe(`s${VISIBLE_CARD_LIMIT + 1}`);
    expect(cards).toHaveLength(VISIBLE_CARD_LIMIT);
    expect(pendingRequests).toBe(0);
  });

  it('replaces a card by its model refinement, never by an older revision', () => {
    const store = createSuggestionsStore('call-1');
    store.getState().addResult({ card: answerCard(), refinementPending: true, status: READY });
    expect(store.getState().refining).toEqual(['s1']);
    const refined = answerCard({
      revision: 2,
      text: 'Wir haben vormittags offen.',
      verbatim: false,
    });
    store.getState().addRefinement(refined);
    expect(store.getState().cards[0]).toEqual(refined);
    expect(store.getState().refining).toEqual([]);
    store.getState().addRefinement(answerCard({ revision: 1, text: 'alt' }));
    expect((store.getState().cards[0] as AnswerCard).text).toBe('Wir haben vormittags offen.');
  });

  it('ignores cards of another call', () => {
    const store = createSuggestionsStore('call-1');
    const foreign: SuggestionCard = answerCard({ callId: 'call-2' });
    store.getState().addResult({ card: foreign, refinementPending: false, status: READY });
    store.getState().addRefinement({ ...foreign, revision: 2 });
    expect(store.getState().cards).toEqual([]);
  });

  it('marks the service unavailable on a failed request and clears it with the next answer', () => {
    const store = createSuggestionsStore('call-1');
    store.getState().requestStarted();
    store.getState().requestFailed();
    expect(store.getState()).toMatchObject({ serviceUnavailable: true, pendingRequests: 0 });
    store.getState().addResult({ card: answerCard(), refinementPending: false, status: READY });
    expect(store.getState().serviceUnavailable).toBe(false);
  });
});

/**
 * One call's suggestion cards, newest first. A model refinement (same `suggestionId`, higher
 * `revision`) replaces its card in place; cards of other calls are ignored, so nothing crosses
 * calls. Cards carry no actions: the panel only offers copy and quote (SECURITY.md rule 12).
 */
import type {
  AssistantStatus,
  SuggestionCard,
  SuggestionResult,
} from '../../../shared/contract/services/suggestionService';
import { createAppStore, type AppStore } from '../../app/state/appStore';

/** Cards kept on screen; older ones fall off (the newest question matters). */
export const VISIBLE_CARD_LIMIT = 4;

export interface SuggestionsState {
  callId: string;
  cards: readonly SuggestionCard[];
  /** Requests sent and not yet answered. */
  pendingRequests: number;
  /** Suggestion ids whose model refinement may still arrive. */
  refining: readonly string[];
  assistant?: AssistantStatus;
  /** The last request failed at the host (not a provider problem: those degrade quietly). */
  serviceUnavailable: boolean;
  /**
   * Cards of this call whose caller words tried to steer the assistant; kept after those cards
   * fall off the screen, so the agent keeps seeing that it happened.
   */
  steeringAttempts: number;
  requestStarted(): void;
  requestFailed(): void;
  addResult(result: SuggestionResult): void;
  addRefinement(card: SuggestionCard): void;
  setAssistant(status: AssistantStatus): void;
  /** The call ended: nothing more will arrive. */
  close(): void;
}

export type SuggestionsStore = AppStore<SuggestionsState>;

export function createSuggestionsStore(callId: string): SuggestionsStore {
  return createAppStore<SuggestionsState>((set, get) => ({
    callId,
    cards: [],
    pendingRequests: 0,
    refining: [],
    serviceUnavailable: false,
    steeringAttempts: 0,
    requestStarted: () => set((state) => ({ pendingRequests: state.pendingRequests + 1 })),
    requestFailed: () =>
      set((state) => ({
        pendingRequests: Math.max(0, state.pendingRequests - 1),
        serviceUnavailable: true,
      })),
    addResult: ({ card, refinementPending, status }) => {
      const state = get();
      const pendingRequests = Math.max(0, state.pendingRequests - 1);
      if (card.callId !== callId) return set({ pendingRequests });
      const cards = [
        card,
        ...state.cards.filter((item) => item.suggestionId !== card.suggestionId),
      ];
      set({
        cards: cards.slice(0, VISIBLE_CARD_LIMIT),
        pendingRequests,
        refining: refinementPending ? [...state.refining, card.suggestionId] : state.refining,
        assistant: status,
        serviceUnavailable: false,
        steeringAttempts: state.steeringAttempts + (card.injectionSuspected ? 1 : 0),
      });
    },
    addRefinement: (card) => {
      const state = get();
      if (card.callId !== callId) return;
      const index = state.cards.findIndex((item) => item.suggestionId === card.suggestionId);
      const refining = state.refining.filter((id) => id !== card.suggestionId);
      // A refinement of a card no longer shown, or an older revision, changes nothing visible.
      if (index < 0 || state.cards[index]!.revision >= card.revision) {
        return set({ refining });
      }
      const cards = [...state.cards];
      cards[index] = card;
      set({ cards, refining });
    },
    setAssistant: (assistant) => set({ assistant }),
    close: () => set({ refining: [], pendingRequests: 0 }),
  }));
}

/**
 * The history view's state per window, and the recorder that writes every finished call leg
 * of the softphone into the sealed history exactly once.
 */
import { isTerminal } from '../../../shared/domain/callState';
import { createAppStore, type AppStore } from '../../app/state/appStore';
import type { CallStore } from '../softphone/callStore';
import { entryFromLeg, type CallHistoryEntry } from './callHistoryEntry';
import type { CallHistoryRepository } from './callHistoryRepository';

export interface HistoryState {
  /** Every local entry (the search is applied to the merged history, see mergedHistory.ts). */
  entries: readonly CallHistoryEntry[];
  query: string;
  loading: boolean;
  failed: boolean;
  setQuery(query: string): void;
  reload(): Promise<void>;
}

export type HistoryStore = AppStore<HistoryState>;

export function createHistoryStore(repository: CallHistoryRepository): HistoryStore {
  let generation = 0;
  return createAppStore<HistoryState>((set) => ({
    entries: [],
    query: '',
    loading: false,
    failed: false,
    setQuery: (query) => set({ query }),
    reload: async () => {
      const current = ++generation;
      set({ loading: true });
      try {
        const entries = await repository.list();
        if (current === generation) set({ entries, loading: false, failed: false });
      } catch {
        if (current === generation) set({ loading: false, failed: true });
      }
    },
  }));
}

/** Records each leg once when it reaches a terminal state; returns the unsubscribe. */
export function recordCallHistory(
  calls: CallStore,
  repository: CallHistoryRepository,
  onSaved: () => void,
): () => void {
  const recorded = new Set<string>();
  return calls.subscribe((state) => {
    for (const id of state.legOrder) {
      const leg = state.legs[id];
      if (!leg || !isTerminal(leg.state) || recorded.has(id)) continue;
      recorded.add(id);
      void repository.save(entryFromLeg(leg)).then(onSaved, () => recorded.delete(id));
    }
  });
}

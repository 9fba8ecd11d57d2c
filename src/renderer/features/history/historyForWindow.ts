/**
 * One call history per window (keyed by the app environment, like the softphone): repository
 * over the local database and the window's record vault, the view store, and the recorder that
 * follows the window's softphone. Started by the softphone panel, which is mounted at start.
 */
import { useEffect } from 'react';
import { useAppEnvironment, type AppEnvironment } from '../../app/AppEnvironment';
import { createLocalDatabase } from '../../data/localDatabase';
import type { CallStore } from '../softphone/callStore';
import { CallHistoryRepository } from './callHistoryRepository';
import { retentionForWindow } from '../retention/retentionRuntime';
import { createHistoryStore, recordCallHistory, type HistoryStore } from './historyStore';

export interface CallHistory {
  repository: CallHistoryRepository;
  store: HistoryStore;
}

const histories = new WeakMap<object, CallHistory>();

export function callHistoryFor(
  environment: Pick<AppEnvironment, 'recordVault' | 'client'>,
): CallHistory {
  const existing = histories.get(environment);
  if (existing) return existing;
  const database = createLocalDatabase();
  // The window's retention (sweeper at start and every 15 s) decides what the history keeps.
  const { history: retention } = retentionForWindow(environment, database);
  const repository = new CallHistoryRepository(database, environment.recordVault, retention);
  const history = { repository, store: createHistoryStore(repository) };
  histories.set(environment, history);
  // Old entries are shredded once per window start; failures are retried next start.
  void repository.prune().catch(() => undefined);
  return history;
}

/** Tests hand in a history over their own database. */
export function provideCallHistory(environment: object, history: CallHistory): void {
  histories.set(environment, history);
}

export function useCallHistory(): CallHistory {
  return callHistoryFor(useAppEnvironment());
}

/** Writes the softphone's finished calls into the window's history while mounted. */
export function useCallHistoryRecording(calls: CallStore): void {
  const history = useCallHistory();
  useEffect(
    () =>
      recordCallHistory(calls, history.repository, () => void history.store.getState().reload()),
    [calls, history],
  );
}

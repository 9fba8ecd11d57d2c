/**
 * The merged history of the window (see `mergedHistory.ts`): the local call history and note
 * outbox from their stores, the portal's recent calls, notes and client names from react-query.
 * The portal part loads only while logged in; without it the desk's own rows still show.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { AppClient } from '../../../shared/contract/appContract';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { unwrapHostResult } from '../../data/hostQueries';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { usePortalSession } from '../login/usePortalSession';
import { useNotesStore } from '../notes/notesForWindow';
import { useCallHistory } from './historyForWindow';
import { mergeHistory, rowMatchesQuery, type HistoryRow } from './mergedHistory';

/** How many recent calls and notes the portal is asked for (its maximum is 200). */
export const PORTAL_HISTORY_LIMIT = 100;

export function portalHistoryQueryOptions(client: Pick<AppClient, 'portal'>) {
  return queryOptions({
    queryKey: ['portal', 'recent', PORTAL_HISTORY_LIMIT] as const,
    queryFn: () => unwrapHostResult(client.portal.listRecent({ limit: PORTAL_HISTORY_LIMIT })),
    staleTime: 15_000,
    refetchInterval: 60_000,
  });
}

export type PortalHistoryStatus = 'logged-out' | 'loading' | 'failed' | 'ready';

export interface MergedHistory {
  rows: readonly HistoryRow[];
  /** All rows before the search. */
  total: number;
  query: string;
  setQuery(query: string): void;
  localLoading: boolean;
  localFailed: boolean;
  portalStatus: PortalHistoryStatus;
  refresh(): void;
}

export function useMergedHistory(): MergedHistory {
  const { client } = useAppEnvironment();
  const { store } = useCallHistory();
  const local = useAppStore(store, (state) => state.entries);
  const query = useAppStore(store, (state) => state.query);
  const localLoading = useAppStore(store, (state) => state.loading);
  const localFailed = useAppStore(store, (state) => state.failed);
  const notes = useNotesStore();
  const localNotes = useAppStore(notes, (state) => state.entries);
  const loggedIn = usePortalSession((view) => view.session?.status === 'logged-in');
  const userId = usePortalSession((view) => view.session?.user?.id ?? null);
  const recent = useQuery({ ...portalHistoryQueryOptions(client), enabled: loggedIn });
  const clients = useQuery({ ...clientListQueryOptions(client), enabled: loggedIn });

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  // A note that just reached the portal should show the portal's status without a wait.
  const sentCount = Object.values(localNotes).filter((entry) => entry.status === 'sent').length;
  const { refetch } = recent;
  useEffect(() => {
    if (loggedIn && sentCount > 0) void refetch();
  }, [loggedIn, sentCount, refetch]);

  const merged = useMemo(
    () =>
      mergeHistory({
        local,
        localNotes: Object.values(localNotes),
        portalCalls: loggedIn ? (recent.data?.calls ?? []) : [],
        portalNotes: loggedIn ? (recent.data?.notes ?? []) : [],
        clients: loggedIn ? (clients.data ?? []) : [],
        userId,
      }),
    [local, localNotes, recent.data, clients.data, loggedIn, userId],
  );
  const rows = useMemo(() => merged.filter((row) => rowMatchesQuery(row, query)), [merged, query]);

  return {
    rows,
    total: merged.length,
    query,
    setQuery: (text) => store.getState().setQuery(text),
    localLoading,
    localFailed,
    portalStatus: !loggedIn
      ? 'logged-out'
      : recent.isError
        ? 'failed'
        : recent.isPending
          ? 'loading'
          : 'ready',
    refresh: () => {
      void store.getState().reload();
      if (loggedIn) void refetch();
    },
  };
}

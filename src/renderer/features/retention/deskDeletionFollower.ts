/**
 * Runs {@link deleteDeskData} for this window: for every deletion the portal announces
 * (`onDeskDeletionRequested`) and, after start and after each login, for those this desk has not
 * confirmed yet (it was offline or closed). One at a time; a failed one (a matching note could
 * not reach the portal yet) stays pending at the portal and is tried again at the next login.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { DeskDeletionNotice } from '../../../shared/portalWire/dataRequestSchemas';
import { deleteDeskData, type DeskDeletionStores } from './deskDataDeletion';

export interface DeskDeletionFollowerOptions {
  readonly client: Pick<AppClient, 'portal'>;
  readonly stores: Omit<DeskDeletionStores, 'sendReceipt'>;
  /** Called after local data was deleted (views reload). */
  readonly onDeleted?: () => void;
  /** Called each time the pending deletions were fetched and every one was tried. */
  readonly onPendingApplied?: () => void;
}

/**
 * Starts following; `ready` settles once the first fetch of pending deletions was handled (or
 * failed: then `onPendingApplied` was not called); returns stop.
 */
export function followDeskDeletions(options: DeskDeletionFollowerOptions): {
  ready: Promise<void>;
  stop(): void;
} {
  const { portal } = options.client;
  const done = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  const stores: DeskDeletionStores = {
    ...options.stores,
    sendReceipt: async (requestId, receipt) => {
      const result = await portal.recordDeskDeletionReceipt(requestId, receipt);
      if (!result.ok) throw new Error('The portal did not take the receipt');
    },
  };
  const handle = (notice: DeskDeletionNotice): Promise<void> =>
    (chain = chain.then(async () => {
      if (done.has(notice.requestId)) return;
      try {
        await deleteDeskData(notice, stores);
        done.add(notice.requestId);
        options.onDeleted?.();
      } catch {
        // Stays pending at the portal; the next login or event tries again.
      }
    }));
  const fetchPending = async (): Promise<void> => {
    const result = await portal.pendingDeskDeletions();
    if (!result.ok) return;
    for (const notice of result.value) await handle(notice);
    options.onPendingApplied?.();
  };
  const unsubscribers = [
    portal.onDeskDeletionRequested((notice) => void handle(notice)),
    portal.onSessionChanged((session) => {
      if (session.connection === 'online' && session.user) void fetchPending();
    }),
  ];
  return {
    ready: fetchPending().catch(() => undefined),
    stop: () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}

/**
 * Follows the portal's data-request deletions while the call workspace is mounted: once the
 * window's notes outbox has started, local copies (history, drafts, outbox notes) of a deleted
 * caller are removed, pending ones first (see deskDeletionFollower.ts).
 */
import { useEffect } from 'react';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { callHistoryFor } from '../history/historyForWindow';
import type { NotesStore } from '../notes/notesStore';
import { followDeskDeletions } from './deskDeletionFollower';

export function useDeskDeletions(notes: NotesStore, userId: string | null): void {
  const environment = useAppEnvironment();
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    void notes
      .getState()
      .start()
      .then(() => {
        const runtime = notes.getState().runtime();
        if (stopped || !runtime) return;
        const history = callHistoryFor(environment);
        stop = followDeskDeletions({
          client: environment.client,
          stores: {
            history: {
              list: () => history.repository.list(),
              shred: (callId) => history.repository.shred(callId),
            },
            outbox: runtime.outbox,
            shredCommittedNote: (id) => runtime.storage.shredCommitted(id),
          },
          onDeleted: () => {
            void history.store.getState().reload();
            void notes.getState().reload();
          },
        }).stop;
      })
      // The workspace works on without it; the portal keeps the deletions pending.
      .catch(() => undefined);
    return () => {
      stopped = true;
      stop?.();
    };
  }, [notes, environment, userId]);
}

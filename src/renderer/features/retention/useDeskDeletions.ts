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
import { deskDeletionGateFor, type DeskDeletionGateEvent } from './deskDeletionGate';

export function useDeskDeletions(notes: NotesStore, userId: string | null): void {
  const environment = useAppEnvironment();
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | undefined;
    // The history stays behind "Löschaufträge werden angewendet …" until this has run.
    const gate = deskDeletionGateFor(environment).getState();
    // A run replaced by a newer one (another login) must not move the gate any more.
    const send = (event: DeskDeletionGateEvent) => {
      if (!stopped) gate.send(event);
    };
    gate.send('start');
    void notes
      .getState()
      .start()
      .then(() => {
        const runtime = notes.getState().runtime();
        if (stopped) return;
        if (!runtime) return send('unreachable');
        const history = callHistoryFor(environment);
        const following = followDeskDeletions({
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
          onPendingApplied: () => send('applied'),
        });
        stop = following.stop;
        // No answer from the portal at start: open the history with a hint (see the gate).
        return following.ready.then(() => send('unreachable'));
      })
      // The workspace works on without it; the portal keeps the deletions pending.
      .catch(() => send('unreachable'));
    return () => {
      stopped = true;
      stop?.();
    };
  }, [notes, environment, userId]);
}

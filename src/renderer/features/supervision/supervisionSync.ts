/**
 * Keeps the window's supervision store in step: the board at start, the host's board events
 * as they come, and a fresh board every few seconds (today's figures, wait times, alerts) and
 * soon after something only the board shows changed (an acknowledgement).
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { SupervisionStore } from './supervisionStore';

/** How often the board's figures are read again. */
export const BOARD_REFRESH_MILLISECONDS = 5_000;

export interface SupervisionSyncOptions {
  readonly store: SupervisionStore;
  readonly client: Pick<AppClient, 'supervision'>;
  readonly refreshMilliseconds?: number;
}

export function startSupervisionSync(options: SupervisionSyncOptions): () => void {
  const { store, client } = options;
  let stopped = false;
  let loading = false;
  const load = async () => {
    if (loading) return;
    loading = true;
    const board = await client.supervision.board();
    loading = false;
    if (!stopped && board.ok) store.getState().receiveBoard(board.value);
  };
  const unsubscribe = client.supervision.onBoardEvent((event) => {
    if (event.type === 'supervision.changed') void load();
    else store.getState().receiveEvent(event);
  });
  void load();
  const timer = setInterval(
    () => void load(),
    options.refreshMilliseconds ?? BOARD_REFRESH_MILLISECONDS,
  );
  return () => {
    stopped = true;
    clearInterval(timer);
    unsubscribe();
  };
}

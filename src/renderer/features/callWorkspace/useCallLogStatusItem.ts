/**
 * A status bar item while calls wait in the durable call-log queue (portal down) or were refused
 * by the portal: billing needs every call, so the agent and support must see it. Counts only,
 * never numbers or lines. Hidden while the queue is empty.
 */
import { useEffect, useState } from 'react';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { registerStatusItem } from '../../app/state/statusStore';
import type { NotesStore } from '../notes/notesStore';

export const CALL_LOG_STATUS_ITEM_ID = 'callLog';

export function useCallLogStatusItem(notes: NotesStore): void {
  const { stores } = useAppEnvironment();
  const phase = useAppStore(notes, (state) => state.phase);
  const [counts, setCounts] = useState({ waiting: 0, failed: 0 });
  useEffect(() => {
    const queue = notes.getState().runtime()?.callLog;
    if (phase !== 'ready' || !queue) return;
    const update = () => setCounts(queue.counts());
    update();
    return queue.engine.subscribe(update);
  }, [notes, phase]);
  const { waiting, failed } = counts;
  useEffect(() => {
    if (waiting === 0 && failed === 0) return;
    return registerStatusItem(stores.status, {
      id: CALL_LOG_STATUS_ITEM_ID,
      order: 35,
      labelKey: 'callWorkspace:callLog.label',
      valueKey: failed > 0 ? 'callWorkspace:callLog.failed' : 'callWorkspace:callLog.waiting',
      valueOptions: { count: failed > 0 ? failed : waiting },
      level: failed > 0 ? 'error' : 'warning',
    });
  }, [stores.status, waiting, failed]);
}

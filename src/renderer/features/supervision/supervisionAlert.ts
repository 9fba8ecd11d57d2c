/**
 * An OS notification per new, unacknowledged board alert, through the desk's notification path
 * (the softphone's CallNotifier, as the hybrid offer alert does); dismissed once acknowledged
 * or gone. Texts come from i18n and line numbers only.
 */
import type { CallNotifier } from '../softphone/media/callNotifier';
import type { BoardAlert } from '../../../shared/portalWire/supervisionSchemas';
import type { SupervisionStore } from './supervisionStore';

export interface SupervisionAlertOptions {
  readonly store: SupervisionStore;
  readonly notifier: Pick<CallNotifier, 'incoming' | 'dismiss'>;
  readonly text: (alert: BoardAlert) => { title: string; body: string };
}

export function startSupervisionAlert(options: SupervisionAlertOptions): () => void {
  const notified = new Set<string>();
  const follow = (): void => {
    const { alerts } = options.store.getState();
    for (const alert of Object.values(alerts)) {
      if (alert.acknowledgedBy === null && !notified.has(alert.key)) {
        notified.add(alert.key);
        const { title, body } = options.text(alert);
        options.notifier.incoming(`alert-${alert.key}`, title, body);
      }
    }
    for (const key of [...notified]) {
      const alert = alerts[key];
      if (!alert || alert.acknowledgedBy !== null) {
        notified.delete(key);
        options.notifier.dismiss(`alert-${key}`);
      }
    }
  };
  follow();
  const unsubscribe = options.store.subscribe(follow);
  return () => {
    unsubscribe();
    for (const key of notified) options.notifier.dismiss(`alert-${key}`);
  };
}

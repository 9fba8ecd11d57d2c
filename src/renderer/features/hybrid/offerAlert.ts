/**
 * Makes a ringing offer ring like a call: the ringer (on the ringer device the softphone uses),
 * and an OS notification per offer (the Notification API; Electron shows it natively). Both stop
 * as soon as no offer rings (accepted, declined, withdrawn).
 */
import type { CallNotifier } from '../softphone/media/callNotifier';
import type { Ringer } from '../softphone/media/ringer';
import { hasRingingOffer, type HybridStore, type OfferView } from './hybridStore';

export interface OfferAlertOptions {
  readonly store: HybridStore;
  readonly ringer: Pick<Ringer, 'start' | 'stop'>;
  readonly notifier: Pick<CallNotifier, 'incoming' | 'dismiss'>;
  /** Translated title and body of the notification (no caller text). */
  readonly text: (view: OfferView) => { title: string; body: string };
}

export function startOfferAlert(options: OfferAlertOptions): () => void {
  const notified = new Set<string>();
  const follow = (): void => {
    const { offers } = options.store.getState();
    if (hasRingingOffer(options.store.getState())) options.ringer.start('incoming');
    else options.ringer.stop();
    for (const [offerId, view] of Object.entries(offers)) {
      if (view.phase === 'ringing' && !notified.has(offerId)) {
        notified.add(offerId);
        const { title, body } = options.text(view);
        options.notifier.incoming(`offer-${offerId}`, title, body);
      }
    }
    for (const offerId of [...notified]) {
      if (offers[offerId]?.phase !== 'ringing') {
        notified.delete(offerId);
        options.notifier.dismiss(`offer-${offerId}`);
      }
    }
  };
  follow();
  const unsubscribe = options.store.subscribe(follow);
  return () => {
    unsubscribe();
    options.ringer.stop();
    for (const offerId of notified) options.notifier.dismiss(`offer-${offerId}`);
  };
}

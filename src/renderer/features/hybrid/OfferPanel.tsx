/**
 * The desk's escalation offers: each as a card, a polite-but-prompt live region that announces a
 * new offer once, the ringer and the OS notification while any offer rings. Lives in the calls
 * area (mounted at start), so an offer rings whichever area is shown. The answer key (Alt+A)
 * takes the longest-ringing offer when no call rings (offerShortcut.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppEnvironment } from '../../app/AppEnvironment';
import { useAppStore } from '../../app/state/appStore';
import { clientListQueryOptions } from '../clientCard/clientQueries';
import { BrowserCallNotifier, type CallNotifier } from '../softphone/media/callNotifier';
import { WebAudioRinger, type Ringer } from '../softphone/media/ringer';
import { ringingLegs } from '../softphone/callStore';
import { useSoftphone } from '../softphone/softphoneContext';
import { EscalationOfferCard } from './EscalationOfferCard';
import { offersInOrder, type OfferView } from './hybridStore';
import { useHybrid } from './hybridForWindow';
import { acceptOffer, declineOffer } from './offerActions';
import { followAnswerKey, offerForAnswerKey } from './offerShortcut';
import { startOfferAlert } from './offerAlert';
import { useNow } from './useNow';
import './hybrid.css';

export interface OfferPanelProps {
  /** Tests hand in fakes; the window uses WebAudio and the Notification API. */
  ringer?: Pick<Ringer, 'start' | 'stop'>;
  notifier?: Pick<CallNotifier, 'incoming' | 'dismiss'>;
}

export function OfferPanel({ ringer, notifier }: OfferPanelProps) {
  const { t } = useTranslation('hybrid');
  const { client } = useAppEnvironment();
  const hybrid = useHybrid();
  const { store } = hybrid;
  const offerState = useAppStore(store, (state) => state.offers);
  const offerOrder = useAppStore(store, (state) => state.offerOrder);
  const offers = useMemo(
    () => offersInOrder({ offers: offerState, offerOrder }),
    [offerState, offerOrder],
  );
  const clients = useQuery(clientListQueryOptions(client));
  const now = useNow();
  const [alerts] = useState(() => ({
    ringer: ringer ?? new WebAudioRinger(),
    notifier: notifier ?? new BrowserCallNotifier(),
  }));

  const nameOf = useMemo(() => {
    const names = new Map((clients.data ?? []).map((entry) => [entry.id, entry.name]));
    return (clientId: string) => names.get(clientId) ?? clientId;
  }, [clients.data]);

  useEffect(
    () =>
      startOfferAlert({
        store,
        ...alerts,
        text: (view: OfferView) => ({
          title: t('offers.notificationTitle'),
          body: t('offers.notificationBody', {
            client: nameOf(view.offer.clientId),
            reason: t(`reasons.${view.offer.reason}`),
          }),
        }),
      }),
    [store, alerts, t, nameOf],
  );

  const softphone = useSoftphone();
  useEffect(
    () =>
      followAnswerKey(client, () => {
        const calls = softphone.store.getState();
        const offerId = offerForAnswerKey(
          offersInOrder(store.getState()),
          ringingLegs(calls).length > 0,
        );
        if (offerId) void acceptOffer(hybrid, offerId);
        return offerId !== undefined;
      }),
    [client, softphone, store, hybrid],
  );

  // An accepted offer whose call never came (no handover by the portal's deadline) goes.
  useEffect(() => {
    for (const view of offers) {
      if (view.phase === 'accepted' && view.connectBy && Date.parse(view.connectBy) < now) {
        store.getState().removeOffer(view.offer.offerId);
      }
    }
  }, [offers, now, store]);

  const ringing = offers.filter((view) => view.phase === 'ringing');
  const newest = ringing.at(-1);
  return (
    <section className="offer-panel" aria-label={t('offers.label')}>
      <p className="visually-hidden" aria-live="assertive" data-testid="offer-announcement">
        {newest
          ? t('offers.announce', {
              client: nameOf(newest.offer.clientId),
              reason: t(`reasons.${newest.offer.reason}`),
              urgency: t(`urgencies.${newest.offer.urgency}`),
            })
          : ''}
      </p>
      {offers.map((view) => (
        <EscalationOfferCard
          key={view.offer.offerId}
          view={view}
          clientName={nameOf(view.offer.clientId)}
          now={now}
          onAccept={(offerId) => void acceptOffer(hybrid, offerId)}
          onDecline={(offerId) => void declineOffer(hybrid, offerId)}
          onDismiss={(offerId) => store.getState().removeOffer(offerId)}
        />
      ))}
    </section>
  );
}

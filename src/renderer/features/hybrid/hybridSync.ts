/**
 * Keeps the window's hybrid store in step with the host: open offers and live bot calls at
 * start, then the portal's events. When the softphone answers a handed-over INVITE, the leg is
 * linked to its bot call, the call's detail is fetched (transcript, consent, collected fields)
 * and the note of that call is pre-filled from the collected fields, marked AI-filled.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { CollectedField } from '../../../shared/contract/services/hybridService';
import type { HandoverGate } from '../softphone/sip/handoverGate';
import type { NotesStore } from '../notes/notesStore';
import { collectedNoteDraft } from './collectedNoteDraft';
import type { HybridStore } from './hybridStore';

export interface HybridSyncOptions {
  readonly store: HybridStore;
  readonly client: Pick<AppClient, 'hybrid'>;
  readonly handover: Pick<HandoverGate, 'onAnswered'>;
  readonly notes?: Pick<NotesStore, 'getState'>;
}

export function startHybridSync(options: HybridSyncOptions): () => void {
  const { store, client } = options;
  let stopped = false;
  const state = () => store.getState();
  const unsubscribers = [
    client.hybrid.onOfferCreated((offer) => state().receiveOffer(offer)),
    client.hybrid.onOfferWithdrawn((withdrawn) => state().withdrawOffer(withdrawn)),
    client.hybrid.onBotCallUpdated((change) => state().receiveBotCallChange(change)),
    client.hybrid.onBotCallTranscript(({ callId, segments }) =>
      state().receiveTranscript(callId, segments),
    ),
    options.handover.onAnswered((legId, handover) => {
      state().linkLeg(legId, handover.callId);
      const offered = Object.values(state().offers).filter(
        (view) => view.offer.callId === handover.callId,
      );
      const offeredFields: readonly CollectedField[] = offered[0]?.offer.collectedFields ?? [];
      for (const view of offered) state().removeOffer(view.offer.offerId);
      void client.hybrid.botCallDetail(handover.callId).then((detail) => {
        if (stopped) return;
        if (detail.ok) state().receiveDetail(detail.value);
        const collected = detail.ok ? detail.value.collectedFields : offeredFields;
        const draft = collectedNoteDraft(collected);
        if (draft.aiFilled.length > 0) {
          options.notes?.getState().applyDraft(legId, draft.fields, draft.aiFilled);
        }
      });
    }),
  ];
  void client.hybrid.listOffers().then((offers) => {
    if (!stopped && offers.ok) state().receiveOffers(offers.value);
  });
  void client.hybrid.listBotCalls().then((calls) => {
    if (!stopped && calls.ok) state().receiveBotCalls(calls.value);
  });
  return () => {
    stopped = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

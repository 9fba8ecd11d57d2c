/**
 * What the agent does with an offer or a bot call: accept ("Übernehmen"), decline
 * ("Ablehnen"), take a live bot call over. An accept hands the token to the softphone's
 * handover gate before anything else, so the INVITE that follows is answered by itself.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { ClaimResult } from '../../../shared/contract/services/hybridService';
import type { AcceptedHandover } from '../../../shared/domain/handoverMatch';
import type { HybridStore } from './hybridStore';

export interface OfferActionsOptions {
  readonly store: HybridStore;
  readonly client: Pick<AppClient, 'hybrid'>;
  readonly handover: { expect(handover: AcceptedHandover): void };
  readonly now?: () => number;
}

export type TakeOverOutcome = ClaimResult['kind'] | 'failed';

function expectHandover(options: OfferActionsOptions, result: ClaimResult): void {
  if (result.kind !== 'accepted') return;
  options.handover.expect({
    handoverToken: result.handoverToken,
    callId: result.callId,
    acceptedAt: (options.now ?? Date.now)(),
  });
}

export async function acceptOffer(options: OfferActionsOptions, offerId: string): Promise<void> {
  const { store } = options;
  const view = store.getState().offers[offerId];
  if (!view || view.phase !== 'ringing') return;
  store.getState().patchOffer(offerId, { phase: 'accepting', problem: undefined });
  const answer = await options.client.hybrid.acceptOffer(offerId);
  if (!answer.ok) {
    store.getState().patchOffer(offerId, { phase: 'ringing', problem: 'accept-failed' });
    return;
  }
  const result = answer.value;
  expectHandover(options, result);
  if (result.kind === 'accepted') {
    store.getState().patchOffer(offerId, {
      phase: 'accepted',
      handoverToken: result.handoverToken,
      connectBy: result.connectBy,
    });
  } else if (result.kind === 'already-taken') {
    store.getState().patchOffer(offerId, { phase: 'already-taken' });
  } else {
    store.getState().removeOffer(offerId);
  }
}

export async function declineOffer(options: OfferActionsOptions, offerId: string): Promise<void> {
  const view = options.store.getState().offers[offerId];
  if (!view || view.phase !== 'ringing') return;
  // Gone at once: the portal offers the call to the next agent; a failed decline only delays it.
  options.store.getState().removeOffer(offerId);
  await options.client.hybrid.declineOffer(offerId);
}

export async function takeOverBotCall(
  options: OfferActionsOptions,
  callId: string,
): Promise<TakeOverOutcome> {
  const answer = await options.client.hybrid.takeOverBotCall(callId);
  if (!answer.ok) return 'failed';
  expectHandover(options, answer.value);
  return answer.value.kind;
}

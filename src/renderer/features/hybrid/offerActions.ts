/**
 * What the agent does with an offer or a bot call: accept ("Übernehmen"), decline
 * ("Ablehnen"), take a live bot call over. An accept hands the token to the softphone's
 * handover gate before anything else, so the INVITE that follows is answered by itself.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { ClaimResult } from '../../../shared/contract/services/hybridService';
import type { AcceptedHandover } from '../../../shared/domain/handoverMatch';
import type { Result } from '../../../shared/rpc/result';
import { E164Schema } from '../../../shared/portalWire/commonSchemas';
import type { HybridStore } from './hybridStore';

export interface OfferActionsOptions {
  readonly store: HybridStore;
  readonly client: Pick<AppClient, 'hybrid'>;
  readonly handover: { expect(handover: AcceptedHandover): void; accepting?(): () => void };
  readonly now?: () => number;
}

export type TakeOverOutcome = ClaimResult['kind'] | 'failed';

function expectHandover(options: OfferActionsOptions, result: ClaimResult): void {
  if (result.kind !== 'accepted') return;
  options.handover.expect({
    handoverToken: result.handoverToken,
    callId: result.callId,
    line: lineOf(options.store, result.callId),
    acceptedAt: (options.now ?? Date.now)(),
  });
}

/**
 * Sends a claim and hands a won token to the gate. The portal commands the bot in the same
 * moment it answers, so the handed-over INVITE can reach the softphone before this answer: the
 * gate holds such an INVITE until the claim settled here (token known, or the claim lost).
 */
async function claimWithGate(
  options: OfferActionsOptions,
  send: () => Promise<Result<ClaimResult>>,
): Promise<Result<ClaimResult>> {
  const settle = options.handover.accepting?.();
  try {
    const answer = await send();
    if (answer.ok) expectHandover(options, answer.value);
    return answer;
  } finally {
    settle?.();
  }
}

/** The client line of a bot call this desk knows from an offer or the board (E.164). */
function lineOf(store: HybridStore, callId: string): string | undefined {
  const state = store.getState();
  const offered = Object.values(state.offers).find((view) => view.offer.callId === callId);
  const line = offered?.offer.line ?? state.botCalls[callId]?.line;
  return line && E164Schema.safeParse(line).success ? line : undefined;
}

export async function acceptOffer(options: OfferActionsOptions, offerId: string): Promise<void> {
  const { store } = options;
  const view = store.getState().offers[offerId];
  if (!view || view.phase !== 'ringing') return;
  store.getState().patchOffer(offerId, { phase: 'accepting', problem: undefined });
  const answer = await claimWithGate(options, () => options.client.hybrid.acceptOffer(offerId));
  if (!answer.ok) {
    store.getState().patchOffer(offerId, { phase: 'ringing', problem: 'accept-failed' });
    return;
  }
  const result = answer.value;
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
  const answer = await claimWithGate(options, () => options.client.hybrid.takeOverBotCall(callId));
  return answer.ok ? answer.value.kind : 'failed';
}

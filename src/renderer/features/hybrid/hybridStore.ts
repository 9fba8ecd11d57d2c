/**
 * The hybrid reception as this desk sees it: escalation offers to this agent, the live bot calls
 * of the agent's clients with their transcripts, and which softphone legs are handed-over bot
 * calls. Fed by the host's events (`useHybridSync`) and the actions in `offerActions.ts`.
 *
 * An offer's phase:
 * ```
 * ringing ──Übernehmen──▶ accepting ──accepted──▶ accepted (token known, waiting for the INVITE)
 *    │                        ├──already-taken──▶ already-taken (until dismissed)
 *    │                        ├──gone──▶ (removed)
 *    │                        └──failed──▶ ringing (with a problem shown)
 *    ├──Ablehnen──▶ (removed)
 *    └──withdrawn by the portal──▶ (removed; "taken" → already-taken)
 * ```
 */
import type {
  BotCallChange,
  BotCallDetail,
  BotCallSummary,
  BotTranscriptSegment,
  CollectedField,
  Offer,
  OfferWithdrawn,
} from '../../../shared/contract/services/hybridService';
import { mergeBotSegments } from '../../../shared/domain/callTimeline';
import { createAppStore, type AppStore } from '../../app/state/appStore';

/** A bot call as the desk knows it: the portal's summary plus the collected fields. */
export interface BotCallView extends Omit<BotCallSummary, 'transcriptPeek'> {
  readonly collectedFields: readonly CollectedField[];
}

export type OfferPhase = 'ringing' | 'accepting' | 'accepted' | 'already-taken';

export interface OfferView {
  readonly offer: Offer;
  readonly phase: OfferPhase;
  /** Known once the portal confirmed the accept. */
  readonly handoverToken?: string;
  /** Accepted: the portal gives the call back to the queue if it is not connected by then. */
  readonly connectBy?: string;
  /** The last action failed (portal unreachable); the offer can be tried again. */
  readonly problem?: 'accept-failed' | 'decline-failed';
}

export interface HybridState {
  /** Offers by ID, in arrival order (`offerOrder`). */
  offers: Record<string, OfferView>;
  offerOrder: string[];
  /** Bot calls of the agent's clients, by the portal's call ID. */
  botCalls: Record<string, BotCallView>;
  /** Bot transcripts by call ID, merged and ordered. */
  transcripts: Record<string, BotTranscriptSegment[]>;
  /** Softphone leg ID → the bot call it took over. */
  legCalls: Record<string, string>;
  receiveOffer(offer: Offer): void;
  receiveOffers(offers: readonly Offer[]): void;
  withdrawOffer(withdrawn: Pick<OfferWithdrawn, 'offerId' | 'reason'>): void;
  patchOffer(offerId: string, patch: Partial<Omit<OfferView, 'offer'>>): void;
  removeOffer(offerId: string): void;
  receiveBotCallChange(change: BotCallChange): void;
  receiveBotCalls(calls: readonly BotCallSummary[]): void;
  receiveDetail(detail: BotCallDetail): void;
  receiveTranscript(callId: string, segments: readonly BotTranscriptSegment[]): void;
  linkLeg(legId: string, callId: string): void;
}

export type HybridStore = AppStore<HybridState>;

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

export function createHybridStore(): HybridStore {
  return createAppStore<HybridState>((set, get) => {
    /** Stores calls; an ended one is dropped unless a leg of this desk took it over. */
    const storeCalls = (calls: readonly BotCallView[]): void =>
      set((state) => {
        const linked = new Set(Object.values(state.legCalls));
        let { botCalls, transcripts } = state;
        for (const call of calls) {
          if (call.state === 'ended' && !linked.has(call.callId)) {
            botCalls = without(botCalls, call.callId);
            transcripts = without(transcripts, call.callId);
          } else botCalls = { ...botCalls, [call.callId]: call };
        }
        return { botCalls, transcripts };
      });
    return {
      offers: {},
      offerOrder: [],
      botCalls: {},
      transcripts: {},
      legCalls: {},
      receiveOffer: (offer) => {
        if (get().offers[offer.offerId]) return;
        set((state) => ({
          offers: { ...state.offers, [offer.offerId]: { offer, phase: 'ringing' } },
          offerOrder: [...state.offerOrder, offer.offerId],
        }));
      },
      receiveOffers: (offers) => offers.forEach((offer) => get().receiveOffer(offer)),
      withdrawOffer: ({ offerId, reason }) => {
        const view = get().offers[offerId];
        // Our own accept wins over the withdrawal that announces it to everyone else.
        if (!view || view.phase === 'accepted' || view.phase === 'accepting') return;
        if (reason === 'taken-by-other' && view.phase === 'ringing') {
          get().patchOffer(offerId, { phase: 'already-taken' });
          return;
        }
        get().removeOffer(offerId);
      },
      patchOffer: (offerId, patch) => {
        const view = get().offers[offerId];
        if (!view) return;
        set((state) => ({ offers: { ...state.offers, [offerId]: { ...view, ...patch } } }));
      },
      removeOffer: (offerId) =>
        set((state) => ({
          offers: without(state.offers, offerId),
          offerOrder: state.offerOrder.filter((id) => id !== offerId),
        })),
      receiveBotCallChange: (change) => {
        if (change.state === 'ended' || change.state === 'handed-over') {
          // Connected (here or elsewhere) or gone: an accepted offer card has done its job.
          for (const view of Object.values(get().offers)) {
            if (view.offer.callId === change.callId && view.phase === 'accepted') {
              get().removeOffer(view.offer.offerId);
            }
          }
        }
        const previous = get().botCalls[change.callId];
        const defined = Object.fromEntries(
          Object.entries(change).filter(([, value]) => value !== undefined),
        ) as Partial<BotCallView>;
        storeCalls([
          {
            callId: change.callId,
            clientId: change.clientId,
            line: change.line,
            startedAt: previous?.startedAt ?? change.at,
            endedAt: previous?.endedAt ?? null,
            disclosurePlayed: previous?.disclosurePlayed ?? false,
            escalation: previous?.escalation ?? null,
            acceptedBy: previous?.acceptedBy ?? null,
            collectedFields: previous?.collectedFields ?? [],
            ...defined,
            state: change.state,
            consentGiven: change.consentGiven,
          },
        ]);
      },
      receiveBotCalls: (calls) => {
        storeCalls(
          calls.map(({ transcriptPeek: _peek, ...summary }) => ({
            ...summary,
            collectedFields: get().botCalls[summary.callId]?.collectedFields ?? [],
          })),
        );
        for (const call of calls) get().receiveTranscript(call.callId, call.transcriptPeek);
      },
      receiveDetail: ({ transcript, transcriptPeek: _peek, ...call }) => {
        storeCalls([call]);
        get().receiveTranscript(call.callId, transcript);
      },
      receiveTranscript: (callId, segments) =>
        set((state) => ({
          transcripts: {
            ...state.transcripts,
            [callId]: mergeBotSegments(state.transcripts[callId] ?? [], segments),
          },
        })),
      linkLeg: (legId, callId) =>
        set((state) => ({ legCalls: { ...state.legCalls, [legId]: callId } })),
    };
  });
}

/** Offers in arrival order. */
export function offersInOrder(state: Pick<HybridState, 'offers' | 'offerOrder'>): OfferView[] {
  return state.offerOrder.map((id) => state.offers[id]).filter((view) => view !== undefined);
}

/** Whether any offer is ringing now (the ringer and the notification follow this). */
export function hasRingingOffer(state: Pick<HybridState, 'offers'>): boolean {
  return Object.values(state.offers).some((view) => view.phase === 'ringing');
}

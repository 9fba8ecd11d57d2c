/**
 * Renderer test support for the hybrid reception: the notes' portal fake plus the `hybrid`
 * contract service (offers, claims, bot calls) with events the test emits, and a softphone
 * stand-in whose only part is a real {@link HandoverGate}.
 */
import type { AppClient } from '../../../../shared/contract/appContract';
import type {
  BotCallDetail,
  BotCallSummary,
  ClaimResult,
  Offer,
} from '../../../../shared/contract/services/hybridService';
import type { ClientSummary } from '../../../../shared/contract/services/portalService';
import type { Result } from '../../../../shared/rpc/result';
import type { AppEnvironment } from '../../../app/AppEnvironment';
import { PortalClientFake } from '../../notes/testing/portalClientFake';
import { createCallStore } from '../../softphone/callStore';
import { HandoverGate } from '../../softphone/sip/handoverGate';
import { provideSoftphone } from '../../softphone/softphoneContext';
import type { SoftphoneEngine } from '../../softphone/softphoneEngine';

type Listener = (payload: unknown) => void;

export const CLIENTS: ClientSummary[] = [
  { id: 'kanzlei-brandt-okafor', name: 'Kanzlei Brandt & Okafor', lines: ['+493023125101'] },
];

export const HANDOVER_TOKEN = 'tok_4c1d9e7f2a5b8c30';

export function offerFixture(overrides: Partial<Offer> = {}): Offer {
  const offeredAt = new Date();
  return {
    offerId: '0b7e8f52-2f4c-4e0a-9d56-8a1c2b3d4e5f',
    callId: '6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
    clientId: 'kanzlei-brandt-okafor',
    line: '+493023125101',
    reason: 'judgement-required',
    urgency: 'high',
    summary: 'Frist im Mietstreit läuft Freitag ab; braucht eine Einschätzung.',
    collectedFields: [
      { field: 'name', value: 'Petra Lindner', confidence: 0.94 },
      { field: 'callbackNumber', value: '+49 151 2345678', confidence: 0.88 },
      { field: 'concern', value: 'Kündigung der Wohnung, Frist Freitag', confidence: 0.71 },
      { field: 'urgency', value: 'high', confidence: 0.5 },
    ],
    consentGiven: true,
    disclosurePlayed: true,
    transcript: [
      {
        segmentId: 'b1',
        speaker: 'bot',
        text: 'Hier ist der KI-Assistent der Kanzlei.',
        startMs: 0,
        endMs: 2_000,
        final: true,
      },
      {
        segmentId: 'c1',
        speaker: 'caller',
        text: 'Ich brauche eine rechtliche Einschätzung.',
        startMs: 2_500,
        endMs: 5_000,
        final: true,
      },
    ],
    offeredAt: offeredAt.toISOString(),
    expiresAt: new Date(offeredAt.getTime() + 15_000).toISOString(),
    ...overrides,
  };
}

export function detailOf(offer: Offer): BotCallDetail {
  return {
    callId: offer.callId,
    clientId: offer.clientId,
    line: offer.line,
    state: 'handed-over',
    startedAt: offer.offeredAt,
    endedAt: null,
    disclosurePlayed: offer.disclosurePlayed,
    consentGiven: offer.consentGiven,
    escalation: null,
    acceptedBy: 'user-1',
    transcriptPeek: offer.transcript.slice(-3),
    transcript: offer.transcript,
    collectedFields: offer.collectedFields,
  };
}

export class HybridDeskFake extends PortalClientFake {
  offers: Offer[] = [];
  botCalls: BotCallSummary[] = [];
  readonly details = new Map<string, BotCallDetail>();
  claimAnswer: ClaimResult | 'unreachable' = {
    kind: 'accepted',
    offerId: null,
    callId: '6f1f3c52-5b0e-4d43-9d6a-0c1b2a3d4e5f',
    handoverToken: HANDOVER_TOKEN,
    connectBy: new Date(Date.now() + 10_000).toISOString(),
  };
  readonly accepted: string[] = [];
  readonly declined: string[] = [];
  readonly takenOver: string[] = [];
  private readonly hybridListeners = new Map<string, Set<Listener>>();

  emitHybrid(event: string, payload: unknown): void {
    for (const listener of this.hybridListeners.get(event) ?? []) listener(payload);
  }

  private hybridListen(event: string) {
    return (listener: Listener) => {
      const set = this.hybridListeners.get(event) ?? new Set<Listener>();
      this.hybridListeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    };
  }

  override get client(): Pick<AppClient, 'portal' | 'vault' | 'hybrid'> {
    const base = super.client;
    const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
    const claim = (): Promise<Result<ClaimResult>> =>
      this.claimAnswer === 'unreachable'
        ? Promise.resolve({
            ok: false,
            error: { code: 'unavailable', message: 'The portal cannot be reached' },
          })
        : ok(this.claimAnswer);
    const hybrid = {
      listOffers: () => ok(this.offers),
      acceptOffer: (offerId: string) => {
        this.accepted.push(offerId);
        return claim();
      },
      declineOffer: (offerId: string) => {
        this.declined.push(offerId);
        return ok(null);
      },
      takeOverBotCall: (callId: string) => {
        this.takenOver.push(callId);
        return claim();
      },
      listBotCalls: () => ok(this.botCalls),
      botCallDetail: (callId: string) => {
        const detail = this.details.get(callId);
        return detail
          ? ok(detail)
          : Promise.resolve({ ok: false, error: { code: 'not-found', message: 'Not found' } });
      },
      onOfferCreated: this.hybridListen('onOfferCreated'),
      onOfferWithdrawn: this.hybridListen('onOfferWithdrawn'),
      onBotCallUpdated: this.hybridListen('onBotCallUpdated'),
      onBotCallTranscript: this.hybridListen('onBotCallTranscript'),
      onQueueUpdated: this.hybridListen('onQueueUpdated'),
    };
    return {
      ...base,
      portal: { ...base.portal, listClients: () => ok(CLIENTS) } as AppClient['portal'],
      hybrid: hybrid as unknown as AppClient['hybrid'],
    };
  }
}

/** Gives the environment a softphone whose handover gate is real and whose SIP is absent. */
export function provideHandoverGate(environment: AppEnvironment): HandoverGate {
  const handover = new HandoverGate();
  provideSoftphone(environment, {
    store: createCallStore(),
    engine: { handover } as unknown as SoftphoneEngine,
    started: Promise.resolve(),
  });
  return handover;
}

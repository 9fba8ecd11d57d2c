/**
 * The hybrid service (contract: `hybridService`): the desk's offers, the live bot calls of the
 * agent's clients and the takeover, over the portal connection the portal service keeps. The
 * portal's hybrid events are forwarded to every window without their envelope.
 *
 * Answers are validated against the portal's wire schemas; failures become ServiceErrors with
 * abstract messages (a portal message could echo personal data). Losing a claim is data.
 */
import { z } from 'zod';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { ClaimResult, hybridService } from '../../../shared/contract/services/hybridService';
import {
  BotCallDetailSchema,
  BotCallSummarySchema,
  OfferAcceptedSchema,
  OfferSchema,
} from '../../../shared/portalWire/hybridSchemas';
import type { PortalEvent } from '../../../shared/portalWire/eventSchemas';
import { ServiceError } from '../../../shared/rpc/result';
import type { PortalAuth } from '../portal/portalAuth';
import type { PortalResponse } from '../portal/portalHttpClient';
import { send, unexpected } from '../portal/portalApi';

type HybridDefinition = typeof hybridService;

export interface HybridServiceOptions {
  /** The current portal session (throws a ServiceError while there is none). */
  readonly auth: () => Promise<PortalAuth>;
  /** Subscribes to the portal's event stream. */
  readonly onPortalEvent: (listener: (event: PortalEvent) => void) => () => void;
}

export interface HybridServiceHost extends ServiceImplementation<HybridDefinition> {
  dispose(): void;
}

function parse<T>(schema: z.ZodType<T>, response: PortalResponse): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

const path = (...parts: string[]) => parts.map((part) => encodeURIComponent(part)).join('/');

/** Maps a claim answer (accept or take-over) onto the contract. */
function claimResult(response: PortalResponse, offerId: string | null): ClaimResult {
  if (response.status === 200 || response.status === 201) {
    return { kind: 'accepted', ...parse(OfferAcceptedSchema, response), offerId };
  }
  const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (response.status === 409 && code !== 'offer-gone') return { kind: 'already-taken' };
  if (response.status === 404 || response.status === 410 || response.status === 409) {
    return { kind: 'gone' };
  }
  throw unexpected(response);
}

export function createHybridService(options: HybridServiceOptions): HybridServiceHost {
  const events = new ServiceEvents<HybridDefinition>();
  const unsubscribe = options.onPortalEvent((event) => {
    switch (event.type) {
      case 'offer.created':
        events.emit('onOfferCreated', event.offer);
        break;
      case 'offer.withdrawn': {
        const { type: _type, ...withdrawn } = event;
        events.emit('onOfferWithdrawn', withdrawn);
        break;
      }
      case 'bot-call.updated': {
        const { type: _type, ...change } = event;
        events.emit('onBotCallUpdated', change);
        break;
      }
      case 'bot-call.transcript':
        events.emit('onBotCallTranscript', {
          callId: event.callId,
          clientId: event.clientId,
          segments: event.segments,
        });
        break;
      case 'queue.updated': {
        const { type: _type, ...snapshot } = event;
        events.emit('onQueueUpdated', snapshot);
        break;
      }
      default:
        break;
    }
  });

  const get = async (requestPath: string): Promise<PortalResponse> => {
    const response = await send(await options.auth(), { method: 'GET', path: requestPath });
    if (response.status !== 200) throw unexpected(response);
    return response;
  };
  const post = async (requestPath: string): Promise<PortalResponse> =>
    send(await options.auth(), { method: 'POST', path: requestPath });

  return {
    events,
    dispose: unsubscribe,
    methods: {
      listOffers: async () => parse(z.array(OfferSchema).max(20), await get('/offers')),
      acceptOffer: async (offerId) =>
        claimResult(await post(`/offers/${path(offerId)}/accept`), offerId),
      declineOffer: async (offerId) => {
        const response = await post(`/offers/${path(offerId)}/decline`);
        // Declining an offer that is already gone changes nothing the desk must know.
        if (![200, 204, 404, 409, 410].includes(response.status)) throw unexpected(response);
        return null;
      },
      takeOverBotCall: async (callId) =>
        claimResult(await post(`/bot-calls/${path(callId)}/take-over`), null),
      listBotCalls: async () =>
        parse(z.array(BotCallSummarySchema).max(500), await get('/bot-calls')),
      botCallDetail: async (callId) =>
        parse(BotCallDetailSchema, await get(`/bot-calls/${path(callId)}`)),
      reportHumanTranscript: async (callId, segments) => {
        const response = await send(await options.auth(), {
          method: 'PUT',
          path: `/calls/${path(callId)}/human-transcript`,
          body: { segments },
        });
        if (response.status !== 204) throw unexpected(response);
        return null;
      },
    },
  };
}

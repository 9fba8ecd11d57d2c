/**
 * The supervision service (contract: `supervisionService`) over the portal connection the
 * portal service keeps: the board, its actions, the live view of a call, whispers and review
 * notes. Answers are validated against the portal's wire schemas; failures become abstract
 * ServiceErrors (a portal message could echo personal data).
 */
import { z } from 'zod';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { ServiceEvents } from '../../../shared/contract/serviceEvents';
import type { supervisionService } from '../../../shared/contract/services/supervisionService';
import {
  ReviewNoteSchema,
  SupervisedCallSchema,
  SupervisionBoardSchema,
  WhisperSchema,
} from '../../../shared/portalWire/supervisionSchemas';
import type { PortalEvent } from '../../../shared/portalWire/eventSchemas';
import { ServiceError } from '../../../shared/rpc/result';
import type { PortalAuth } from '../portal/portalAuth';
import type { PortalRequest, PortalResponse } from '../portal/portalHttpClient';
import { send, unexpected } from '../portal/portalApi';

type SupervisionDefinition = typeof supervisionService;

export interface SupervisionServiceOptions {
  readonly auth: () => Promise<PortalAuth>;
  readonly onPortalEvent: (listener: (event: PortalEvent) => void) => () => void;
}

export interface SupervisionServiceHost extends ServiceImplementation<SupervisionDefinition> {
  dispose(): void;
}

function parse<T>(schema: z.ZodType<T>, response: PortalResponse): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

const segment = (part: string) => encodeURIComponent(part);

export function createSupervisionService(
  options: SupervisionServiceOptions,
): SupervisionServiceHost {
  const events = new ServiceEvents<SupervisionDefinition>();
  const unsubscribe = options.onPortalEvent((event) => {
    switch (event.type) {
      case 'presence.changed':
      case 'supervision.changed':
        events.emit('onBoardEvent', event);
        break;
      case 'bot-call.updated': {
        // The board needs the call's state, not what the caller said.
        const { collectedFields: _fields, ...change } = event;
        events.emit('onBoardEvent', change);
        break;
      }
      case 'whisper.received': {
        const { type: _type, ...notice } = event;
        events.emit('onWhisperReceived', notice);
        break;
      }
      default:
        break;
    }
  });
  const call = async (
    request: Omit<PortalRequest, 'accessToken'>,
    expected: number,
  ): Promise<PortalResponse> => {
    const response = await send(await options.auth(), request);
    if (response.status !== expected) throw unexpected(response);
    return response;
  };
  return {
    events,
    dispose: unsubscribe,
    methods: {
      board: async () =>
        parse(
          SupervisionBoardSchema,
          await call({ method: 'GET', path: '/supervision/board' }, 200),
        ),
      setNotReady: async (userId, reason) => {
        await call(
          {
            method: 'POST',
            path: `/supervision/agents/${segment(userId)}/not-ready`,
            body: { reason },
          },
          204,
        );
        return null;
      },
      logOut: async (userId) => {
        await call({ method: 'POST', path: `/supervision/agents/${segment(userId)}/logout` }, 204);
        return null;
      },
      acknowledge: async (clientId, alertKey) => {
        await call(
          {
            method: 'POST',
            path: '/supervision/alert-acknowledgements',
            body: { clientId, alertKey },
          },
          204,
        );
        return null;
      },
      callView: async (callId) =>
        parse(
          SupervisedCallSchema,
          await call({ method: 'GET', path: `/supervision/calls/${segment(callId)}` }, 200),
        ),
      whisper: async (callId, text) =>
        parse(
          WhisperSchema,
          await call(
            {
              method: 'POST',
              path: `/supervision/calls/${segment(callId)}/whispers`,
              body: { text },
            },
            201,
          ),
        ),
      addReviewNote: async (callId, text, segmentId) =>
        parse(
          ReviewNoteSchema,
          await call(
            {
              method: 'POST',
              path: `/supervision/calls/${segment(callId)}/review-notes`,
              body: segmentId ? { text, segmentId } : { text },
            },
            201,
          ),
        ),
      whispersFor: async (callId) =>
        parse(
          z.array(WhisperSchema).max(200),
          await call({ method: 'GET', path: `/calls/${segment(callId)}/whispers` }, 200),
        ),
    },
  };
}

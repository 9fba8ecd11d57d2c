/**
 * The bot API's event bodies and commands as the lab voicebot uses them, derived from the
 * binding schemas in `src/shared/portalWire/hybridSchemas.ts`: an event body is a `BotEvent`
 * without the wrapping fields `eventId`, `callId` and `at`, which are added when it is sent.
 */
import type {
  BotEvent,
  CollectedFieldName,
  EscalationReason,
  EscalationUrgency,
} from '../../src/shared/portalWire/hybridSchemas';

export type { BotCommand } from '../../src/shared/portalWire/hybridSchemas';
export type { CollectedFieldName as CollectedField, EscalationReason };
export type Urgency = EscalationUrgency;

type WithoutEnvelope<Event> = Event extends unknown
  ? Omit<Event, 'eventId' | 'callId' | 'at'>
  : never;

export type BotEventBody = WithoutEnvelope<BotEvent>;
export type HandoverFailure = Extract<BotEventBody, { type: 'handover-failed' }>['reason'];

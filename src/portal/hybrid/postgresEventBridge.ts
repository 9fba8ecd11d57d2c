/**
 * Events across portal processes on one PostgreSQL (docs/hybrid.md): every event published in
 * this process is sent with NOTIFY; every other process LISTENs and publishes it to its own
 * desks. What was said (transcript segments, collected fields) is not sent this way: PostgreSQL
 * may spill its notification queue to disk, and RAM-only clients' content must never reach a
 * disk. Desks of another process see the state change and read the content with
 * `GET /bot-calls/{callId}` (from the process that holds RAM-only content).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EventHub } from '../events/eventHub';
import { PortalEventSchema, type PortalEvent } from '../../shared/portalWire/eventSchemas';

const CHANNEL = 'empfang_events';
/** NOTIFY payloads must stay below 8000 bytes. */
const MAXIMUM_PAYLOAD_BYTES = 7_900;

/** Drops what was said; keeps IDs and state. Undefined: not sent at all. */
function withoutContent(event: PortalEvent): PortalEvent | undefined {
  if (event.type === 'bot-call.transcript') return undefined;
  if (event.type === 'bot-call.updated') return { ...event, collectedFields: [] };
  if (event.type === 'offer.created')
    return {
      ...event,
      offer: { ...event.offer, transcript: [], collectedFields: [], summary: '' },
    };
  return event;
}

export interface EventBridge {
  close(): Promise<void>;
}

export async function bridgeEventsOverPostgres(
  location: string,
  events: EventHub,
): Promise<EventBridge> {
  const origin = randomUUID();
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  const received = new WeakSet<PortalEvent>();
  let sending: Promise<unknown> = Promise.resolve();
  client.on('notification', (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    try {
      const envelope = JSON.parse(message.payload) as { origin: string; event: unknown };
      if (envelope.origin === origin) return;
      const event = PortalEventSchema.parse(envelope.event);
      received.add(event);
      events.publish(event);
    } catch {
      // A malformed notification is dropped; desks reload state on their next request.
    }
  });
  client.on('error', () => undefined);
  await client.query(`LISTEN ${CHANNEL}`);
  const unsubscribe = events.subscribe((event) => {
    if (received.has(event)) return;
    const shared = withoutContent(event);
    if (!shared) return;
    const payload = JSON.stringify({ origin, event: shared });
    if (Buffer.byteLength(payload) > MAXIMUM_PAYLOAD_BYTES) return;
    // One connection, one query at a time: notifications keep their order.
    sending = sending
      .then(() => client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]))
      .catch(() => undefined);
  });
  return {
    async close() {
      unsubscribe();
      await sending;
      await client.end().catch(() => undefined);
    },
  };
}

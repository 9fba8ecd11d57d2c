/**
 * A desk's view of the `/events` socket for tests: connects, authenticates with an access token
 * and collects the events it receives. `flush()` is a ping/pong on the same socket, so every
 * event the portal sent before it has arrived when it resolves (no sleeps).
 */
import WebSocket from 'ws';
import { PortalEventSchema, type PortalEvent } from '../../shared/portalWire/eventSchemas';

export interface EventListener {
  readonly events: PortalEvent[];
  readonly socket: WebSocket;
  /** Resolves with the close code once the portal closes the socket. */
  readonly closed: Promise<number>;
  /** Resolves once every event sent before now has arrived (ping/pong on the same socket). */
  flush(): Promise<void>;
}

/** Opens `/events` on a portal base URL (`http://…`), authenticates and starts collecting. */
export async function listenToEvents(baseUrl: string, accessToken: string): Promise<EventListener> {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/events`);
  const events: PortalEvent[] = [];
  const pongs: Array<() => void> = [];
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  const authenticated = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'authenticated') resolve();
      else if (message.type === 'pong') pongs.shift()?.();
      else if (message.type === 'error') reject(new Error('refused'));
      else events.push(PortalEventSchema.parse(message));
    });
    void closed.then(() => reject(new Error('closed before authentication')));
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'authenticate', accessToken }));
  await authenticated;
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      if (socket.readyState !== WebSocket.OPEN) return reject(new Error('socket is closed'));
      pongs.push(resolve);
      socket.send(JSON.stringify({ type: 'ping' }));
    });
  return { events, socket, closed, flush };
}

/**
 * The close code if the portal closed (or is closing) the socket, `open` if it still answers a
 * ping: a test of "closed at once" that fails instead of waiting for a timeout.
 */
export function closeCodeOrOpen(listener: EventListener): Promise<number | 'open'> {
  return Promise.race([
    listener.closed,
    listener.flush().then(
      () => 'open' as const,
      () => listener.closed,
    ),
  ]);
}

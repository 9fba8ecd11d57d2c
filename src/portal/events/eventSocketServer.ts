/**
 * The `/events` WebSocket. A desktop connects, then MUST send
 * `{ "type": "authenticate", "accessToken": "…" }` within 5 seconds (the token goes in a message,
 * not the URL, so it never lands in access logs). It then receives every event it may see:
 * events of its clients, global bot switches, and presence if it is a supervisor, shift lead or
 * admin. Before the access token expires the desk sends a fresh one the same way; otherwise the
 * socket closes with 4001.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { readAccessToken } from '../auth/accessTokens';
import { canAccessClient, type AuthenticatedUser } from '../auth/authenticatedUser';
import { authenticate } from '../auth/sessionService';
import type { PortalContext } from '../portalContext';
import { EventClientMessageSchema, type PortalEvent } from '../../shared/portalWire/eventSchemas';

export const EVENTS_PATH = '/events';
const AUTHENTICATION_TIMEOUT_MILLISECONDS = 5_000;
const HEARTBEAT_MILLISECONDS = 30_000;
const MAXIMUM_BUFFERED_BYTES = 1_000_000;
export const CLOSE_UNAUTHORIZED = 4001;

/** Whether this user may receive this event. */
export function mayReceive(user: AuthenticatedUser, event: PortalEvent): boolean {
  if (event.type === 'presence.changed') return user.role !== 'agent' || event.userId === user.id;
  // Offers ring at exactly one desk (docs/hybrid.md).
  if (event.type === 'offer.created' || event.type === 'offer.withdrawn')
    return event.agentUserId === user.id;
  if (event.type === 'bot-switch.changed' && event.clientId === null) return true;
  return 'clientId' in event && event.clientId !== null && canAccessClient(user, event.clientId);
}

function send(socket: WebSocket, message: unknown): void {
  if (socket.bufferedAmount > MAXIMUM_BUFFERED_BYTES) {
    // A desk that cannot keep up reconnects and reloads state rather than exhausting memory.
    socket.close(1013, 'too slow');
    return;
  }
  socket.send(JSON.stringify(message));
}

function serveConnection(context: PortalContext, socket: WebSocket): void {
  let user: AuthenticatedUser | undefined;
  let alive = true;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const authenticationTimer = setTimeout(
    () => socket.close(CLOSE_UNAUTHORIZED, 'authentication timeout'),
    AUTHENTICATION_TIMEOUT_MILLISECONDS,
  );
  const unsubscribe = context.events.subscribe((event) => {
    if (user && mayReceive(user, event)) send(socket, event);
  });
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MILLISECONDS);
  socket.on('pong', () => (alive = true));
  socket.on('close', () => {
    clearTimeout(authenticationTimer);
    clearTimeout(expiryTimer);
    clearInterval(heartbeat);
    unsubscribe();
    if (user) void context.agentConnections.closed(context, user.id).catch(() => undefined);
  });
  socket.on('message', async (data, isBinary) => {
    let parsed;
    try {
      parsed = isBinary ? undefined : EventClientMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return send(socket, { type: 'error', code: 'invalid-message' });
    const message = parsed.data;
    if (message.type === 'ping') return send(socket, { type: 'pong' });
    const authenticated = await authenticate(context, message.accessToken);
    const payload = readAccessToken(context.tokenSecret, message.accessToken, context.now());
    if (!authenticated || !payload) {
      send(socket, { type: 'error', code: 'unauthorized' });
      return socket.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    }
    if (!user) context.agentConnections.opened(authenticated.id);
    user = authenticated;
    clearTimeout(authenticationTimer);
    clearTimeout(expiryTimer);
    expiryTimer = setTimeout(
      () => socket.close(CLOSE_UNAUTHORIZED, 'token expired'),
      Math.max(0, payload.expiresAt - context.now()),
    );
    send(socket, {
      type: 'authenticated',
      userId: user.id,
      expiresAt: new Date(payload.expiresAt).toISOString(),
    });
  });
}

/** Attaches the event socket to the portal's HTTP server; returns a closer. */
export function attachEventSocket(context: PortalContext, server: Server): () => Promise<void> {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 });
  const onUpgrade = (request: IncomingMessage, stream: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== EVENTS_PATH) {
      stream.destroy();
      return;
    }
    sockets.handleUpgrade(request, stream, head, (socket) => serveConnection(context, socket));
  };
  server.on('upgrade', onUpgrade);
  return async () => {
    server.off('upgrade', onUpgrade);
    for (const client of sockets.clients) client.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  };
}

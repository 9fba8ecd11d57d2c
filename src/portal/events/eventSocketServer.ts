/**
 * The `/events` WebSocket. A desktop connects, then MUST send
 * `{ "type": "authenticate", "accessToken": "…" }` within 5 seconds (the token goes in a message,
 * not the URL, so it never lands in access logs). It then receives every event it may see:
 * events of its clients, global bot switches, and presence if it is a supervisor, shift lead or
 * admin. Before the access token expires the desk sends a fresh one the same way; otherwise the
 * socket closes with 4001.
 *
 * Each event reaches exactly the audience its publisher declared (`EventHub.publish`). A logout
 * or revocation closes the session's sockets with 4001; a role or client change closes the
 * user's sockets with 4003 so the desk reconnects with its new scope.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { readAccessToken } from '../auth/accessTokens';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import { authenticate } from '../auth/sessionService';
import type { PortalContext } from '../portalContext';
import { EventClientMessageSchema } from '../../shared/portalWire/eventSchemas';
import { isInAudience, type SocketEndReason, type SocketTarget } from './eventHub';

export const EVENTS_PATH = '/events';
const AUTHENTICATION_TIMEOUT_MILLISECONDS = 5_000;
const HEARTBEAT_MILLISECONDS = 30_000;
const MAXIMUM_BUFFERED_BYTES = 1_000_000;
export const CLOSE_UNAUTHORIZED = 4001;
/** The user's role or clients changed: reconnect and authenticate again for the new scope. */
export const CLOSE_SCOPE_CHANGED = 4003;
/** Largest message a desk may send (it only sends `authenticate` and `ping`). */
export const MAXIMUM_EVENT_MESSAGE_BYTES = 8 * 1024;

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
  const unsubscribe = context.events.subscribe((event, audience) => {
    if (user && isInAudience(user, audience)) send(socket, event);
  });
  const matches = (target: SocketTarget): boolean =>
    user !== undefined &&
    ('sessionId' in target ? target.sessionId === user.sessionId : target.userId === user.id);
  const unsubscribeEnds = context.events.onEndSockets((target, reason: SocketEndReason) => {
    if (!matches(target)) return;
    // Stop events at once: nothing more is sent while the close handshake runs.
    user = undefined;
    if (reason === 'revoked') socket.close(CLOSE_UNAUTHORIZED, 'session ended');
    else socket.close(CLOSE_SCOPE_CHANGED, 'scope changed');
  });
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, HEARTBEAT_MILLISECONDS);
  // A malformed frame (bad opcode, length, mask or UTF-8) makes `ws` emit `error`; without a
  // listener Node would exit. It ends this connection only.
  socket.on('error', () => socket.terminate());
  socket.on('pong', () => (alive = true));
  socket.on('close', () => {
    clearTimeout(authenticationTimer);
    clearTimeout(expiryTimer);
    clearInterval(heartbeat);
    unsubscribe();
    unsubscribeEnds();
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
    let authenticated: AuthenticatedUser | undefined;
    let endCount: number;
    do {
      // A revocation or scope change committed while this read ran: read again.
      endCount = context.events.socketEndCount;
      authenticated = await authenticate(context, message.accessToken);
    } while (authenticated && endCount !== context.events.socketEndCount);
    const payload = readAccessToken(context.tokenSecret, message.accessToken, context.now());
    if (socket.readyState !== socket.OPEN) return;
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
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAXIMUM_EVENT_MESSAGE_BYTES });
  const onUpgrade = (request: IncomingMessage, stream: Duplex, head: Buffer): void => {
    // Node's HTTP server stops watching the raw socket once it is handed to `upgrade`: a reset
    // during the handshake would otherwise be an unhandled `error`.
    stream.on('error', () => stream.destroy());
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

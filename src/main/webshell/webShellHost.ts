/**
 * The web shell host: serves the built renderer and the same host services over a WebSocket on
 * 127.0.0.1, so the desk runs in a plain browser (tests, thin clients) exactly as in Electron.
 *
 * Security: a random per-start token is required for the RPC socket (query parameter) and the
 * session check (bearer header); the socket also requires the host's own Origin, so another web
 * page in the same browser cannot drive the services. Every payload is validated by the RPC
 * server; a bad frame gets a validation error and the host keeps running.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { APP_CONTRACT, type AppServices } from '../../shared/contract/appContract';
import {
  WEB_SHELL_RPC_PATH,
  WEB_SHELL_SESSION_PATH,
  WEB_SHELL_TOKEN_PARAMETER,
} from '../../shared/contract/channels';
import { MAXIMUM_FRAME_BYTES } from '../../shared/rpc/messageCodec';
import { serveContract } from '../../shared/rpc/rpcServer';
import { buildContentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { readStaticFile } from './staticFiles';
import { createWebSocketProtocol } from './webSocketProtocol';

export interface WebShellHostOptions {
  services: AppServices;
  /** The built renderer (electron-vite's `out/renderer`). */
  rendererDirectory: string;
  port?: number;
  /** Origins the page may connect to besides itself (SIP server, portal); read per request. */
  connectOrigins?: () => string[];
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  onRejected?: (reason: string) => void;
}

export interface WebShellHost {
  /** The page URL including the token in the fragment (never sent to a server). */
  url: string;
  origin: string;
  token: string;
  connectionCount(): number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startWebShellHost(options: WebShellHostOptions): Promise<WebShellHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const expected = Buffer.from(token);
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  let origin = '';

  const server = createServer((request, response) => {
    void handleHttp(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', origin).pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === WEB_SHELL_SESSION_PATH) {
      const header = request.headers.authorization ?? '';
      const valid = header.startsWith('Bearer ') && tokenMatches(header.slice('Bearer '.length));
      response.writeHead(valid ? 204 : 401, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    const file = await readStaticFile(options.rendererDirectory, path);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const rpcOrigin = origin.replace(/^http/, 'ws');
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': buildContentSecurityPolicy([
        rpcOrigin,
        ...(options.connectOrigins?.() ?? []),
      ]),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAXIMUM_FRAME_BYTES });
  server.on('upgrade', (request, socket, head) => {
    // Node's HTTP server stops watching the raw socket once it is handed to `upgrade`: a reset
    // during the handshake would otherwise be an unhandled `error` and end the host.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', origin);
    const refuse = (status: number, reason: string): void => {
      options.onRejected?.(reason);
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== WEB_SHELL_RPC_PATH) return refuse(404, 'Not Found');
    if (request.headers.origin !== origin) return refuse(403, 'Forbidden');
    if (!tokenMatches(url.searchParams.get(WEB_SHELL_TOKEN_PARAMETER))) {
      return refuse(401, 'Unauthorized');
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      // A malformed frame (bad opcode, length, mask or UTF-8) makes `ws` emit `error`; without
      // a listener Node would exit. It ends this connection only.
      webSocket.on('error', () => webSocket.terminate());
      serveContract(APP_CONTRACT, options.services, createWebSocketProtocol(webSocket), {
        onRejected: options.onRejected,
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/#${WEB_SHELL_TOKEN_PARAMETER}=${token}`,
    origin,
    token,
    connectionCount: () => sockets.clients.size,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

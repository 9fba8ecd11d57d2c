/**
 * An HTTP proxy that fails a share of requests, for the "notes arrive exactly once" test:
 * - before the portal: half of these answer 503 (Retry-After: 0), half drop the connection;
 * - after the portal: the request is forwarded, the portal commits and answers, and the proxy
 *   drops the connection instead of passing the answer on ("committed, then response lost").
 * Everything else is forwarded unchanged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seededRandom';

export interface FaultInjectingProxyOptions {
  /** Base URL of the portal, e.g. http://127.0.0.1:1234. */
  readonly target: string;
  /** Share of requests that fail (0..1). */
  readonly failureRate: number;
  /** Share of failures that happen after the portal answered (0..1). */
  readonly afterCommitShare: number;
  readonly seed?: number;
}

export interface FaultCounts {
  requests: number;
  forwarded: number;
  refusedWith503: number;
  droppedBeforePortal: number;
  droppedAfterPortal: number;
}

export interface RunningFaultInjectingProxy {
  readonly url: string;
  readonly counts: FaultCounts;
  close(): Promise<void>;
}

export async function startFaultInjectingProxy(
  options: FaultInjectingProxyOptions,
): Promise<RunningFaultInjectingProxy> {
  const random = seededRandom(options.seed ?? 20_250_331);
  const target = new URL(options.target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const counts: FaultCounts = {
    requests: 0,
    forwarded: 0,
    refusedWith503: 0,
    droppedBeforePortal: 0,
    droppedAfterPortal: 0,
  };

  const forward = (
    request: http.IncomingMessage,
    onAnswer: (upstream: http.IncomingMessage, body: Buffer) => void,
    onError: () => void,
  ) => {
    counts.forwarded += 1;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => onAnswer(response, Buffer.concat(chunks)));
        response.on('error', onError);
      },
    );
    upstream.on('error', onError);
    request.pipe(upstream);
  };

  const server = http.createServer((request, response) => {
    counts.requests += 1;
    const roll = random();
    const failBefore = options.failureRate * (1 - options.afterCommitShare);
    const drop = () => request.socket.destroy();
    if (roll < failBefore) {
      request.resume();
      if (roll < failBefore / 2) {
        counts.refusedWith503 += 1;
        response.writeHead(503, {
          'retry-after': '0',
          'content-type': 'application/json',
          connection: 'close',
        });
        response.end('{"error":{"code":"unavailable","message":"Injected fault"}}');
      } else {
        counts.droppedBeforePortal += 1;
        drop();
      }
      return;
    }
    const afterCommit = roll < options.failureRate;
    forward(
      request,
      (upstream, body) => {
        if (afterCommit) {
          counts.droppedAfterPortal += 1;
          drop();
          return;
        }
        const headers = { ...upstream.headers };
        delete headers['transfer-encoding'];
        response.writeHead(upstream.statusCode ?? 502, {
          ...headers,
          'content-length': String(body.length),
        });
        response.end(body);
      },
      () => drop(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/**
 * A local HTTP SMS gateway implementing the interface in src/portal/README.md, for tests: it
 * records every request and answers from a script (default 202 Accepted).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: { messageId: string; to: string; text: string; segments: number };
  /** Epoch milliseconds of arrival. */
  readonly receivedAt: number;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

export interface LocalSmsGateway {
  readonly url: string;
  readonly requests: GatewayRequest[];
  /** Answers for the next requests, in order. */
  readonly script: ScriptedAnswer[];
  close(): Promise<void>;
}

export async function startLocalSmsGateway(): Promise<LocalSmsGateway> {
  const requests: GatewayRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        receivedAt: Date.now(),
      });
      const answer = script.shift() ?? { status: 202 };
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    script,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The voicebot's "ear" in the demo: a Deepgram protocol endpoint that hands each new connection
 * (one per bot call) to its own `startDeepgramServerFake` scripted with the words of the call
 * placed next. The bot cannot understand espeak German (no offline German speech recognition
 * here), so the caller generator tells the ear what each caller says; the audio still flows over
 * SIP/RTP and drives the fake's clock.
 *
 * Matching is first come, first served: the n-th call the generator places is the n-th
 * connection the bot opens. The generator places one call at a time, seconds apart, so the
 * order holds; a call that never reaches the bot leaves its script unused until `expire`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import {
  startDeepgramServerFake,
  type DeepgramServerFake,
  type ScriptedUtterance,
} from '../providers/deepgramServerFake';
import type { HeardUtterance } from './callerConcerns';

export interface CallerEar {
  /** For the bot's `EMPFANG_BOT_DEEPGRAM_URL`. */
  readonly baseUrl: string;
  /** The words the next bot connection will hear. */
  expect(utterances: readonly HeardUtterance[]): void;
  /** Bot connections served so far (each with its own script). */
  readonly served: () => number;
  close(): Promise<void>;
}

export async function startCallerEar(): Promise<CallerEar> {
  const waiting: ScriptedUtterance[][] = [];
  const fakes = new Set<DeepgramServerFake>();
  const sockets = new Set<WebSocket>();
  let served = 0;

  const httpServer = createServer((_request, response) => response.writeHead(404).end());
  const webSocketServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request: IncomingMessage, socket, head) => {
    webSocketServer.handleUpgrade(request, socket, head, (inner) => {
      void relay(inner, request).catch(() => inner.close(1011));
    });
  });

  async function relay(inner: WebSocket, request: IncomingMessage): Promise<void> {
    sockets.add(inner);
    served += 1;
    // No script left (a call of someone else, a reconnect): the caller says nothing.
    const fake = await startDeepgramServerFake({
      script: waiting.shift() ?? [],
    });
    fakes.add(fake);
    const outer = new WebSocket(`${fake.baseUrl}${request.url ?? '/v1/listen'}`, {
      headers: request.headers.authorization
        ? { authorization: request.headers.authorization }
        : {},
    });
    const held: { data: WebSocket.RawData; binary: boolean }[] = [];
    inner.on('message', (data, binary) => {
      if (outer.readyState === WebSocket.OPEN) outer.send(data, { binary });
      else held.push({ data, binary });
    });
    outer.on('open', () => {
      for (const { data, binary } of held.splice(0)) outer.send(data, { binary });
    });
    outer.on('message', (data, binary) => {
      if (inner.readyState === WebSocket.OPEN) inner.send(data, { binary });
    });
    const finish = (): void => {
      sockets.delete(inner);
      if (inner.readyState === WebSocket.OPEN) inner.close(1000);
      if (outer.readyState === WebSocket.OPEN) outer.close(1000);
      fakes.delete(fake);
      void fake.close();
    };
    outer.on('close', finish);
    outer.on('error', finish);
    inner.on('close', finish);
    inner.on('error', finish);
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    baseUrl: `ws://127.0.0.1:${port}`,
    expect: (utterances) =>
      void waiting.push(utterances.map((utterance) => ({ ...utterance, channel: 0 }))),
    served: () => served,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await Promise.all([...fakes].map((fake) => fake.close()));
      webSocketServer.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

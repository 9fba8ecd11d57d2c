/**
 * A tiny stand-in for the portal's bot API, for the voicebot's own tests only: records every
 * event (answering 202, or a scripted failure status first, to exercise retries) and hands out
 * commands the test queues. It validates events against the binding schemas, so a bot that
 * sends a wrong shape fails its tests here already.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BotEventSchema,
  type BotCommand,
  type BotEvent,
} from '../../src/shared/portalWire/hybridSchemas';

export interface BotApiStub {
  readonly baseUrl: string;
  readonly token: string;
  /** Accepted events in arrival order (a retried event appears once per attempt). */
  readonly events: BotEvent[];
  /** The eventId of every POST, failed ones included, in arrival order. */
  readonly attempts: string[];
  /** Events the stub refused as invalid (schema), with the reason. */
  readonly invalid: string[];
  /** Answer the next `count` POSTs with `status` (e.g. 503) before accepting again. */
  failNext(count: number, status: number): void;
  command(callId: string, command: BotCommand): void;
  /** Resolves with the first event of `type` (for `callId`, if given) once it has arrived. */
  waitForEvent<Type extends BotEvent['type']>(
    type: Type,
    callId?: string,
    timeoutMilliseconds?: number,
  ): Promise<Extract<BotEvent, { type: Type }>>;
  close(): Promise<void>;
}

export async function startBotApiStub(token = 'stub-bot-token'): Promise<BotApiStub> {
  const events: BotEvent[] = [];
  const invalid: string[] = [];
  const attempts: string[] = [];
  const commands = new Map<string, BotCommand[]>();
  const pollers = new Map<string, ServerResponse>();
  const watchers = new Set<() => void>();
  let failures = { count: 0, status: 503 };

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => resolve(body));
    });

  const server = createServer((request, response) => {
    void (async () => {
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(401).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://stub');
      if (request.method === 'POST' && url.pathname === '/bot/v1/events') {
        const body = await readBody(request);
        attempts.push(String((JSON.parse(body) as { eventId?: unknown }).eventId));
        if (failures.count > 0) {
          failures = { ...failures, count: failures.count - 1 };
          response.writeHead(failures.status).end();
          return;
        }
        const parsed = BotEventSchema.safeParse(JSON.parse(body));
        if (!parsed.success) {
          invalid.push(parsed.error.message);
          response.writeHead(400).end();
          return;
        }
        events.push(parsed.data);
        for (const watcher of watchers) watcher();
        response.writeHead(202, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ eventId: parsed.data.eventId, status: 'applied' }));
        return;
      }
      const poll = /^\/bot\/v1\/calls\/([^/]+)\/commands$/.exec(url.pathname);
      if (request.method === 'GET' && poll) {
        const callId = decodeURIComponent(poll[1]!);
        const next = commands.get(callId)?.shift();
        if (next) {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(next));
          return;
        }
        pollers.set(callId, response);
        const timer = setTimeout(() => {
          pollers.delete(callId);
          response.writeHead(204).end();
        }, 2000);
        response.on('close', () => clearTimeout(timer));
        return;
      }
      response.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    events,
    attempts,
    invalid,
    failNext(count, status) {
      failures = { count, status };
    },
    command(callId, command) {
      const waiting = pollers.get(callId);
      if (waiting && !waiting.writableEnded) {
        pollers.delete(callId);
        waiting.writeHead(200, { 'content-type': 'application/json' });
        waiting.end(JSON.stringify(command));
        return;
      }
      commands.set(callId, [...(commands.get(callId) ?? []), command]);
    },
    waitForEvent(type, callId, timeoutMilliseconds = 30_000) {
      type Wanted = Extract<BotEvent, { type: typeof type }>;
      const find = () =>
        events.find(
          (event): event is Wanted =>
            event.type === type && (callId === undefined || event.callId === callId),
        );
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) {
          resolve(found);
          return;
        }
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`no ${type} event within ${timeoutMilliseconds} ms`));
        }, timeoutMilliseconds);
        const check = () => {
          const event = find();
          if (!event) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve(event);
        };
        watchers.add(check);
      });
    },
    close: async () => {
      for (const response of pollers.values()) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

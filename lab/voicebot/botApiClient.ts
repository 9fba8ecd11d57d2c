/**
 * The lab voicebot's side of the portal's bot API (docs/hybrid.md): events are POSTed one at a
 * time per call, in order, each with its own UUID `eventId`; a failure (network, 5xx, 429) is
 * retried with the same `eventId` and body after a full-jitter backoff, so the portal's
 * idempotency turns retries into exactly one event. A 4xx other than 429 is final. Commands are
 * fetched by long poll. Nothing here logs event contents (they hold caller data).
 */
import { randomUUID } from 'node:crypto';
import { fullJitterDelay, parseRetryAfter } from '../../src/shared/sync/backoff';
import { BotCommandSchema } from '../../src/shared/portalWire/hybridSchemas';
import type { BotCommand, BotEventBody } from './botEvents';

const BACKOFF = { baseMilliseconds: 200, capMilliseconds: 5000 };
const MAXIMUM_ATTEMPTS = 10;
const LONG_POLL_SECONDS = 25;

export interface BotApiOptions {
  /** Portal base URL, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  readonly token: string;
  readonly log?: (line: string) => void;
  readonly random?: () => number;
}

export type SendOutcome = { ok: true; status: number } | { ok: false; status: number | 'network' };

export class BotApiClient {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: BotApiOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** Queues an event for the call; resolves once the portal accepted it (or gave up). */
  report(callId: string, body: BotEventBody): Promise<SendOutcome> {
    const event = { eventId: randomUUID(), callId, at: new Date().toISOString(), ...body };
    const previous = this.chains.get(callId) ?? Promise.resolve();
    const sent = previous.then(() => this.send(event));
    this.chains.set(
      callId,
      sent.catch(() => undefined),
    );
    return sent;
  }

  /** Waits until every event queued for the call so far was sent. */
  async drain(callId: string): Promise<void> {
    await this.chains.get(callId);
    this.chains.delete(callId);
  }

  /** The next command for the call, or undefined after an empty long poll (204) or an error. */
  async nextCommand(callId: string, signal: AbortSignal): Promise<BotCommand | undefined> {
    const url = `${this.options.baseUrl}/bot/v1/calls/${encodeURIComponent(callId)}/commands?wait=${LONG_POLL_SECONDS}`;
    const response = await fetch(url, { headers: this.headers(), signal });
    if (response.status === 204) return undefined;
    if (!response.ok) {
      this.log(`bot-api: commands answered ${response.status}`);
      throw new Error(`commands ${response.status}`);
    }
    return BotCommandSchema.parse(await response.json());
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' };
  }

  private async send(event: { eventId: string; type: string }): Promise<SendOutcome> {
    const body = JSON.stringify(event);
    let last: SendOutcome = { ok: false, status: 'network' };
    for (let attempt = 0; attempt < MAXIMUM_ATTEMPTS; attempt += 1) {
      let retryAfter: number | undefined;
      try {
        const response = await fetch(`${this.options.baseUrl}/bot/v1/events`, {
          method: 'POST',
          headers: this.headers(),
          body,
        });
        await response.arrayBuffer();
        if (response.ok) return { ok: true, status: response.status };
        last = { ok: false, status: response.status };
        if (response.status < 500 && response.status !== 429) {
          this.log(`bot-api: event ${event.type} refused with ${response.status}`);
          return last;
        }
        retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      } catch {
        last = { ok: false, status: 'network' };
      }
      const wait = fullJitterDelay(
        BACKOFF,
        attempt,
        this.options.random ?? Math.random,
        retryAfter,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.log(`bot-api: event ${event.type} given up after ${MAXIMUM_ATTEMPTS} attempts`);
    return last;
  }
}

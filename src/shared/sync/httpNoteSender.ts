/**
 * An {@link OutboxSender} for the portal's `POST /notes`, usable wherever `fetch` exists (the
 * main process, the web shell, tests). It classifies every outcome for the outbox:
 * - 200/201 → accepted (200 = the portal already had this key: the first response was lost);
 * - network error, 401 → retry, not counted (offline or token being refreshed);
 * - 408, 425, 429, 5xx, or a 2xx without a readable note → retry, counted, honouring Retry-After;
 * - any other 4xx (validation, forbidden, unknown client, key conflict) → rejected (dead letter).
 */
import { parseRetryAfter } from './backoff';
import type { OutboxSender, SendResult } from './outboxTypes';

/** The part of `fetch` the sender uses, so it runs in any runtime and in tests. */
export type FetchFunction = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface HttpNoteSenderOptions {
  /** Portal base URL without a trailing slash. */
  readonly baseUrl: string;
  readonly fetch: FetchFunction;
  /** Current access token; the host refreshes it (e.g. after `onUnauthorized`). */
  getAccessToken(): string | undefined | Promise<string | undefined>;
  /** Called on 401 so the host can refresh the token before the retry. */
  onUnauthorized?(): void;
  readonly now?: () => number;
}

const RETRYABLE_STATUSES = new Set([408, 425, 429]);

export function createHttpNoteSender<Payload>(
  options: HttpNoteSenderOptions,
): OutboxSender<Payload> {
  const now = options.now ?? Date.now;
  return {
    async send({ idempotencyKey, payload }): Promise<SendResult> {
      const token = await options.getAccessToken();
      if (!token) return { kind: 'retry', code: 'not-logged-in', countsTowardLimit: false };
      let response: Awaited<ReturnType<FetchFunction>>;
      let text: string;
      try {
        response = await options.fetch(`${options.baseUrl}/notes`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(payload),
        });
        text = await response.text();
      } catch {
        return { kind: 'retry', code: 'network', countsTowardLimit: false };
      }
      const httpStatus = response.status;
      if (httpStatus === 200 || httpStatus === 201) {
        try {
          const note = JSON.parse(text) as { id?: unknown; status?: unknown };
          if (typeof note.id === 'string') {
            return typeof note.status === 'string'
              ? { kind: 'accepted', remoteId: note.id, remoteStatus: note.status }
              : { kind: 'accepted', remoteId: note.id };
          }
        } catch {
          // Falls through: a truncated answer is retried, and the retry gets the stored note.
        }
        return { kind: 'retry', code: 'bad-response', httpStatus, countsTowardLimit: true };
      }
      if (httpStatus === 401) {
        options.onUnauthorized?.();
        return { kind: 'retry', code: 'unauthorized', httpStatus, countsTowardLimit: false };
      }
      if (RETRYABLE_STATUSES.has(httpStatus) || httpStatus >= 500) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now());
        return {
          kind: 'retry',
          code: `http-${httpStatus}`,
          httpStatus,
          countsTowardLimit: true,
          ...(retryAfter === undefined ? {} : { retryAfterMilliseconds: retryAfter }),
        };
      }
      return { kind: 'rejected', code: `http-${httpStatus}`, httpStatus };
    },
  };
}

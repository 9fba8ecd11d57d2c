/**
 * Types of the durable note outbox (see `noteOutbox.ts` for the engine and its state diagram).
 * Storage-agnostic: the renderer implements {@link OutboxStorage} with Dexie, tests use
 * `InMemoryOutboxStorageFake`; the transport implements {@link OutboxSender}.
 */

/**
 * Status of one note on the desk:
 * - `draft`: being written, saved locally, not yet submitted;
 * - `queued`: submitted, durable, waiting to reach the portal (retries included);
 * - `sent`: the portal has committed it (exactly once, by idempotency key);
 * - `delivered`: the portal reports it delivered to the client;
 * - `failed`: dead letter — rejected by the portal or out of attempts; stays visible, can be
 *   retried or exported, is never dropped.
 */
export const OUTBOX_STATUSES = ['draft', 'queued', 'sent', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Abstract error facts only: never response bodies (they may echo note content). */
export interface OutboxError {
  readonly code: string;
  readonly httpStatus?: number;
}

export interface OutboxEntry<Payload> {
  /** Local ID, stable from the first draft save. */
  readonly id: string;
  readonly payload: Payload;
  readonly status: OutboxStatus;
  /** Created once at submit and never changed: every retry carries the same key. */
  readonly idempotencyKey: string | null;
  /** Send attempts made so far (drives the backoff). */
  readonly attempts: number;
  /** Failures that count toward the dead-letter limit (server errors, not being offline). */
  readonly countedFailures: number;
  /** Epoch milliseconds of the next attempt while `queued`. */
  readonly nextAttemptAt: number | null;
  readonly lastError: OutboxError | null;
  /** The portal's note ID once sent. */
  readonly remoteId: string | null;
  /** The portal's own status of the note (e.g. `delivering`, `delivery-failed`), for display. */
  readonly remoteStatus: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly submittedAt: number | null;
  readonly sentAt: number | null;
  readonly deliveredAt: number | null;
}

/**
 * Durable storage of outbox entries.
 * `put` MUST resolve only once the entry survives a crash of the process (Dexie: a transaction
 * with `durability: 'strict'`); the engine reports a state only after `put` resolved.
 */
export interface OutboxStorage<Payload> {
  put(entry: OutboxEntry<Payload>): Promise<void>;
  get(id: string): Promise<OutboxEntry<Payload> | undefined>;
  list(): Promise<OutboxEntry<Payload>[]>;
  /** Used only to discard a draft the agent threw away explicitly. */
  delete(id: string): Promise<void>;
}

/** Outcome of one send attempt, classified by the sender. */
export type SendResult =
  | { kind: 'accepted'; remoteId: string; remoteStatus?: string }
  | {
      kind: 'retry';
      code: string;
      httpStatus?: number;
      retryAfterMilliseconds?: number;
      /** False for "offline"/"not logged in": waiting for the network is not the note's fault. */
      countsTowardLimit: boolean;
    }
  | { kind: 'rejected'; code: string; httpStatus?: number };

/** Sends one note; MUST pass the idempotency key so the portal stores it at most once. */
export interface OutboxSender<Payload> {
  send(request: { idempotencyKey: string; payload: Payload }): Promise<SendResult>;
}

/** Timer functions, injected so tests and benchmarks control time. */
export interface OutboxTimers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

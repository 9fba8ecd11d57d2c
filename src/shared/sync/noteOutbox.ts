/**
 * The durable note outbox: every submitted note reaches the portal exactly once, whatever the
 * network, the portal or the desk does in between (SECURITY.md rule 13).
 *
 * ```
 *  saveDraft ─▶ draft ──submit (key created)──▶ queued ──accepted──▶ sent ──portal──▶ delivered
 *                 │                              │  ▲ ▲                                 ▲
 *            discardDraft                        │  │ └─ retry error: backoff, stay queued  │
 *             (deleted)                          │  │                                      │
 *                                  rejected or   │  └──────────── retry() ───┐   accepted as delivered
 *                                  too many      ▼                           │
 *                                  failures ──▶ failed (dead letter, visible)┘
 * ```
 *
 * Rules the engine keeps:
 * - MUST persist each state before reporting it; a state in memory only is never shown.
 * - The idempotency key is created once, at submit, and sent with every attempt; after a crash
 *   or a lost response the same key is sent again and the portal returns the stored note.
 * - Retries wait a full-jitter exponential backoff with a cap, and never less than a server's
 *   Retry-After, which also pauses every other send (the portal said it is overloaded).
 * - Being offline does not count toward the dead-letter limit; server errors do.
 * - MUST NOT delete anything except a draft the agent discards explicitly.
 */
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import { afterAttempt, createDraft } from './outboxTransitions';
import type {
  OutboxEntry,
  OutboxSender,
  OutboxStorage,
  OutboxTimers,
  SendResult,
} from './outboxTypes';

export interface NoteOutboxOptions<Payload> {
  readonly storage: OutboxStorage<Payload>;
  readonly sender: OutboxSender<Payload>;
  /** Counted failures after which a note becomes `failed`. Default 8. */
  readonly maxAttempts?: number;
  /** Default: base 1 s, cap 5 min. */
  readonly backoff?: BackoffPolicy;
  /** Parallel sends. Default 4. */
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly createId?: () => string;
  readonly timers?: OutboxTimers;
}

export type OutboxListener<Payload> = (entry: OutboxEntry<Payload>) => void;

const DEFAULT_BACKOFF: BackoffPolicy = { baseMilliseconds: 1_000, capMilliseconds: 300_000 };

export class NoteOutbox<Payload> {
  private readonly entries = new Map<string, OutboxEntry<Payload>>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<OutboxListener<Payload>>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly createId: () => string;
  private readonly timers: OutboxTimers;
  private timer: unknown;
  private pausedUntil = 0;
  private running = false;

  constructor(private readonly options: NoteOutboxOptions<Payload>) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.concurrency = options.concurrency ?? 4;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.createId = options.createId ?? (() => globalThis.crypto.randomUUID());
    this.timers = options.timers ?? {
      setTimeout: (callback, milliseconds) => globalThis.setTimeout(callback, milliseconds),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  /**
   * Loads every stored entry and resumes sending queued ones (after a restart or crash).
   * Queued notes are due at once: a backoff grown while offline (up to the cap) must not keep a
   * note waiting minutes after the desk came back; the stored delay is kept only on disk.
   */
  async start(): Promise<void> {
    const now = this.now();
    for (const entry of await this.options.storage.list()) {
      this.entries.set(
        entry.id,
        entry.status === 'queued' ? { ...entry, nextAttemptAt: now } : entry,
      );
    }
    this.running = true;
    this.pump();
  }

  /** Stops scheduling; sends in flight finish and are recorded. */
  stop(): void {
    this.running = false;
    this.timers.clearTimeout(this.timer);
  }

  /** All entries, newest first. */
  list(): OutboxEntry<Payload>[] {
    return [...this.entries.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  get(id: string): OutboxEntry<Payload> | undefined {
    return this.entries.get(id);
  }

  /** Called after every persisted change of an entry. Returns an unsubscribe function. */
  subscribe(listener: OutboxListener<Payload>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Saves a draft (new or existing). Only drafts can be edited. */
  async saveDraft(payload: Payload, id?: string): Promise<OutboxEntry<Payload>> {
    const existing = id === undefined ? undefined : this.entries.get(id);
    if (existing && existing.status !== 'draft') throw new Error('Only drafts can be edited');
    const now = this.now();
    return this.persist(
      existing
        ? { ...existing, payload, updatedAt: now }
        : createDraft(id ?? this.createId(), payload, now),
    );
  }

  /** Removes a draft the agent discarded explicitly; refuses anything already submitted. */
  async discardDraft(id: string): Promise<void> {
    if (this.entries.get(id)?.status !== 'draft') throw new Error('Only drafts can be discarded');
    await this.options.storage.delete(id);
    this.entries.delete(id);
  }

  /**
   * Drops a note the portal holds (sent or delivered) from memory once its stored text was
   * shredded by a data request, so the running window shows it no more. MUST NOT drop anything
   * not yet at the portal: such an entry is left as it is.
   */
  forgetCommitted(id: string): void {
    const status = this.entries.get(id)?.status;
    if (status === 'sent' || status === 'delivered') this.entries.delete(id);
  }

  /** Submits a draft: creates its idempotency key, persists it as queued, starts sending. */
  async submit(id: string): Promise<OutboxEntry<Payload>> {
    const entry = this.entries.get(id);
    if (!entry || entry.status !== 'draft') throw new Error('Only drafts can be submitted');
    const now = this.now();
    const queued = await this.persist({
      ...entry,
      status: 'queued',
      idempotencyKey: entry.idempotencyKey ?? this.createId(),
      submittedAt: now,
      nextAttemptAt: now,
      updatedAt: now,
    });
    this.pump();
    return queued;
  }

  /** Saves and submits in one durable write (no draft phase). */
  async submitNew(payload: Payload): Promise<OutboxEntry<Payload>> {
    const draft = await this.saveDraft(payload);
    return this.submit(draft.id);
  }

  /** Puts a dead-lettered note back in the queue with the same key; limits start over. */
  async retry(id: string): Promise<OutboxEntry<Payload>> {
    const entry = this.entries.get(id);
    if (!entry || entry.status !== 'failed') throw new Error('Only failed notes can be retried');
    const now = this.now();
    const queued = await this.persist({
      ...entry,
      status: 'queued',
      countedFailures: 0,
      nextAttemptAt: now,
      updatedAt: now,
    });
    this.pump();
    return queued;
  }

  /** The network is back: try every queued note now instead of after its backoff. */
  notifyOnline(): void {
    const now = this.now();
    this.pausedUntil = 0;
    for (const entry of this.entries.values()) {
      if (entry.status === 'queued') this.entries.set(entry.id, { ...entry, nextAttemptAt: now });
    }
    this.pump();
  }

  /** Applies the portal's status of a note (from the event stream), found by idempotency key. */
  async applyRemoteStatus(idempotencyKey: string, remoteStatus: string): Promise<void> {
    const entry = [...this.entries.values()].find(
      (candidate) => candidate.idempotencyKey === idempotencyKey,
    );
    if (!entry || (entry.status !== 'sent' && entry.status !== 'delivered')) return;
    const now = this.now();
    const delivered = remoteStatus === 'delivered';
    await this.persist({
      ...entry,
      remoteStatus,
      status: delivered ? 'delivered' : entry.status,
      deliveredAt: delivered ? (entry.deliveredAt ?? now) : entry.deliveredAt,
      updatedAt: now,
    });
  }

  /** Resolves when nothing is queued or in flight (every note sent, delivered or failed). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return (
      this.inFlight.size === 0 &&
      ![...this.entries.values()].some((entry) => entry.status === 'queued')
    );
  }

  private async persist(entry: OutboxEntry<Payload>): Promise<OutboxEntry<Payload>> {
    await this.options.storage.put(entry);
    this.entries.set(entry.id, entry);
    for (const listener of [...this.listeners]) listener(entry);
    return entry;
  }

  /** Starts due sends up to the concurrency limit, then sleeps until the next one is due. */
  private pump(): void {
    if (!this.running) return;
    this.timers.clearTimeout(this.timer);
    const now = this.now();
    const queued = [...this.entries.values()].filter(
      (entry) => entry.status === 'queued' && !this.inFlight.has(entry.id),
    );
    if (now >= this.pausedUntil) {
      const due = queued
        .filter((entry) => (entry.nextAttemptAt ?? 0) <= now)
        .sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
      for (const entry of due) {
        if (this.inFlight.size >= this.concurrency) break;
        this.inFlight.add(entry.id);
        void this.attempt(entry);
      }
    }
    const waiting = queued.filter((entry) => !this.inFlight.has(entry.id));
    if (waiting.length > 0 && this.inFlight.size < this.concurrency) {
      const next = Math.max(
        this.pausedUntil,
        Math.min(...waiting.map((entry) => entry.nextAttemptAt ?? 0)),
      );
      this.timer = this.timers.setTimeout(() => this.pump(), Math.max(0, next - now));
    }
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async attempt(entry: OutboxEntry<Payload>): Promise<void> {
    let result: SendResult;
    try {
      result = await this.options.sender.send({
        idempotencyKey: entry.idempotencyKey as string,
        payload: entry.payload,
      });
    } catch {
      result = { kind: 'retry', code: 'network', countsTowardLimit: false };
    }
    const transition = afterAttempt(this.entries.get(entry.id) ?? entry, result, {
      now: this.now(),
      maxAttempts: this.maxAttempts,
      backoff: this.backoff,
      random: this.random,
    });
    if (transition.pauseUntil !== undefined) {
      this.pausedUntil = Math.max(this.pausedUntil, transition.pauseUntil);
    }
    const next = transition.entry;
    try {
      await this.persist(next);
    } catch {
      // Storage refused the write: keep the stored state (still queued, same key) and try the
      // whole attempt again later; the portal answers a repeat with the note it already has.
      const delay = fullJitterDelay(this.backoff, next.attempts, this.random);
      this.entries.set(entry.id, { ...entry, nextAttemptAt: this.now() + delay });
    } finally {
      this.inFlight.delete(entry.id);
      this.pump();
    }
  }
}

/**
 * The desk's durable call-log queue: every call that ends without a note (never answered,
 * unknown line, not assigned, note discarded) reaches the portal's call log exactly once, even
 * if the portal is down or the window is killed. It is the generic outbox engine
 * (`src/shared/sync/noteOutbox.ts`) over {@link CallLogPayload}, with the strict Dexie storage
 * and the host sender:
 *
 * ```
 * enqueue ─▶ draft (durable) ─▶ queued ──accepted──▶ sent
 *                                 ▲  │ retry: backoff (offline does not count)
 *                                 └──┘ rejected / too many failures ─▶ failed (kept, visible)
 * ```
 * The engine entry's ID is the call ID, so enqueuing a call twice (e.g. after a reload) is a
 * no-op, and the portal is idempotent on the same ID, so a retry after a lost answer never
 * bills twice.
 *
 * Once the portal has a call, the desk needs its copy no longer: the stored entry (it holds the
 * caller number) is crypto-shredded and deleted at once, so nothing personal outlives the send.
 * Failed entries stay (dead letter, visible) until they are sent.
 */
import type { CallLogEntry } from '../../../shared/contract/services/portalService';
import { NoteOutbox, type NoteOutboxOptions } from '../../../shared/sync/noteOutbox';
import type { OutboxEntry, OutboxSender, OutboxStorage } from '../../../shared/sync/outboxTypes';
import type { CallLogPayload } from './callLogPayload';

/** A call log waits through long outages: counted failures (server errors) before `failed`. */
const CALL_LOG_MAX_ATTEMPTS = 20;

export interface CallLogQueueOptions extends Partial<
  Omit<NoteOutboxOptions<CallLogPayload>, 'storage' | 'sender'>
> {
  readonly storage: OutboxStorage<CallLogPayload>;
  readonly sender: OutboxSender<CallLogPayload>;
}

export class CallLogQueue {
  readonly engine: NoteOutbox<CallLogPayload>;
  private readonly storage: OutboxStorage<CallLogPayload>;
  private readonly stopShredding: () => void;
  private readonly deletions = new Set<Promise<void>>();

  constructor(options: CallLogQueueOptions) {
    this.storage = options.storage;
    this.engine = new NoteOutbox<CallLogPayload>({
      maxAttempts: CALL_LOG_MAX_ATTEMPTS,
      ...options,
    });
    this.stopShredding = this.engine.subscribe((entry) => {
      if (entry.status !== 'sent') return;
      const deletion = this.storage.delete(entry.id).catch(() => undefined);
      this.deletions.add(deletion);
      void deletion.finally(() => this.deletions.delete(deletion));
    });
  }

  /**
   * Loads stored entries, removes sent ones a crash left behind, submits drafts a crash left
   * between the two writes, and starts sending.
   */
  async start(): Promise<void> {
    await this.engine.start();
    for (const entry of this.engine.list()) {
      if (entry.status === 'draft') await this.engine.submit(entry.id);
      if (entry.status === 'sent') await this.storage.delete(entry.id);
    }
  }

  stop(): void {
    this.engine.stop();
    this.stopShredding();
  }

  /** Queues a call's final log entry durably; resolves once it survives a crash. Idempotent. */
  async enqueue(entry: CallLogEntry, agentUserId: string): Promise<OutboxEntry<CallLogPayload>> {
    const existing = this.engine.get(entry.id);
    if (existing && existing.status !== 'draft') return existing;
    const draft = existing ?? (await this.engine.saveDraft({ agentUserId, entry }, entry.id));
    return this.engine.submit(draft.id);
  }

  /** True if the call is in the queue (any state). */
  has(callId: string): boolean {
    return this.engine.get(callId) !== undefined;
  }

  /** The network is back or the agent logged in: send what waits now. */
  notifyOnline(): void {
    this.engine.notifyOnline();
  }

  /** Entries that wait, for a status line (queued or failed). */
  pendingCount(): number {
    const { waiting, failed } = this.counts();
    return waiting + failed;
  }

  /** The call-log entries of one agent that have not reached the portal (for an export). */
  unsentEntries(agentUserId: string): CallLogEntry[] {
    return this.engine
      .list()
      .filter(
        (entry) =>
          entry.payload.agentUserId === agentUserId &&
          (entry.status === 'queued' || entry.status === 'draft' || entry.status === 'failed'),
      )
      .map((entry) => entry.payload.entry);
  }

  /** Calls still on their way (`waiting`) and refused ones kept as dead letters (`failed`). */
  counts(): { waiting: number; failed: number } {
    const entries = this.engine.list();
    return {
      waiting: entries.filter((entry) => entry.status === 'queued' || entry.status === 'draft')
        .length,
      failed: entries.filter((entry) => entry.status === 'failed').length,
    };
  }

  /** Resolves when nothing waits to be sent and every sent entry's copy is deleted. */
  async whenIdle(): Promise<void> {
    await this.engine.whenIdle();
    await Promise.all([...this.deletions]);
  }
}

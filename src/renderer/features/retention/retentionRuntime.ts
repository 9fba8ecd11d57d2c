/**
 * Retention for one window: the schedule over the desk's database, the sweeper (at start and
 * every 15 s) with a shredder per record type, and the receipt queue's sender. Started with the
 * window's call history (at window start, logged in or not); notes register their deadlines
 * through {@link followNoteRetention} from the notes runtime. Policy semantics: retentionPolicy.ts.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { OutboxEntry } from '../../../shared/sync/outboxTypes';
import type { NoteOutbox } from '../../../shared/sync/noteOutbox';
import { createLocalDatabase, type DeskDatabase } from '../../data/localDatabase';
import { createRecordVault, type RecordVault } from '../../data/recordVault';
import { DexieOutboxStorage } from '../notes/dexieOutboxStorage';
import type { NotePayload } from '../notes/noteFields';
import { createNotesDatabase } from '../notes/notesDatabase';
import { ClientRetentionDirectory } from './clientRetentionDirectory';
import { sendQueuedReceipts } from './deletionReceiptSender';
import { HistoryRetention } from './historyRetention';
import { NoteRetention } from './noteRetention';
import { RetentionSchedule } from './retentionSchedule';
import {
  RetentionSweeper,
  SWEEP_INTERVAL_MILLISECONDS,
  type RecordShredder,
  type SweepResult,
} from './retentionSweeper';

/** Receipt batches (of 100) per tick at most, so one tick stays short. */
const MAXIMUM_RECEIPT_BATCHES_PER_TICK = 10;

export interface RetentionRuntimeOptions {
  readonly client: Pick<AppClient, 'portal' | 'vault'>;
  readonly database: DeskDatabase;
  /** The window's vault over `database` (shreds call history). */
  readonly recordVault: () => Promise<RecordVault>;
  /** Shreds a committed note; default: the notes database opened on first need. */
  readonly noteShredder?: RecordShredder;
  readonly now?: () => number;
}

export class RetentionRuntime {
  readonly schedule: RetentionSchedule;
  readonly directory: ClientRetentionDirectory;
  readonly history: HistoryRetention;
  readonly sweeper: RetentionSweeper;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RetentionRuntimeOptions) {
    const now = options.now ?? Date.now;
    this.schedule = new RetentionSchedule(options.database, now);
    this.directory = new ClientRetentionDirectory(options.client, now);
    this.history = new HistoryRetention(this.directory, this.schedule, now);
    this.sweeper = new RetentionSweeper(
      this.schedule,
      {
        'call-record': async (recordId) => (await options.recordVault()).shred(recordId),
        note: options.noteShredder ?? lazyNoteShredder(options.client),
      },
      now,
    );
  }

  /** One sweep, then one round of receipts to the portal. Never throws. */
  async tick(): Promise<SweepResult | undefined> {
    let result: SweepResult | undefined;
    try {
      result = await this.sweeper.sweep();
    } catch {
      // The next tick tries again.
    }
    try {
      // Batches until the queue is empty or the portal stops taking them (then: next tick).
      for (let batch = 0; batch < MAXIMUM_RECEIPT_BATCHES_PER_TICK; batch += 1) {
        if ((await sendQueuedReceipts(this.options.database, this.options.client)) === 0) break;
      }
    } catch {
      // Receipts stay queued until the portal accepts them.
    }
    return result;
  }

  /** Sweeps now and every 15 s. */
  start(intervalMilliseconds = SWEEP_INTERVAL_MILLISECONDS): this {
    void this.tick();
    this.timer ??= setInterval(() => void this.tick(), intervalMilliseconds);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** The notes database and its vault, opened the first time a note is due. */
function lazyNoteShredder(client: Pick<AppClient, 'vault'>): RecordShredder {
  let storage: Promise<DexieOutboxStorage> | undefined;
  return async (recordId) => {
    storage ??= (async () => {
      const database = createNotesDatabase();
      await database.open();
      return new DexieOutboxStorage(database, await createRecordVault(database, client));
    })().catch((error: unknown) => {
      storage = undefined;
      throw error;
    });
    return (await storage).shredCommitted(recordId);
  };
}

/** The parts of a window's note outbox that retention follows. */
export type FollowedNoteOutbox = Pick<NoteOutbox<NotePayload>, 'list' | 'subscribe'>;

const runtimes = new WeakMap<object, RetentionRuntime>();

/**
 * The window's retention runtime, created and started on first use per app environment.
 * `database` is the desk database the window's call history writes to.
 */
export function retentionForWindow(
  environment: { client: Pick<AppClient, 'portal' | 'vault'>; recordVault(): Promise<RecordVault> },
  database: DeskDatabase = createLocalDatabase(),
): RetentionRuntime {
  let runtime = runtimes.get(environment);
  if (!runtime) {
    runtime = new RetentionRuntime({
      client: environment.client,
      database,
      recordVault: () => environment.recordVault(),
    }).start();
    runtimes.set(environment, runtime);
  }
  return runtime;
}

/**
 * Records the deadline of every note of an outbox now and after each persisted change; returns
 * the unsubscribe. Called by the notes runtime of each window.
 */
export function followNoteRetention(
  outbox: FollowedNoteOutbox,
  client: Pick<AppClient, 'portal'>,
  database?: DeskDatabase,
): () => void {
  const desk = database ?? createLocalDatabase();
  const retention = new NoteRetention(
    new ClientRetentionDirectory(client),
    new RetentionSchedule(desk),
  );
  const record = (entry: OutboxEntry<NotePayload>): void => {
    void retention.noteChanged(entry).catch(() => undefined);
  };
  for (const entry of outbox.list()) record(entry);
  const unsubscribe = outbox.subscribe(record);
  return () => {
    unsubscribe();
    // A connection this function opened is its own to close.
    if (!database) desk.close();
  };
}

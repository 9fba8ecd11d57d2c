/**
 * The notes feature's machinery for one window: the strict Dexie database, the RecordVault over
 * it, the outbox engine with the host sender, the call-log queue for calls without a note
 * (`callLogQueue.ts`, same database and vault), and the host events they follow (note status
 * from the portal, the portal coming back online, the author logging in). No React here.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import { NoteOutbox, type NoteOutboxOptions } from '../../../shared/sync/noteOutbox';
import type { OutboxEntry } from '../../../shared/sync/outboxTypes';
import { createRecordVault } from '../../data/recordVault';
import { CallLogQueue } from './callLogQueue';
import { DexieCallLogStorage } from './dexieCallLogStorage';
import { createHostCallLogSender } from './hostCallLogSender';
import { followNoteRetention } from '../retention/retentionRuntime';
import { DexieOutboxStorage } from './dexieOutboxStorage';
import { createHostNoteSender } from './hostNoteSender';
import type { CallLogPayload } from './callLogPayload';
import type { NotePayload } from './noteFields';
import { createNotesDatabase, NOTES_DATABASE_NAME, type NotesDatabase } from './notesDatabase';

/** How often notes the portal has but not yet delivered are asked about (events may be missed). */
const REMOTE_STATUS_POLL_MILLISECONDS = 30_000;

export interface NotesRuntimeOptions {
  readonly client: Pick<AppClient, 'portal' | 'vault'>;
  readonly currentUserId: () => string | null;
  readonly databaseName?: string;
  /** Engine tuning (tests, benchmarks). */
  readonly outbox?: Partial<Omit<NoteOutboxOptions<NotePayload>, 'storage' | 'sender'>>;
  /** Call-log queue tuning (tests). */
  readonly callLog?: Partial<Omit<NoteOutboxOptions<CallLogPayload>, 'storage' | 'sender'>>;
  /** Called after every persisted change of an entry. */
  readonly onEntry: (entry: OutboxEntry<NotePayload>) => void;
}

export class NotesRuntime {
  readonly outbox: NoteOutbox<NotePayload>;
  /** Calls that ended without a note, on their way to the portal's call log. */
  readonly callLog: CallLogQueue;
  private readonly cleanups: (() => void)[] = [];
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly options: NotesRuntimeOptions,
    readonly database: NotesDatabase,
    readonly storage: DexieOutboxStorage,
    callLogStorage: DexieCallLogStorage,
  ) {
    this.outbox = new NoteOutbox<NotePayload>({
      ...options.outbox,
      storage,
      sender: createHostNoteSender(options.client, options.currentUserId),
    });
    this.callLog = new CallLogQueue({
      ...options.callLog,
      storage: callLogStorage,
      sender: createHostCallLogSender(options.client, options.currentUserId),
    });
  }

  static async start(options: NotesRuntimeOptions): Promise<NotesRuntime> {
    const database = createNotesDatabase(options.databaseName ?? NOTES_DATABASE_NAME);
    await database.open();
    const vault = await createRecordVault(database, options.client);
    const runtime = new NotesRuntime(
      options,
      database,
      new DexieOutboxStorage(database, vault),
      new DexieCallLogStorage(database, vault),
    );
    runtime.cleanups.push(runtime.outbox.subscribe(options.onEntry));
    await runtime.outbox.start();
    await runtime.callLog.start();
    // Every note gets its client's retention deadline (see features/retention).
    runtime.cleanups.push(followNoteRetention(runtime.outbox, options.client));
    runtime.follow();
    return runtime;
  }

  stop(): void {
    this.outbox.stop();
    this.callLog.stop();
    clearInterval(this.pollTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.database.close();
  }

  private follow(): void {
    const { portal } = this.options.client;
    this.cleanups.push(
      portal.onNoteStatusChanged((event) => {
        void this.outbox.applyRemoteStatus(event.idempotencyKey, event.status);
      }),
      portal.onSessionChanged((session) => {
        // Back online, or the author logged in again: send what waits now, not after backoff.
        if (session.connection === 'online' && session.user) {
          this.outbox.notifyOnline();
          this.callLog.notifyOnline();
        }
      }),
    );
    this.pollTimer = setInterval(
      () => void this.pollRemoteStatus(),
      REMOTE_STATUS_POLL_MILLISECONDS,
    );
    void this.pollRemoteStatus();
  }

  /** Asks the portal about sent notes that are not delivered yet. */
  async pollRemoteStatus(): Promise<void> {
    const userId = this.options.currentUserId();
    const waiting = this.outbox
      .list()
      .filter(
        (entry) =>
          entry.status === 'sent' &&
          entry.remoteId !== null &&
          entry.idempotencyKey !== null &&
          entry.payload.authorUserId === userId,
      );
    for (const entry of waiting.slice(0, 20)) {
      const result = await this.options.client.portal.noteDeliveries(entry.remoteId!);
      if (!result.ok) return;
      await this.outbox.applyRemoteStatus(entry.idempotencyKey!, result.value.status);
    }
  }
}

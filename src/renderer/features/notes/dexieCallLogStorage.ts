/**
 * The call-log queue's storage ({@link OutboxStorage}) in the strict notes database: like the
 * note outbox, every `put` seals the entry (it holds the caller number) with the RecordVault and
 * writes one row in a `strict` transaction, so it resolves only once the entry survives a crash.
 * Rows whose entry can no longer be opened are left out of `list` and counted, never dropped.
 */
import type { OutboxEntry, OutboxStorage } from '../../../shared/sync/outboxTypes';
import type { RecordVault } from '../../data/recordVault';
import type { CallLogPayload } from './callLogPayload';
import type { CallLogRow, NotesDatabase } from './notesDatabase';

export class DexieCallLogStorage implements OutboxStorage<CallLogPayload> {
  /** Last sealed payload per call: status changes do not re-encrypt the same entry. */
  private readonly sealedCache = new Map<string, { json: string; row: CallLogRow['sealed'] }>();
  private unreadableIds = new Set<string>();

  constructor(
    private readonly database: NotesDatabase,
    private readonly vault: RecordVault,
  ) {}

  async put(entry: OutboxEntry<CallLogPayload>): Promise<void> {
    const json = JSON.stringify(entry.payload);
    const cached = this.sealedCache.get(entry.id);
    const sealed =
      cached?.json === json ? cached.row : await this.vault.seal(entry.id, entry.payload);
    this.sealedCache.set(entry.id, { json, row: sealed });
    const { payload, ...metadata } = entry;
    const row: CallLogRow = { ...metadata, agentUserId: payload.agentUserId, sealed };
    await this.database.transaction('rw', this.database.callLog, async () => {
      await this.database.callLog.put(row);
    });
  }

  async get(id: string): Promise<OutboxEntry<CallLogPayload> | undefined> {
    const row = await this.database.callLog.get(id);
    return row ? this.open(row) : undefined;
  }

  async list(): Promise<OutboxEntry<CallLogPayload>[]> {
    const entries: OutboxEntry<CallLogPayload>[] = [];
    const unreadable = new Set<string>();
    for (const row of await this.database.callLog.toArray()) {
      const entry = await this.open(row);
      if (entry) entries.push(entry);
      else unreadable.add(row.id);
    }
    this.unreadableIds = unreadable;
    return entries;
  }

  /**
   * Deletes the row, then destroys its key (crypto-shredding). In this order a crash in between
   * leaves at most a key without data, never a row that can no longer be opened.
   */
  async delete(id: string): Promise<void> {
    await this.database.transaction('rw', this.database.callLog, async () => {
      await this.database.callLog.delete(id);
    });
    this.sealedCache.delete(id);
    await this.vault.shred(id);
  }

  /** Rows found by the last `list` whose entry could not be opened. */
  unreadable(): readonly string[] {
    return [...this.unreadableIds];
  }

  private async open(row: CallLogRow): Promise<OutboxEntry<CallLogPayload> | undefined> {
    let payload: CallLogPayload;
    try {
      payload = await this.vault.open<CallLogPayload>(row.sealed);
    } catch {
      return undefined;
    }
    const { sealed, agentUserId: _agent, ...metadata } = row;
    this.sealedCache.set(row.id, { json: JSON.stringify(payload), row: sealed });
    return { ...metadata, payload };
  }
}

/**
 * The outbox engine's storage ({@link OutboxStorage}) in Dexie: every `put` seals the note with
 * the RecordVault (a key per note, AES-256-GCM) and writes one row in a `strict` transaction, so
 * it resolves only once the note survives a crash. The engine shows a state only after `put`.
 *
 * A row whose payload cannot be opened any more (its key was destroyed — RAM-only mode after a
 * restart — or it was tampered with) is never silently dropped: `list` leaves it out and
 * `unreadable()` counts it, so the desk can say so.
 */
import type { OutboxEntry, OutboxStorage } from '../../../shared/sync/outboxTypes';
import type { RecordVault } from '../../data/recordVault';
import type { NotePayload } from './noteFields';
import type { NotesDatabase, OutboxRow } from './notesDatabase';

export class DexieOutboxStorage implements OutboxStorage<NotePayload> {
  /** Last sealed payload per note, so a status change does not re-encrypt the same text. */
  private readonly sealedCache = new Map<string, { json: string; row: OutboxRow['sealed'] }>();
  private unreadableIds = new Set<string>();

  constructor(
    private readonly database: NotesDatabase,
    private readonly vault: RecordVault,
  ) {}

  async put(entry: OutboxEntry<NotePayload>): Promise<void> {
    const json = JSON.stringify(entry.payload);
    const cached = this.sealedCache.get(entry.id);
    const sealed =
      cached?.json === json ? cached.row : await this.vault.seal(entry.id, entry.payload);
    this.sealedCache.set(entry.id, { json, row: sealed });
    const { payload, ...metadata } = entry;
    const row: OutboxRow = { ...metadata, authorUserId: payload.authorUserId, sealed };
    // The database is strict for every transaction: this resolves after the flush.
    await this.database.transaction('rw', this.database.outbox, async () => {
      await this.database.outbox.put(row);
    });
  }

  async get(id: string): Promise<OutboxEntry<NotePayload> | undefined> {
    const row = await this.database.outbox.get(id);
    return row ? this.open(row) : undefined;
  }

  async list(): Promise<OutboxEntry<NotePayload>[]> {
    const rows = await this.database.outbox.toArray();
    const entries: OutboxEntry<NotePayload>[] = [];
    const unreadable = new Set<string>();
    for (const row of rows) {
      const entry = await this.open(row);
      if (entry) entries.push(entry);
      else unreadable.add(row.id);
    }
    this.unreadableIds = unreadable;
    return entries;
  }

  /** Destroys the note's key (crypto-shredding) and its row. */
  async delete(id: string): Promise<void> {
    await this.vault.shred(id);
    await this.database.outbox.delete(id);
    this.sealedCache.delete(id);
  }

  /** Rows found by the last `list` whose note could not be opened. */
  unreadable(): readonly string[] {
    return [...this.unreadableIds];
  }

  private async open(row: OutboxRow): Promise<OutboxEntry<NotePayload> | undefined> {
    let payload: NotePayload;
    try {
      payload = await this.vault.open<NotePayload>(row.sealed);
    } catch {
      return undefined;
    }
    const { sealed, authorUserId: _author, ...metadata } = row;
    this.sealedCache.set(row.id, { json: JSON.stringify(payload), row: sealed });
    return { ...metadata, payload };
  }
}

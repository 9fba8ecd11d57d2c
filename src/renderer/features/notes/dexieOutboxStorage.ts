/**
 * The outbox engine's storage ({@link OutboxStorage}) in Dexie: every `put` seals the note with
 * the RecordVault (a key per note, AES-256-GCM) and writes one row in a `strict` transaction, so
 * it resolves only once the note survives a crash. The engine shows a state only after `put`.
 *
 * A row whose payload cannot be opened any more (its key was destroyed — RAM-only mode after a
 * restart — or it was tampered with) is never silently dropped: `list` leaves it out and
 * `unreadable()` counts it, so the desk can say so. Notes the portal committed and the retention
 * sweeper shredded (`shredCommitted`) keep their plain status row but are neither listed nor
 * counted as unreadable, and are never sealed again.
 */
import type { OutboxEntry, OutboxStorage } from '../../../shared/sync/outboxTypes';
import type { RecordVault } from '../../data/recordVault';
import type { ShredReceipt } from '../../data/sealedRecord';
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
      cached?.json === json
        ? cached.row
        : ((await this.shreddedSealOf(entry)) ?? (await this.vault.seal(entry.id, entry.payload)));
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
      else if (!(await this.isShreddedCommitted(row))) unreadable.add(row.id);
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

  /**
   * Retention: crypto-shreds a note the portal has committed (sent or delivered); its plain
   * status row stays. Returns undefined, shredding nothing, while the note is not committed: an
   * outbox entry is never destroyed before it reached the portal. A row that is gone (a
   * discarded draft, already shredded) is shredded again, which is harmless.
   */
  async shredCommitted(id: string): Promise<ShredReceipt | undefined> {
    const row = await this.database.outbox.get(id);
    if (row && row.status !== 'sent' && row.status !== 'delivered') return undefined;
    return this.vault.shred(id);
  }

  /** Rows found by the last `list` whose note could not be opened. */
  unreadable(): readonly string[] {
    return [...this.unreadableIds];
  }

  /** A committed note whose key is destroyed: shredded by retention on purpose. */
  private async isShreddedCommitted(row: OutboxRow): Promise<boolean> {
    if (row.status !== 'sent' && row.status !== 'delivered') return false;
    return (await this.database.vaultKeys.where('recordId').equals(row.id).count()) === 0;
  }

  /**
   * The stored (dead) seal of a committed note whose key was shredded, so a late status change
   * (e.g. delivered) writes the status without sealing the payload again under a new key.
   */
  private async shreddedSealOf(
    entry: OutboxEntry<NotePayload>,
  ): Promise<OutboxRow['sealed'] | undefined> {
    if (entry.status !== 'sent' && entry.status !== 'delivered') return undefined;
    const row = await this.database.outbox.get(entry.id);
    if (!row || !(await this.isShreddedCommitted(row))) return undefined;
    return row.sealed;
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

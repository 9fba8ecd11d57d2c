/**
 * The call history in the local database, every entry sealed under its own key by the record
 * vault. Search decrypts the recent entries and filters in memory (a desk's history is small).
 * Entries older than the retention are crypto-shredded.
 */
import { Dexie } from 'dexie';
import type { LocalDatabase } from '../../data/localDatabase';
import type { RecordVault } from '../../data/recordVault';
import { matchesQuery, type CallHistoryEntry } from './callHistoryEntry';

/** The `kind` of history rows in the shared sealed-record table. */
export const CALL_HISTORY_KIND = 'callHistory';
/** Nothing personal is kept longer than 30 days (SECURITY.md rule 7). */
export const CALL_HISTORY_RETENTION_MS = 30 * 24 * 60 * 60 * 1_000;
/** How many recent entries a search looks at. */
export const CALL_HISTORY_LIMIT = 500;

/**
 * The vault record id of a history entry. Its own id, not the call id: other features (notes)
 * seal under the call id with their own retention, and shredding one must not shred the other.
 */
export function historyRecordId(callId: string): string {
  return `call-history:${callId}`;
}

export class CallHistoryRepository {
  constructor(
    private readonly database: LocalDatabase,
    private readonly vault: () => Promise<RecordVault>,
  ) {}

  async save(entry: CallHistoryEntry): Promise<void> {
    const vault = await this.vault();
    const recordId = historyRecordId(entry.id);
    const sealed = await vault.seal(recordId, entry);
    // The row's time is the call's start, so the index lists calls in call order.
    await this.database.sealedRecords.put({
      kind: CALL_HISTORY_KIND,
      recordId,
      updatedAt: entry.startedAt,
      sealed,
    });
  }

  /** The newest entries first, optionally filtered by a search text. */
  async list(query = '', limit = CALL_HISTORY_LIMIT): Promise<CallHistoryEntry[]> {
    const rows = await this.database.sealedRecords
      .where('[kind+updatedAt]')
      .between([CALL_HISTORY_KIND, Dexie.minKey], [CALL_HISTORY_KIND, Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray();
    const vault = await this.vault();
    const entries: CallHistoryEntry[] = [];
    for (const row of rows) {
      try {
        entries.push(await vault.open<CallHistoryEntry>(row.sealed));
      } catch {
        // Shredded or damaged: such an entry is gone for good, by design.
      }
    }
    return entries.filter((entry) => matchesQuery(entry, query));
  }

  /** Shreds entries older than the retention; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    const old = await this.database.sealedRecords
      .where('[kind+updatedAt]')
      .between(
        [CALL_HISTORY_KIND, Dexie.minKey],
        [CALL_HISTORY_KIND, now - CALL_HISTORY_RETENTION_MS],
      )
      .primaryKeys();
    const vault = await this.vault();
    for (const [, recordId] of old as [string, string][]) await vault.shred(recordId);
    return old.length;
  }
}

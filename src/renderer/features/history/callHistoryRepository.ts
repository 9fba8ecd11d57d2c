/**
 * The call history in the local database, every entry sealed under its own key by the record
 * vault. Search decrypts the recent entries and filters in memory (a desk's history is small).
 *
 * With a {@link HistoryRetention} (the app always passes one) each entry follows its client's
 * retention policy: its deadline is recorded before it is written and the retention sweeper
 * shreds it then; entries of RAM-only clients (or whose policy cannot be looked up) are kept in
 * this object's memory only and never reach IndexedDB. Without one, the 30-day ceiling applies
 * through `prune` (tests, old callers).
 */
import { Dexie } from 'dexie';
import type { LocalDatabase } from '../../data/localDatabase';
import type { RecordVault } from '../../data/recordVault';
import type { HistoryRetention } from '../retention/historyRetention';
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
  /** Entries that must not touch the disk (RAM-only clients), for this window's life. */
  private readonly memoryOnly = new Map<string, CallHistoryEntry>();

  constructor(
    private readonly database: LocalDatabase,
    private readonly vault: () => Promise<RecordVault>,
    private readonly retention?: HistoryRetention,
  ) {}

  /** Stores a finished call as its client's retention policy allows (see the file comment). */
  async save(entry: CallHistoryEntry): Promise<void> {
    const recordId = historyRecordId(entry.id);
    if (this.retention) {
      const decision = await this.retention.decide(entry.clientLine, entry.id);
      if (!decision.persist) {
        this.memoryOnly.set(entry.id, entry);
        return;
      }
      // The deadline first: no record is ever on disk without one.
      await this.retention.scheduleEntry(recordId, decision);
    }
    const vault = await this.vault();
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
    const stored = new Set(entries.map((entry) => entry.id));
    const inMemory = [...this.memoryOnly.values()].filter((entry) => !stored.has(entry.id));
    return [...entries, ...inMemory]
      .filter((entry) => matchesQuery(entry, query))
      .sort((first, second) => second.startedAt - first.startedAt)
      .slice(0, limit);
  }

  /** Crypto-shreds one entry, in memory and on disk (a data request's deletion). */
  async shred(callId: string): Promise<void> {
    this.memoryOnly.delete(callId);
    await (await this.vault()).shred(historyRecordId(callId));
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

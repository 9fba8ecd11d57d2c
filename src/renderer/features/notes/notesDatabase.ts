/**
 * The note outbox's own IndexedDB database (Dexie), opened with `strict` durability for every
 * transaction (SECURITY.md rule 13): a write resolves only once the browser has flushed it, so a
 * note shown as "saved" survives a killed browser or a power cut. It is separate from the
 * desk's shared database because that one uses the browser's default (relaxed) durability.
 *
 * Plain rows hold IDs, states and times only; the note itself is sealed by a RecordVault over
 * this database's own `vaultKeys` (SECURITY.md rule 6).
 *
 * Migrations are explicit: one `version(n)` per schema version, never edited once released.
 * To add one: append `database.version(n + 1).stores({...changed tables...})` with an
 * `.upgrade()` when rows must be rewritten, and bump NOTES_DATABASE_VERSION.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { OutboxError, OutboxStatus } from '../../../shared/sync/outboxTypes';
import type { LocalDatabase } from '../../data/localDatabase';
import type { SealedRecord } from '../../data/sealedRecord';

export const NOTES_DATABASE_NAME = 'empfang-notes';
export const NOTES_DATABASE_VERSION = 2;

/** One outbox entry at rest: the engine's metadata in clear, the payload sealed. */
export interface OutboxRow {
  id: string;
  status: OutboxStatus;
  /** The note's author (a portal user ID): notes wait for their author's session. */
  authorUserId: string;
  idempotencyKey: string | null;
  attempts: number;
  countedFailures: number;
  nextAttemptAt: number | null;
  lastError: OutboxError | null;
  remoteId: string | null;
  remoteStatus: string | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  sentAt: number | null;
  deliveredAt: number | null;
  sealed: SealedRecord;
}

/**
 * One call-log queue entry at rest (version 2): calls that end without a note. The row's `id`
 * is the call's ID; the entry (caller number, line, times) is sealed like a note.
 */
export type CallLogRow = Omit<OutboxRow, 'authorUserId'> & {
  /** The agent whose desk took the call: entries wait for that agent's session. */
  agentUserId: string;
};

export type NotesDatabase = LocalDatabase & {
  outbox: EntityTable<OutboxRow, 'id'>;
  callLog: EntityTable<CallLogRow, 'id'>;
};

export function createNotesDatabase(name: string = NOTES_DATABASE_NAME): NotesDatabase {
  const database = new Dexie(name, { chromeTransactionDurability: 'strict' }) as NotesDatabase;
  // Version 1: vault keys and sealed records as in the shared database (the RecordVault needs
  // both), and the outbox by id, listable by status and time.
  database.version(1).stores({
    vaultKeys: 'keyId, recordId',
    sealedRecords: '[kind+recordId], kind, recordId, [kind+updatedAt]',
    outbox: 'id, status, updatedAt, authorUserId',
  });
  // Version 2: the durable call-log queue (calls without a note), by call id, like the outbox.
  database.version(2).stores({ callLog: 'id, status, updatedAt, agentUserId' });
  return database;
}

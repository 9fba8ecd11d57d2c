/**
 * The desk's local IndexedDB database (Dexie), one per profile.
 *
 * Plain rows MUST hold no personal data (SECURITY.md rule 6): anything about a call (numbers,
 * names, transcript, note drafts) goes into `sealedRecords` as a {@link SealedRecord} made by
 * the RecordVault. Indexes may only use IDs, kinds and times.
 *
 * Migrations are explicit: one `version(n)` per schema version, never edited once released.
 * To add one: append `database.version(n + 1).stores({...changed tables only...})` below, with
 * an `.upgrade(transaction => ...)` when existing rows must be rewritten, and bump
 * LOCAL_DATABASE_VERSION. Dexie keeps tables not named in a later version; pass `null` to drop.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SealedRecord } from './sealedRecord';

/** The name of the desk's database; tests pass their own to stay isolated. */
export const LOCAL_DATABASE_NAME = 'empfang';

/** The newest schema version; equals the last `version(n)` declared below. */
export const LOCAL_DATABASE_VERSION = 2;

/** A per-record AES-GCM key, wrapped (AES-KW) by the host's wrapping key. */
export interface VaultKeyRow {
  keyId: string;
  recordId: string;
  wrappedKey: Uint8Array<ArrayBuffer>;
  createdAt: number;
}

/** A sealed record stored for a feature; `kind` names the feature's record type. */
export interface SealedRecordRow {
  kind: string;
  recordId: string;
  updatedAt: number;
  sealed: SealedRecord;
}

/** The kinds of personal record the retention schedule knows (receipt wording: see portal). */
export type RetainedRecordType = 'call-record' | 'note';
/** Why a record was deleted; the portal's `DELETION_REASONS`. */
export type DeletionReason = 'retention-expired' | 'after-sync' | 'manual' | 'ram-only';

/**
 * When a personal record must be crypto-shredded (retention feature). Plain metadata only: the
 * record's vault id, its type, the client's id and times; never anything about the caller.
 */
export interface RetentionScheduleRow {
  recordId: string;
  recordType: RetainedRecordType;
  /** The client whose policy applies; null for calls without a client (30-day ceiling). */
  clientId: string | null;
  /** A note's call (the desk's call id), so the call's history entry can follow the note. */
  callId?: string;
  /** Epoch ms from which the record is shredded; null while it waits for the portal (sync). */
  deleteAt: number | null;
  reason: DeletionReason;
  createdAt: number;
  /** Set once shredded; the row stays as a tombstone so a late status change cannot revive it. */
  shreddedAt: number | null;
}

/** A deletion receipt waiting to reach the portal; removed once the portal accepted it. */
export interface DeletionReceiptRow {
  transactionId: string;
  clientId: string;
  recordType: RetainedRecordType;
  reason: DeletionReason;
  /** ISO 8601 time of the shredding. */
  deletedAt: string;
  queuedAt: number;
}

/** The tables a RecordVault needs (the notes database has them too). */
export type LocalDatabase = Dexie & {
  vaultKeys: EntityTable<VaultKeyRow, 'keyId'>;
  sealedRecords: Dexie.Table<SealedRecordRow, [string, string]>;
};

/** The desk's shared database: the vault tables plus the retention schedule and receipts. */
export type DeskDatabase = LocalDatabase & {
  retentionSchedule: EntityTable<RetentionScheduleRow, 'recordId'>;
  deletionReceipts: EntityTable<DeletionReceiptRow, 'transactionId'>;
};

/** Opens (and on first use creates or migrates) the local database. */
export function createLocalDatabase(name: string = LOCAL_DATABASE_NAME): DeskDatabase {
  const database = new Dexie(name) as DeskDatabase;
  // Version 1: vault keys by key id (looked up by record id for shredding); sealed records by
  // [kind+recordId], listable per kind in time order.
  database.version(1).stores({
    vaultKeys: 'keyId, recordId',
    sealedRecords: '[kind+recordId], kind, recordId, [kind+updatedAt]',
  });
  // Version 2: the retention schedule (due rows by deadline) and the queue of deletion receipts
  // for the portal (oldest first).
  database.version(2).stores({
    retentionSchedule: 'recordId, deleteAt, recordType',
    deletionReceipts: 'transactionId, queuedAt',
  });
  return database;
}

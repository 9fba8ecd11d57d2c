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
export const LOCAL_DATABASE_VERSION = 1;

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

export type LocalDatabase = Dexie & {
  vaultKeys: EntityTable<VaultKeyRow, 'keyId'>;
  sealedRecords: Dexie.Table<SealedRecordRow, [string, string]>;
};

/** Opens (and on first use creates or migrates) the local database. */
export function createLocalDatabase(name: string = LOCAL_DATABASE_NAME): LocalDatabase {
  const database = new Dexie(name) as LocalDatabase;
  // Version 1: vault keys by key id (looked up by record id for shredding); sealed records by
  // [kind+recordId], listable per kind in time order.
  database.version(1).stores({
    vaultKeys: 'keyId, recordId',
    sealedRecords: '[kind+recordId], kind, recordId, [kind+updatedAt]',
  });
  return database;
}

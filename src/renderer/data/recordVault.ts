/**
 * RecordVault: personal data at rest, sealed (SECURITY.md rules 6 and 7).
 *
 * Each record id (e.g. a call id) gets its own random AES-256-GCM key; every value sealed for
 * that id is encrypted under it with a fresh 12-byte nonce, and the record id and key id are
 * bound in as additional data, so a ciphertext moved to another record fails to open. The
 * per-record key is stored only wrapped (AES-KW) by the host's wrapping key, which is imported
 * as a non-extractable WebCrypto key: neither key is ever readable by page script.
 *
 * `shred(recordId)` destroys the record's keys (crypto-shredding) and drops its sealed rows;
 * afterwards every copy of its ciphertext, wherever it ended up, is unreadable. The receipt
 * holds a random transaction id and the time, never personal data.
 *
 * Values MUST be JSON-serialisable (they are stored as UTF-8 JSON inside the ciphertext).
 */
import type { AppClient } from '../../shared/contract/appContract';
import type { LocalDatabase, VaultKeyRow } from './localDatabase';
import type { SealedRecord, ShredReceipt } from './sealedRecord';

export type { SealedRecord, ShredReceipt } from './sealedRecord';

/** Why a record could not be opened or sealed. */
export type RecordVaultFailure =
  'key-destroyed' | 'tampered' | 'invalid-record' | 'no-wrapping-key';

export class RecordVaultError extends Error {
  constructor(
    readonly reason: RecordVaultFailure,
    message: string,
  ) {
    super(message);
    this.name = 'RecordVaultError';
  }
}

const NONCE_BYTES = 12;
const MAXIMUM_RECORD_ID_LENGTH = 200;

/** Imports the host's 32 raw bytes as a non-extractable AES-KW key and zeroes the bytes. */
export async function importWrappingKey(rawKey: Uint8Array): Promise<CryptoKey> {
  // A copy backed by a plain ArrayBuffer, as WebCrypto's types require.
  const keyBytes = new Uint8Array(rawKey);
  try {
    return await crypto.subtle.importKey('raw', keyBytes, 'AES-KW', false, [
      'wrapKey',
      'unwrapKey',
    ]);
  } finally {
    // The raw bytes must not linger in the page's memory once WebCrypto holds the key.
    rawKey.fill(0);
    keyBytes.fill(0);
  }
}

export class RecordVault {
  /** Unwrapped per-record keys; a cache only: the database row decides whether a key exists. */
  private readonly keyCache = new Map<string, CryptoKey>();
  /** One key creation per record id at a time, so concurrent seals share one key. */
  private readonly pendingKeys = new Map<string, Promise<VaultKeyRow>>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly database: LocalDatabase,
    private readonly wrappingKey: CryptoKey,
  ) {}

  /** Encrypts `value` under the record's key (created on first use). */
  async seal(recordId: string, value: unknown): Promise<SealedRecord> {
    checkRecordId(recordId);
    const row = await this.keyRowFor(recordId);
    const key = await this.unwrap(row);
    const iv = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const plainText = this.encoder.encode(JSON.stringify(value));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: this.additionalData(recordId, row.keyId) },
      key,
      plainText,
    );
    plainText.fill(0);
    return { format: 1, recordId, keyId: row.keyId, iv, ciphertext: new Uint8Array(ciphertext) };
  }

  /** Decrypts a sealed record; throws RecordVaultError when shredded or tampered with. */
  async open<T = unknown>(sealed: SealedRecord): Promise<T> {
    if (!isSealedRecord(sealed)) {
      throw new RecordVaultError('invalid-record', 'Not a sealed record');
    }
    const row = await this.database.vaultKeys.get(sealed.keyId);
    if (!row || row.recordId !== sealed.recordId) {
      this.keyCache.delete(sealed.keyId);
      throw new RecordVaultError('key-destroyed', 'The record was deleted');
    }
    const key = await this.unwrap(row);
    let plainText: ArrayBuffer;
    try {
      plainText = await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.iv,
          additionalData: this.additionalData(sealed.recordId, sealed.keyId),
        },
        key,
        sealed.ciphertext,
      );
    } catch {
      throw new RecordVaultError('tampered', 'The record failed its integrity check');
    }
    return JSON.parse(this.decoder.decode(plainText)) as T;
  }

  /** Destroys the record's keys and its stored sealed rows; returns a receipt. */
  async shred(recordId: string): Promise<ShredReceipt> {
    checkRecordId(recordId);
    await this.pendingKeys.get(recordId)?.catch(() => undefined);
    const keysDestroyed = await this.database.transaction(
      'rw',
      this.database.vaultKeys,
      this.database.sealedRecords,
      async () => {
        const keyIds = (await this.database.vaultKeys
          .where('recordId')
          .equals(recordId)
          .primaryKeys()) as string[];
        await this.database.vaultKeys.bulkDelete(keyIds);
        await this.database.sealedRecords.where('recordId').equals(recordId).delete();
        return keyIds;
      },
    );
    for (const keyId of keysDestroyed) this.keyCache.delete(keyId);
    return {
      transactionId: crypto.randomUUID(),
      shreddedAt: new Date().toISOString(),
      keysDestroyed: keysDestroyed.length,
    };
  }

  /** Seals and stores a value in the shared `sealedRecords` table under a feature's kind. */
  async saveRecord(kind: string, recordId: string, value: unknown): Promise<void> {
    const sealed = await this.seal(recordId, value);
    await this.database.sealedRecords.put({ kind, recordId, updatedAt: Date.now(), sealed });
  }

  /** Loads and opens a stored value; undefined when absent or shredded. */
  async loadRecord<T = unknown>(kind: string, recordId: string): Promise<T | undefined> {
    const row = await this.database.sealedRecords.get([kind, recordId]);
    if (!row) return undefined;
    try {
      return await this.open<T>(row.sealed);
    } catch (error) {
      if (error instanceof RecordVaultError && error.reason === 'key-destroyed') return undefined;
      throw error;
    }
  }

  private additionalData(recordId: string, keyId: string): Uint8Array<ArrayBuffer> {
    return this.encoder.encode(`empfang-record-vault:1:${recordId}:${keyId}`);
  }

  private async keyRowFor(recordId: string): Promise<VaultKeyRow> {
    const pending = this.pendingKeys.get(recordId);
    if (pending) return pending;
    const creation = (async () => {
      const existing = await this.database.vaultKeys.where('recordId').equals(recordId).first();
      if (existing) return existing;
      // Extractable only so it can be wrapped; the raw key never leaves WebCrypto unwrapped.
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
        'encrypt',
        'decrypt',
      ]);
      const wrappedKey = new Uint8Array(
        await crypto.subtle.wrapKey('raw', key, this.wrappingKey, 'AES-KW'),
      );
      const row: VaultKeyRow = {
        keyId: crypto.randomUUID(),
        recordId,
        wrappedKey,
        createdAt: Date.now(),
      };
      await this.database.vaultKeys.add(row);
      return row;
    })();
    this.pendingKeys.set(recordId, creation);
    try {
      return await creation;
    } finally {
      this.pendingKeys.delete(recordId);
    }
  }

  private async unwrap(row: VaultKeyRow): Promise<CryptoKey> {
    const cached = this.keyCache.get(row.keyId);
    if (cached) return cached;
    let key: CryptoKey;
    try {
      key = await crypto.subtle.unwrapKey(
        'raw',
        row.wrappedKey,
        this.wrappingKey,
        'AES-KW',
        'AES-GCM',
        false,
        ['encrypt', 'decrypt'],
      );
    } catch {
      // AES-KW has its own integrity check: a wrong wrapping key or a damaged row lands here.
      throw new RecordVaultError('tampered', 'The record key failed its integrity check');
    }
    this.keyCache.set(row.keyId, key);
    return key;
  }
}

/** Creates a vault with the host's wrapping key, fetched through the platform client. */
export async function createRecordVault(
  database: LocalDatabase,
  client: Pick<AppClient, 'vault'>,
): Promise<RecordVault> {
  const result = await client.vault.getWrappingKey();
  if (!result.ok) {
    throw new RecordVaultError('no-wrapping-key', 'The host did not provide a wrapping key');
  }
  return new RecordVault(database, await importWrappingKey(result.value));
}

function checkRecordId(recordId: string): void {
  if (
    typeof recordId !== 'string' ||
    recordId === '' ||
    recordId.length > MAXIMUM_RECORD_ID_LENGTH
  ) {
    throw new RecordVaultError('invalid-record', 'A record id must be a non-empty short string');
  }
}

function isSealedRecord(value: unknown): value is SealedRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as Partial<SealedRecord>;
  return (
    record.format === 1 &&
    typeof record.recordId === 'string' &&
    typeof record.keyId === 'string' &&
    isBytes(record.iv) &&
    record.iv.byteLength === NONCE_BYTES &&
    isBytes(record.ciphertext)
  );
}

// IndexedDB and transports may hand back typed arrays from another realm, where instanceof fails.
function isBytes(value: unknown): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}

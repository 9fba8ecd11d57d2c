/**
 * What the RecordVault stores instead of a value: AES-256-GCM ciphertext under a per-record key.
 * Only IDs and cryptographic material; never personal data in clear.
 */
export interface SealedRecord {
  /** Format version, so a future cipher change can still open old records. */
  format: 1;
  recordId: string;
  /** The per-record key this record was sealed under (see VaultKeyRow). */
  keyId: string;
  /** 12-byte AES-GCM nonce, random per seal. */
  iv: Uint8Array<ArrayBuffer>;
  /** Ciphertext with the 16-byte GCM tag appended. */
  ciphertext: Uint8Array<ArrayBuffer>;
}

/** Proof that a record's key was destroyed; holds no personal data (SECURITY.md rule 7). */
export interface ShredReceipt {
  /** Random transaction id (UUID v4) the portal keeps as proof of deletion. */
  transactionId: string;
  /** ISO 8601 time of the deletion. */
  shreddedAt: string;
  /** How many per-record keys were destroyed (0 when the record had none). */
  keysDestroyed: number;
}

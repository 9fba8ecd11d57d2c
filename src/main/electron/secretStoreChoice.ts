/**
 * Secrets in the Electron shell (SECURITY.md rule 5): encrypted with `safeStorage` (Keychain,
 * DPAPI, libsecret/KWallet) into a file in the user data folder. When the OS offers no real key
 * store, `safeStorage` would fall back to a hard-coded key (`basic_text` on Linux), which is no
 * protection: then nothing sensitive is persisted and secrets live in RAM only, and the settings
 * view reports `memory-only` so the UI can say so.
 */
import { join } from 'node:path';
import { FileSecretStore, type SecretCipher } from '../services/secrets/fileSecretStore';
import { MemorySecretStore } from '../services/secrets/memorySecretStore';
import type { SecretStore } from '../services/secrets/secretStore';
import type { SafeStorageLike } from './electronApi';

export const SECRETS_FILE_NAME = 'secrets.json';

/** Linux backends that are not a real key store. `unknown`: asked before the app was ready. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function createSafeStorageCipher(safeStorage: SafeStorageLike): SecretCipher {
  return {
    kind: 'os-key-store',
    encrypt: (plainText) => safeStorage.encryptString(plainText),
    decrypt: (stored) => safeStorage.decryptString(stored),
  };
}

/** Why secrets are (or are not) persisted; for the startup log, no secret values. */
export type SecretStoreReason = 'os-key-store' | 'encryption-unavailable' | 'weak-backend';

export function secretStoreReason(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): SecretStoreReason {
  if (!safeStorage.isEncryptionAvailable()) return 'encryption-unavailable';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (WEAK_LINUX_BACKENDS.has(backend)) return 'weak-backend';
  }
  return 'os-key-store';
}

/** MUST be called after the app is ready (safeStorage answers reliably only then). */
export function chooseSecretStore(options: {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDirectory: string;
}): { store: SecretStore; reason: SecretStoreReason } {
  const reason = secretStoreReason(options.safeStorage, options.platform);
  if (reason !== 'os-key-store') return { store: new MemorySecretStore(), reason };
  return {
    store: new FileSecretStore(
      join(options.dataDirectory, SECRETS_FILE_NAME),
      createSafeStorageCipher(options.safeStorage),
    ),
    reason,
  };
}

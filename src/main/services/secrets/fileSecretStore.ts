import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomicFile';
import type { SecretStorageKind, SecretStore, StoredSecretName } from './secretStore';

/** Turns plain text into stored bytes and back; Electron plugs in `safeStorage` here. */
export interface SecretCipher {
  readonly kind: SecretStorageKind;
  encrypt(plainText: string): Buffer;
  decrypt(stored: Buffer): string;
}

/** The web shell host has no OS key store: a user-only file (0600), stated as weaker in the UI. */
export const PLAIN_FILE_CIPHER: SecretCipher = {
  kind: 'user-only-file',
  encrypt: (plainText) => Buffer.from(plainText, 'utf8'),
  decrypt: (stored) => stored.toString('utf8'),
};

/**
 * Secrets in one JSON file of base64 values, each passed through a cipher.
 * An unreadable file is treated as empty (secrets must then be entered again), never as fatal.
 */
export class FileSecretStore implements SecretStore {
  readonly kind: SecretStorageKind;
  private cache: Map<string, string> | undefined;

  constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher = PLAIN_FILE_CIPHER,
  ) {
    this.kind = cipher.kind;
  }

  async get(name: StoredSecretName): Promise<string | undefined> {
    const values = await this.load();
    const stored = values.get(name);
    if (stored === undefined) return undefined;
    try {
      return this.cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch {
      return undefined;
    }
  }

  async set(name: StoredSecretName, value: string | null): Promise<void> {
    const values = await this.load();
    if (value === null) values.delete(name);
    else values.set(name, this.cipher.encrypt(value).toString('base64'));
    await writeFileAtomically(this.path, JSON.stringify(Object.fromEntries(values)));
  }

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache;
    let entries: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        entries = parsed as Record<string, unknown>;
      }
    } catch {
      // Missing or unreadable: start empty.
    }
    this.cache = new Map(
      Object.entries(entries).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
    return this.cache;
  }
}

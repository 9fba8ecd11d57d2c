import type { SecretStore, StoredSecretName } from './secretStore';

/**
 * Keeps secrets in RAM only: used when the OS offers no real key store (SECURITY.md rule 5),
 * so nothing sensitive is persisted and secrets must be entered again after a restart.
 */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory-only' as const;
  private readonly values = new Map<StoredSecretName, string>();

  async get(name: StoredSecretName): Promise<string | undefined> {
    return this.values.get(name);
  }

  async set(name: StoredSecretName, value: string | null): Promise<void> {
    if (value === null) this.values.delete(name);
    else this.values.set(name, value);
  }
}

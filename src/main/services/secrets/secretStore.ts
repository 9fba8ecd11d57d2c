/**
 * Where the host keeps secrets (SIP password, provider keys, portal tokens).
 * Secrets MUST stay in the host process; nothing here is ever sent to the renderer.
 */
import type { SecretName } from '../../../shared/contract/services/settingsService';

export type SecretStorageKind = 'os-key-store' | 'user-only-file' | 'memory-only';

/**
 * Secret names the settings service manages plus host-internal ones (portal session, the
 * record vault's wrapping key).
 */
export type StoredSecretName = SecretName | 'portalRefreshToken' | 'vaultWrappingKey';

export interface SecretStore {
  readonly kind: SecretStorageKind;
  get(name: StoredSecretName): Promise<string | undefined>;
  /** `null` deletes the secret. */
  set(name: StoredSecretName, value: string | null): Promise<void>;
}

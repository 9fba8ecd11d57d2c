/**
 * Serves the record vault's wrapping key: 32 random bytes generated on first use and kept in the
 * host's SecretStore under `vaultWrappingKey`, so it is protected exactly like the SIP password
 * (OS key store in Electron, a user-only file in the web shell, RAM only when neither exists).
 */
import { randomBytes } from 'node:crypto';
import type { ServiceImplementation } from '../../../shared/contract/contractDefinition';
import { noEvents } from '../../../shared/contract/serviceEvents';
import {
  VAULT_WRAPPING_KEY_BYTES,
  type vaultService,
} from '../../../shared/contract/services/vaultService';
import type { SecretStore } from '../secrets/secretStore';

/** The SecretStore name of the wrapping key. */
export const VAULT_WRAPPING_KEY_SECRET = 'vaultWrappingKey' as const;

export function createVaultService(options: {
  secrets: SecretStore;
}): ServiceImplementation<typeof vaultService> {
  // One pending load shared by concurrent first calls, so two windows asking at once cannot
  // each generate a key and overwrite the other's (which would make records unreadable).
  let loading: Promise<Uint8Array> | undefined;

  const loadOrCreate = async (): Promise<Uint8Array> => {
    const stored = await options.secrets.get(VAULT_WRAPPING_KEY_SECRET);
    if (stored !== undefined) {
      const bytes = new Uint8Array(Buffer.from(stored, 'base64'));
      if (bytes.byteLength === VAULT_WRAPPING_KEY_BYTES) return bytes;
      // A damaged key cannot open anything sealed under it; replacing it shreds those records,
      // which is the only safe reading of a key we cannot trust.
    }
    const created = new Uint8Array(randomBytes(VAULT_WRAPPING_KEY_BYTES));
    await options.secrets.set(VAULT_WRAPPING_KEY_SECRET, Buffer.from(created).toString('base64'));
    return created;
  };

  return {
    events: noEvents(),
    methods: {
      getWrappingKey: async () => {
        loading ??= loadOrCreate().catch((error: unknown) => {
          loading = undefined;
          throw error;
        });
        // A copy per caller: a transport or caller that zeroes its bytes must not zero ours.
        return new Uint8Array(await loading);
      },
    },
  };
}

/**
 * The record vault's key source (SECURITY.md rule 6). The renderer seals every persisted call
 * record under its own per-record key and wraps that key with the wrapping key served here.
 *
 * The host MUST generate the wrapping key once (32 random bytes), keep it in its SecretStore and
 * return the same bytes on every call; with a memory-only secret store it lives until the host
 * stops, so records sealed before a restart can no longer be opened (RAM-only mode by design).
 * The renderer MUST import it as a non-extractable WebCrypto key and drop the raw bytes.
 */
import { z } from 'zod';
import { defineMethod, defineService } from '../contractDefinition';

/** Length of the wrapping key in bytes (AES-256). */
export const VAULT_WRAPPING_KEY_BYTES = 32;

export const WrappingKeySchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength === VAULT_WRAPPING_KEY_BYTES, {
    message: `The wrapping key must be ${VAULT_WRAPPING_KEY_BYTES} bytes`,
  });

export const vaultService = defineService({
  methods: {
    getWrappingKey: defineMethod(z.tuple([]), WrappingKeySchema),
  },
});

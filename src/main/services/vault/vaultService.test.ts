import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/memorySecretStore';
import { createVaultService, VAULT_WRAPPING_KEY_SECRET } from './vaultService';

describe('vault service', () => {
  it('creates a 32-byte key once and returns the same bytes afterwards', async () => {
    const secrets = new MemorySecretStore();
    const service = createVaultService({ secrets });
    const [first, second] = await Promise.all([
      service.methods.getWrappingKey(),
      service.methods.getWrappingKey(),
    ]);
    expect(first.byteLength).toBe(32);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(first.some((byte) => byte !== 0)).toBe(true);
    const third = await createVaultService({ secrets }).methods.getWrappingKey();
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
  });

  it('keeps the key in the secret store, not elsewhere', async () => {
    const secrets = new MemorySecretStore();
    const key = await createVaultService({ secrets }).methods.getWrappingKey();
    const stored = await secrets.get(VAULT_WRAPPING_KEY_SECRET);
    expect(stored).toBe(Buffer.from(key).toString('base64'));
  });

  it('replaces a damaged stored key', async () => {
    const secrets = new MemorySecretStore();
    await secrets.set(VAULT_WRAPPING_KEY_SECRET, Buffer.from([1, 2, 3]).toString('base64'));
    const key = await createVaultService({ secrets }).methods.getWrappingKey();
    expect(key.byteLength).toBe(32);
  });

  it('hands out copies, so zeroing one does not damage the next', async () => {
    const service = createVaultService({ secrets: new MemorySecretStore() });
    const first = await service.methods.getWrappingKey();
    const original = Buffer.from(first);
    first.fill(0);
    const second = await service.methods.getWrappingKey();
    expect(Buffer.from(second).equals(original)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword } from './passwordHashing';

describe('password hashing', () => {
  it('uses a memory-hard default (scrypt, 32 MiB) and a fresh salt per hash', async () => {
    expect(128 * DEFAULT_SCRYPT_COST.N * DEFAULT_SCRYPT_COST.r).toBe(32 * 1024 * 1024);
    const first = await hashPassword('Geheimnis-2025!');
    const second = await hashPassword('Geheimnis-2025!');
    expect(first).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('Geheimnis');
  });

  it('verifies the right password only', async () => {
    const cost = { N: 2 ** 10, r: 8, p: 1 };
    const stored = await hashPassword('richtig', cost);
    expect(await verifyPassword('richtig', stored)).toBe(true);
    expect(await verifyPassword('falsch', stored)).toBe(false);
    expect(await verifyPassword('richtig', stored.replace(/.$/, 'A'))).toBe(false);
  });

  it('rejects malformed or absurd hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$c2FsdA==$aGFzaA==')).toBe(false);
  });
});

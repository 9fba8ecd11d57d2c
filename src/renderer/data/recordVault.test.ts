import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDatabase, type LocalDatabase } from './localDatabase';
import {
  createRecordVault,
  importWrappingKey,
  RecordVault,
  RecordVaultError,
  type SealedRecord,
} from './recordVault';

const CANARY = 'Erika Mustermann +49 30 1234567 Rückruf wegen Befund';
const databases: LocalDatabase[] = [];

async function setup(rawKey = crypto.getRandomValues(new Uint8Array(32))) {
  const database = createLocalDatabase(`vault-test-${crypto.randomUUID()}`);
  databases.push(database);
  const vault = new RecordVault(database, await importWrappingKey(new Uint8Array(rawKey)));
  return { database, vault, rawKey };
}

afterEach(async () => {
  for (const database of databases.splice(0)) await database.delete();
});

async function expectFailure(promise: Promise<unknown>, reason: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(RecordVaultError);
  await expect(promise).rejects.toMatchObject({ reason });
}

/** Reads every row of every object store straight from IndexedDB, below Dexie. */
async function dumpIndexedDb(name: string): Promise<string[]> {
  const request = indexedDB.open(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const dumps: string[] = [];
  for (const storeName of Array.from(idb.objectStoreNames)) {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const all = idb.transaction(storeName).objectStore(storeName).getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    for (const row of rows) dumps.push(serialiseWithBytes(row));
  }
  idb.close();
  return dumps;
}

// Typed arrays are decoded as UTF-8 too, so plaintext hidden in bytes would also be found.
function serialiseWithBytes(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    ArrayBuffer.isView(item)
      ? new TextDecoder('utf-8', { fatal: false }).decode(item as Uint8Array)
      : item,
  );
}

describe('RecordVault', () => {
  it('round-trips a value', async () => {
    const { vault } = await setup();
    const value = { caller: CANARY, durationSeconds: 93, tags: ['Rückruf'] };
    const sealed = await vault.seal('call-1', value);
    expect(sealed.recordId).toBe('call-1');
    expect(sealed.iv.byteLength).toBe(12);
    expect(await vault.open(sealed)).toEqual(value);
  });

  it('uses one key per record id and a fresh nonce per seal', async () => {
    const { vault, database } = await setup();
    const first = await vault.seal('call-1', 'a');
    const second = await vault.seal('call-1', 'a');
    const other = await vault.seal('call-2', 'a');
    expect(second.keyId).toBe(first.keyId);
    expect(other.keyId).not.toBe(first.keyId);
    expect(Array.from(second.iv)).not.toEqual(Array.from(first.iv));
    expect(await database.vaultKeys.count()).toBe(2);
  });

  it('detects a flipped ciphertext bit', async () => {
    const { vault } = await setup();
    const sealed = await vault.seal('call-1', CANARY);
    const ciphertext = new Uint8Array(sealed.ciphertext);
    ciphertext[0]! ^= 1;
    await expectFailure(vault.open({ ...sealed, ciphertext }), 'tampered');
  });

  it('detects a ciphertext moved to another record', async () => {
    const { vault } = await setup();
    const victim = await vault.seal('call-1', CANARY);
    const other = await vault.seal('call-2', 'harmless');
    const moved: SealedRecord = { ...victim, recordId: 'call-2', keyId: other.keyId };
    await expectFailure(vault.open(moved), 'tampered');
  });

  it('detects a damaged wrapped key', async () => {
    const { vault, database, rawKey } = await setup();
    const sealed = await vault.seal('call-1', CANARY);
    const row = (await database.vaultKeys.get(sealed.keyId))!;
    const damaged = new Uint8Array(row.wrappedKey);
    damaged[3]! ^= 0xff;
    await database.vaultKeys.put({ ...row, wrappedKey: damaged });
    // A fresh instance with the right wrapping key, so no cached key hides the damage.
    const fresh = new RecordVault(database, await importWrappingKey(new Uint8Array(rawKey)));
    await expectFailure(fresh.open(sealed), 'tampered');
  });

  it('cannot open records with another wrapping key', async () => {
    const { vault, database } = await setup();
    const sealed = await vault.seal('call-1', CANARY);
    const stranger = new RecordVault(
      database,
      await importWrappingKey(crypto.getRandomValues(new Uint8Array(32))),
    );
    await expectFailure(stranger.open(sealed), 'tampered');
  });

  it('opens records after a restart with the same wrapping key', async () => {
    const { vault, database, rawKey } = await setup();
    const sealed = await vault.seal('call-1', CANARY);
    const restarted = new RecordVault(database, await importWrappingKey(new Uint8Array(rawKey)));
    expect(await restarted.open(sealed)).toBe(CANARY);
  });

  it('shred makes every copy unreadable, also in another vault instance', async () => {
    const { vault, database, rawKey } = await setup();
    const sealed = await vault.seal('call-1', CANARY);
    const otherTab = new RecordVault(database, await importWrappingKey(new Uint8Array(rawKey)));
    expect(await otherTab.open(sealed)).toBe(CANARY);
    await vault.saveRecord('history', 'call-1', { caller: CANARY });
    const keep = await vault.seal('call-2', 'still here');

    const receipt = await vault.shred('call-1');

    await expectFailure(vault.open(sealed), 'key-destroyed');
    await expectFailure(otherTab.open(sealed), 'key-destroyed');
    expect(await vault.loadRecord('history', 'call-1')).toBeUndefined();
    expect(await database.sealedRecords.count()).toBe(0);
    expect(await vault.open(keep)).toBe('still here');
    expect(receipt.keysDestroyed).toBe(1);
    expect(receipt.transactionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(receipt.shreddedAt))).toBe(false);
    expect(JSON.stringify(receipt)).not.toContain('call-1');
    expect(JSON.stringify(receipt)).not.toContain('Erika');
  });

  it('gives each shred its own transaction id', async () => {
    const { vault } = await setup();
    await vault.seal('call-1', 'x');
    const first = await vault.shred('call-1');
    const second = await vault.shred('call-1');
    expect(second.transactionId).not.toBe(first.transactionId);
    expect(second.keysDestroyed).toBe(0);
  });

  it('leaves no plaintext in any IndexedDB row', async () => {
    const { vault, database } = await setup();
    await vault.saveRecord('history', 'call-7', { caller: CANARY, note: CANARY });
    const sealed = await vault.seal('call-8', CANARY);
    await database.sealedRecords.put({
      kind: 'transcript',
      recordId: 'call-8',
      updatedAt: 1,
      sealed,
    });
    expect(await vault.loadRecord('history', 'call-7')).toEqual({ caller: CANARY, note: CANARY });

    const rows = await dumpIndexedDb(database.name);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const fragment of ['Erika', 'Mustermann', '1234567', 'Befund']) {
      expect(rows.filter((row) => row.includes(fragment))).toEqual([]);
    }
  });

  it('refuses malformed records and record ids', async () => {
    const { vault } = await setup();
    await expectFailure(vault.open({ format: 1 } as unknown as SealedRecord), 'invalid-record');
    await expectFailure(vault.seal('', 'x'), 'invalid-record');
  });

  it('imports the wrapping key as non-extractable and zeroes the raw bytes', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const key = await importWrappingKey(raw);
    expect(key.extractable).toBe(false);
    expect(raw.every((byte) => byte === 0)).toBe(true);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toBeDefined();
  });

  it('gets the wrapping key through the platform client', async () => {
    const database = createLocalDatabase(`vault-test-${crypto.randomUUID()}`);
    databases.push(database);
    const rawKey = crypto.getRandomValues(new Uint8Array(32));
    const client = {
      vault: { getWrappingKey: async () => ({ ok: true as const, value: new Uint8Array(rawKey) }) },
    };
    const vault = await createRecordVault(database, client);
    expect(await vault.open(await vault.seal('call-1', 'x'))).toBe('x');
    const failing = {
      vault: {
        getWrappingKey: async () => ({
          ok: false as const,
          error: { code: 'unavailable' as const, message: 'down' },
        }),
      },
    };
    await expectFailure(createRecordVault(database, failing), 'no-wrapping-key');
  });
});

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SafeStorageFake } from './electronApiFake';
import { SECRETS_FILE_NAME, chooseSecretStore } from './secretStoreChoice';

describe('secret store choice', () => {
  let dataDirectory: string;
  beforeEach(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'empfang-secrets-'));
  });
  afterEach(() => rm(dataDirectory, { recursive: true, force: true }));

  it('persists secrets encrypted by safeStorage when a real key store exists', async () => {
    const { store, reason } = chooseSecretStore({
      safeStorage: new SafeStorageFake(true, 'gnome_libsecret'),
      platform: 'linux',
      dataDirectory,
    });
    expect(reason).toBe('os-key-store');
    expect(store.kind).toBe('os-key-store');
    await store.set('sipPassword', 'canary-secret-4711');
    const file = await readFile(join(dataDirectory, SECRETS_FILE_NAME), 'utf8');
    expect(file).not.toContain('canary-secret-4711');
    const reopened = chooseSecretStore({
      safeStorage: new SafeStorageFake(true, 'gnome_libsecret'),
      platform: 'linux',
      dataDirectory,
    }).store;
    expect(await reopened.get('sipPassword')).toBe('canary-secret-4711');
  });

  it('keeps secrets in RAM only with the basic_text backend and writes nothing', async () => {
    const { store, reason } = chooseSecretStore({
      safeStorage: new SafeStorageFake(true, 'basic_text'),
      platform: 'linux',
      dataDirectory,
    });
    expect(reason).toBe('weak-backend');
    expect(store.kind).toBe('memory-only');
    await store.set('sipPassword', 'canary-secret-4711');
    expect(await store.get('sipPassword')).toBe('canary-secret-4711');
    expect(await readdir(dataDirectory)).toEqual([]);
  });

  it('keeps secrets in RAM only when encryption is unavailable or the backend unknown', () => {
    expect(
      chooseSecretStore({
        safeStorage: new SafeStorageFake(false),
        platform: 'darwin',
        dataDirectory,
      }).store.kind,
    ).toBe('memory-only');
    expect(
      chooseSecretStore({
        safeStorage: new SafeStorageFake(true, 'unknown'),
        platform: 'linux',
        dataDirectory,
      }).reason,
    ).toBe('weak-backend');
  });

  it('trusts the OS store on macOS and Windows, where no backend is reported', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(
        chooseSecretStore({
          safeStorage: new SafeStorageFake(true, undefined),
          platform,
          dataDirectory,
        }).store.kind,
      ).toBe('os-key-store');
    }
  });
});

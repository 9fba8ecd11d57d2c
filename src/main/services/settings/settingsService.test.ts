import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/memorySecretStore';
import { createSettingsService } from './settingsService';

let directory: string;
let filePath: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'empfang-settings-'));
  filePath = join(directory, 'settings.json');
});
afterEach(() => rm(directory, { recursive: true, force: true }));

describe('settings service', () => {
  it('saves valid values and never returns secrets', async () => {
    const secrets = new MemorySecretStore();
    const service = await createSettingsService({ filePath, secrets });
    const view = await service.methods.update({
      values: {
        sip: {
          uri: 'sip:1001@pbx.example.org',
          webSocketServer: 'wss://pbx.example.org:8443',
          authorizationUser: '1001',
        },
      },
      secrets: { sipPassword: 'canary-secret-4711' },
    });
    expect(view.secretsSet.sipPassword).toBe(true);
    expect(JSON.stringify(view)).not.toContain('canary-secret-4711');
    expect(await readFile(filePath, 'utf8')).not.toContain('canary-secret-4711');
    expect(await service.readSecret('sipPassword')).toBe('canary-secret-4711');
  });

  it('rejects invalid values with field errors and saves nothing', async () => {
    const service = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    const cases = [
      { values: { sip: { uri: 'sip:@host' } } },
      { values: { sip: { uri: 'sip:1001@' } } },
      { values: { sip: { webSocketServer: 'http://not-a-websocket' } } },
      { values: { portalUrl: 'not a url' } },
      { values: { sip: { authorizationUser: '1001' } } },
    ];
    for (const change of cases) {
      await expect(service.methods.update(change)).rejects.toMatchObject({
        code: 'validation',
        fieldErrors: expect.arrayContaining([
          expect.objectContaining({ path: expect.any(String) }),
        ]),
      });
    }
    await expect(readFile(filePath, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does not lose either of two concurrent updates', async () => {
    const service = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    await Promise.all([
      service.methods.update({ values: { language: 'en' } }),
      service.methods.update({ values: { theme: 'dark' } }),
    ]);
    const saved = JSON.parse(await readFile(filePath, 'utf8'));
    expect(saved).toMatchObject({ language: 'en', theme: 'dark' });
  });

  it('whenIdle waits for an update still being written', async () => {
    const service = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    void service.methods.update({ values: { language: 'en' } });
    await service.whenIdle();
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toMatchObject({ language: 'en' });
  });

  it('lets a language change through when a RAM-only password was lost at restart', async () => {
    const first = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    await first.methods.update({
      values: {
        sip: {
          uri: 'sip:1001@pbx.example.org',
          webSocketServer: 'wss://pbx.example.org',
          authorizationUser: '1001',
        },
      },
      secrets: { sipPassword: 'x' },
    });
    const restarted = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    expect((await restarted.methods.update({ values: { language: 'en' } })).values.language).toBe(
      'en',
    );
  });

  it('starts with defaults from a corrupt file and keeps it as a backup', async () => {
    await writeFile(filePath, '{ "sip": broken');
    const service = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    const view = await service.methods.get();
    expect(view.values.language).toBe('de');
    const backup = view.recoveredFromCorruptFile?.backupFileName ?? '';
    expect(backup).toMatch(/^settings\.json\.corrupt-/);
    expect(await readdir(directory)).toContain(backup);
    expect(await readFile(join(directory, backup), 'utf8')).toBe('{ "sip": broken');
    const acknowledged = await service.methods.acknowledgeRecovery();
    expect(acknowledged.recoveredFromCorruptFile).toBeUndefined();
  });

  it('treats a hand-edited file that fails the schema like a corrupt one', async () => {
    await writeFile(filePath, JSON.stringify({ language: 'fr' }));
    const service = await createSettingsService({ filePath, secrets: new MemorySecretStore() });
    expect((await service.methods.get()).recoveredFromCorruptFile).toBeDefined();
  });
});

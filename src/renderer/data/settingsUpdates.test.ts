import { describe, expect, it } from 'vitest';
import type { AppClient } from '../../shared/contract/appContract';
import {
  DEFAULT_SETTINGS,
  type SettingsUpdate,
  type SettingsView,
} from '../../shared/contract/services/settingsService';
import type { Result } from '../../shared/rpc/result';
import { updateSettings } from './settingsUpdates';

/** A host that, like the real one, merges into the values it holds when a call arrives. */
function slowMergingHost() {
  let values = DEFAULT_SETTINGS;
  const settings = {
    update: async (update: SettingsUpdate): Promise<Result<SettingsView>> => {
      const merged = { ...values, ...update.values } as typeof values;
      // The first call is slower, as a file write can be.
      await new Promise((resolve) => setTimeout(resolve, update.values?.theme ? 30 : 1));
      values = merged;
      return {
        ok: true,
        value: {
          values,
          secretsSet: { sipPassword: false, deepgramApiKey: false, openAiApiKey: false },
          secretStorage: 'memory-only',
        },
      };
    },
  };
  return { client: { settings } as unknown as Pick<AppClient, 'settings'>, values: () => values };
}

describe('updateSettings', () => {
  it('sends one update after the other so none undoes the previous', async () => {
    const host = slowMergingHost();
    await Promise.all([
      updateSettings(host.client, { values: { theme: 'dark' } }),
      updateSettings(host.client, { values: { portalUrl: 'https://portal.example.org' } }),
    ]);
    expect(host.values().theme).toBe('dark');
    expect(host.values().portalUrl).toBe('https://portal.example.org');
  });

  it('loses the first update without the queue (the race it prevents)', async () => {
    const host = slowMergingHost();
    await Promise.all([
      host.client.settings.update({ values: { theme: 'dark' } }),
      host.client.settings.update({ values: { portalUrl: 'https://portal.example.org' } }),
    ]);
    expect(host.values().theme).toBe('dark');
    expect(host.values().portalUrl).toBe('');
  });
});

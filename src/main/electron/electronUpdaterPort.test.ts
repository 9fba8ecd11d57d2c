import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createUpdatePolicy } from '../services/updates/updatePolicy';
import type { UpdaterEvent } from '../services/updates/updaterPort';
import { createElectronUpdaterPort, type AutoUpdaterLike } from './electronUpdaterPort';

class AutoUpdaterFake extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = console;
  feeds: unknown[] = [];
  installs: [boolean | undefined, boolean | undefined][] = [];
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.emit('checking-for-update');
    this.emit('update-available', { version: '2.0.0' });
    return { isUpdateAvailable: true };
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

describe('electron-updater port', () => {
  it('configures electron-updater and maps its events', async () => {
    const autoUpdater = new AutoUpdaterFake();
    const port = createElectronUpdaterPort(autoUpdater, { active: true });
    expect(autoUpdater.autoDownload).toBe(true);
    expect(autoUpdater.logger).toBeNull();
    const seen: UpdaterEvent[] = [];
    const stop = port.onEvent((event) => seen.push(event));
    port.setFeedUrl('https://updates.example.org/empfang');
    await port.check();
    autoUpdater.emit('download-progress', { percent: 42.5 });
    autoUpdater.emit('update-downloaded', { version: '2.0.0' });
    autoUpdater.emit('error', new Error('offline'));
    expect(autoUpdater.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.org/empfang' },
    ]);
    expect(seen).toEqual([
      { type: 'checking' },
      { type: 'available', version: '2.0.0' },
      { type: 'progress', percent: 42.5 },
      { type: 'downloaded', version: '2.0.0' },
      { type: 'error', message: 'offline' },
    ]);
    stop();
    expect(autoUpdater.listenerCount('error')).toBe(0);
  });

  it('with the policy: a download finishing during a call does not quit the app', async () => {
    const autoUpdater = new AutoUpdaterFake();
    const policy = createUpdatePolicy({
      updater: createElectronUpdaterPort(autoUpdater, { active: true }),
      feedUrl: () => 'https://updates.example.org/empfang',
    });
    await policy.methods.check();
    await policy.methods.setCallActive(true);
    autoUpdater.emit('update-downloaded', { version: '2.0.0' });
    await expect(policy.methods.installNow()).rejects.toMatchObject({ code: 'conflict' });
    expect(autoUpdater.installs).toEqual([]);
    await policy.methods.setCallActive(false);
    expect(autoUpdater.installs).toEqual([[false, true]]);
  });
});

/**
 * electron-updater behind the pure {@link UpdaterPort}, so the update policy (never install during
 * a call) lives and is tested in services/updates. The `autoUpdater` object is passed in: tests
 * use a fake, main.ts the real one.
 */
import type { UpdaterPort } from '../services/updates/updaterPort';

type UpdaterEventName =
  | 'checking-for-update'
  | 'update-available'
  | 'update-not-available'
  | 'download-progress'
  | 'update-downloaded'
  | 'error';

/** The part of electron-updater's AppUpdater used here. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: UpdaterEventName, listener: (payload: unknown) => void): unknown;
  removeListener(event: UpdaterEventName, listener: (payload: unknown) => void): unknown;
}

export function createElectronUpdaterPort(
  autoUpdater: AutoUpdaterLike,
  options: { active: boolean },
): UpdaterPort {
  autoUpdater.autoDownload = true;
  // Quitting ends any call, so installing a downloaded update on quit is safe and expected.
  autoUpdater.autoInstallOnAppQuit = true;
  // electron-updater logs feed URLs and response bodies to the console by default.
  autoUpdater.logger = null;
  return {
    active: options.active,
    setFeedUrl: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    install: () => autoUpdater.quitAndInstall(false, true),
    onEvent(listener) {
      const handlers: [UpdaterEventName, (payload: unknown) => void][] = [
        ['checking-for-update', () => listener({ type: 'checking' })],
        ['update-available', (info) => listener({ type: 'available', version: versionOf(info) })],
        ['update-not-available', () => listener({ type: 'not-available' })],
        [
          'download-progress',
          (progress) => listener({ type: 'progress', percent: percentOf(progress) }),
        ],
        ['update-downloaded', (info) => listener({ type: 'downloaded', version: versionOf(info) })],
        [
          'error',
          (error) =>
            listener({
              type: 'error',
              message: error instanceof Error ? error.message : 'Update failed',
            }),
        ],
      ];
      for (const [event, handler] of handlers) autoUpdater.on(event, handler);
      return () => {
        for (const [event, handler] of handlers) autoUpdater.removeListener(event, handler);
      };
    },
  };
}

function versionOf(info: unknown): string {
  const version = (info as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : 'unknown';
}

function percentOf(progress: unknown): number {
  const percent = (progress as { percent?: unknown } | undefined)?.percent;
  return typeof percent === 'number' ? percent : 0;
}

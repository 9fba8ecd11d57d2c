/**
 * Electron main entry (built to out/main/index.js). The only file that hands the real `electron`
 * modules to the shell; everything else takes them as parameters so it can be unit-tested.
 */
import {
  BrowserWindow,
  Menu,
  app,
  globalShortcut,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { fileURLToPath } from 'node:url';
import type { UpdaterPort } from '../services/updates/updaterPort';
import { startElectronApp } from './electronApp';
import { createElectronUpdaterPort, type AutoUpdaterLike } from './electronUpdaterPort';

const log = (entry: Record<string, unknown>): void => console.log(JSON.stringify(entry));

/** electron-updater is loaded only in packaged builds; development builds have nothing to update. */
async function createUpdater(): Promise<UpdaterPort> {
  if (!app.isPackaged) return createElectronUpdaterPort(inactiveUpdater(), { active: false });
  const { default: electronUpdater } = await import('electron-updater');
  return createElectronUpdaterPort(electronUpdater.autoUpdater as unknown as AutoUpdaterLike, {
    active: true,
  });
}

function inactiveUpdater(): AutoUpdaterLike {
  return {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    setFeedURL: () => undefined,
    checkForUpdates: async () => null,
    quitAndInstall: () => undefined,
    on: () => undefined,
    removeListener: () => undefined,
  };
}

startElectronApp({
  electron: {
    app,
    BrowserWindow,
    Menu,
    session,
    protocol,
    ipcMain,
    safeStorage,
    shell,
    globalShortcut,
  },
  preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  rendererDirectory: fileURLToPath(new URL('../renderer', import.meta.url)),
  iconPath: fileURLToPath(new URL('../../resources/icon.png', import.meta.url)),
  developmentServerUrl: process.env.ELECTRON_RENDERER_URL,
  dataDirectoryOverride: process.env.EMPFANG_DATA_DIR,
  platform: process.platform,
  createUpdater,
  log,
}).catch((error: unknown) => {
  log({ event: 'startup-failed', message: error instanceof Error ? error.name : 'unknown' });
  app.exit(1);
});

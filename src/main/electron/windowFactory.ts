/**
 * Every window comes from {@link createWindowFactory}: secure options, the security handlers on
 * its webContents, the IPC transport attached, and the app URL loaded. It also remembers which
 * webContents are ours, which the IPC sender check relies on.
 *
 * To add a window kind: give `createWindow` a different entry path on the app origin; never
 * construct BrowserWindow elsewhere, never load a remote or file:// URL.
 */
import type { BrowserWindowConstructor, BrowserWindowLike, WebContentsLike } from './electronApi';
import { createWindowOptions } from './windowOptions';

export interface WindowFactoryOptions {
  BrowserWindow: BrowserWindowConstructor;
  preloadPath: string;
  iconPath?: string;
  development: boolean;
  /** The page to load: APP_ENTRY_URL, or the dev server URL in development. */
  entryUrl: string;
  /** Runs before the page loads: security handlers and the IPC transport attach here. */
  prepareWebContents(webContents: WebContentsLike): void;
  /** Called when loading the entry page fails; never with page contents. */
  onLoadFailed?(reason: string): void;
}

export interface WindowFactory {
  createWindow(): BrowserWindowLike;
  /** True only for the webContents of a live window this factory created. */
  isOwnWebContents(webContents: WebContentsLike): boolean;
  windows(): BrowserWindowLike[];
}

export function createWindowFactory(options: WindowFactoryOptions): WindowFactory {
  const open = new Map<number, { window: BrowserWindowLike; webContents: WebContentsLike }>();

  return {
    createWindow() {
      const window = new options.BrowserWindow(
        createWindowOptions({
          preloadPath: options.preloadPath,
          development: options.development,
          iconPath: options.iconPath,
        }),
      );
      const { webContents } = window;
      open.set(webContents.id, { window, webContents });
      window.on('closed', () => open.delete(webContents.id));
      window.once('ready-to-show', () => window.show());
      options.prepareWebContents(webContents);
      webContents.loadURL(options.entryUrl).catch((error: unknown) => {
        options.onLoadFailed?.(error instanceof Error ? error.message : 'load failed');
      });
      return window;
    },
    isOwnWebContents(webContents) {
      // Electron never reuses webContents ids, and closed windows leave the map.
      return open.has(webContents.id) && !webContents.isDestroyed();
    },
    windows: () => [...open.values()].map((entry) => entry.window),
  };
}

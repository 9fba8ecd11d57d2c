/**
 * The options of every window (SECURITY.md rule 1). Nothing else in the app constructs
 * BrowserWindow options, so this is the single place a reviewer has to read.
 */
import type { WindowOptions } from './electronApi';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** DevTools only in development builds. */
  development: boolean;
  /** resources/icon.png, shipped inside app.asar. */
  iconPath?: string;
}

export function createWindowOptions(input: WindowOptionsInput): WindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the agent never sees a white flash.
    show: false,
    title: 'Empfang',
    backgroundColor: '#1f2328',
    autoHideMenuBar: true,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // A minimised desk must still notice a dead SIP link within 10 s and ring on time;
      // Chromium throttles timers of background windows to once a minute otherwise.
      backgroundThrottling: false,
      devTools: input.development,
    },
  };
}

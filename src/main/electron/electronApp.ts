/**
 * The Electron shell's startup and shutdown, with the Electron API injected (main.ts passes the
 * real modules, tests pass fakes). Order matters and is kept here in one place:
 *
 * 1. before ready: user data override, single-instance lock, sandbox for all renderers, the
 *    privileged `empfang://` scheme, security handlers for every webContents ever created;
 * 2. after ready: secret store (safeStorage or RAM-only), services, session security (permissions,
 *    CSP), the app protocol handler, the IPC transport, then the window;
 * 3. on quit: timers, transport, updater and services disposed (bounded by a timeout).
 */
import { APP_CONTRACT } from '../../shared/contract/appContract';
import { originsOf } from '../../shared/security/contentSecurityPolicy';
import { createServices, type HostServices } from '../services/createServices';
import { createUpdatePolicy } from '../services/updates/updatePolicy';
import type { UpdaterPort } from '../services/updates/updaterPort';
import { registerAppScheme, installAppProtocol } from './appProtocol';
import { APP_ENTRY_URL, appOrigins } from './appOrigin';
import { buildAppContentSecurityPolicy, installContentSecurityHeaders } from './contentSecurity';
import type {
  AppLike,
  BrowserWindowConstructor,
  GlobalShortcutLike,
  IpcMainLike,
  MenuLike,
  ProtocolLike,
  SafeStorageLike,
  SessionLike,
  ShellLike,
  WebContentsLike,
} from './electronApi';
import { createGlobalShortcutKeys, type GlobalShortcutKeys } from './globalShortcuts';
import { createIpcTransport, type IpcTransport } from './ipcTransport';
import { chooseSecretStore } from './secretStoreChoice';
import {
  installSessionSecurity,
  installWebContentsSecurity,
  type SecurityOptions,
} from './securityHandlers';
import { createWindowFactory, type WindowFactory } from './windowFactory';

export interface ElectronModules {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor;
  /** `defaultSession` is read only after the app is ready. */
  session: { readonly defaultSession: SessionLike };
  protocol: ProtocolLike;
  ipcMain: IpcMainLike;
  safeStorage: SafeStorageLike;
  shell: ShellLike;
  Menu: MenuLike;
  globalShortcut: GlobalShortcutLike;
}

export interface ElectronAppOptions {
  electron: ElectronModules;
  /** Built preload (out/preload/index.cjs) and renderer folder (out/renderer). */
  preloadPath: string;
  rendererDirectory: string;
  iconPath?: string;
  /** electron-vite's ELECTRON_RENDERER_URL; honoured only in an unpackaged build. */
  developmentServerUrl?: string;
  /** EMPFANG_DATA_DIR: a separate profile (tests, a second desk on one machine). */
  dataDirectoryOverride?: string;
  platform: NodeJS.Platform;
  createUpdater(): Promise<UpdaterPort>;
  /** Structured log lines; callers MUST NOT put personal data in them. */
  log(entry: Record<string, unknown>): void;
  /** Runs a callback every interval until cancelled (tests pass a fake). */
  scheduleRepeating?(callback: () => void, milliseconds: number): () => void;
}

export interface RunningElectronApp {
  host: HostServices;
  windows: WindowFactory;
  transport: IpcTransport;
  shortcuts: GlobalShortcutKeys;
  shutdown(): Promise<void>;
}

const UPDATE_CHECK_INTERVAL_MILLISECONDS = 4 * 60 * 60 * 1000;
const SHUTDOWN_TIMEOUT_MILLISECONDS = 3000;

/** Resolves with the running app, or undefined when another instance already runs. */
export async function startElectronApp(
  options: ElectronAppOptions,
): Promise<RunningElectronApp | undefined> {
  const { app, protocol } = options.electron;
  if (options.dataDirectoryOverride) app.setPath('userData', options.dataDirectoryOverride);
  if (!app.requestSingleInstanceLock()) {
    options.log({ event: 'second-instance', action: 'quit' });
    app.quit();
    return undefined;
  }
  app.enableSandbox();
  registerAppScheme(protocol);

  // An empty ELECTRON_RENDERER_URL counts as unset.
  const developmentServerUrl =
    app.isPackaged || !options.developmentServerUrl ? undefined : options.developmentServerUrl;
  const origins = appOrigins(developmentServerUrl);
  // Filled in after ready; handlers installed before ready read them when they fire.
  const late: { host?: HostServices; windows?: WindowFactory } = {};
  const security: SecurityOptions = {
    appOrigins: origins,
    externalOrigins: () =>
      originsOf([late.host?.settings.current().portalUrl ?? '']).filter((origin) =>
        origin.startsWith('https:'),
      ),
    shell: options.electron.shell,
    onDenied: (kind) => options.log({ event: 'denied', kind }),
  };
  app.on('web-contents-created', (_event: unknown, contents: WebContentsLike) =>
    installWebContentsSecurity(contents, security),
  );
  app.on('second-instance', () => {
    const window = late.windows?.windows()[0];
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  // No menu bar on Linux and Windows: the desk is keyboard-first (Alt+digit), and a lone Alt
  // would otherwise pop up Electron's default menu. macOS keeps its menu for Cmd+C/V/Q.
  if (options.platform !== 'darwin') options.electron.Menu.setApplicationMenu(null);

  const dataDirectory = app.getPath('userData');
  const secrets = chooseSecretStore({
    safeStorage: options.electron.safeStorage,
    platform: options.platform,
    dataDirectory,
  });
  options.log({ event: 'secret-storage', kind: secrets.store.kind, reason: secrets.reason });

  const updates = createUpdatePolicy({
    updater: await options.createUpdater(),
    feedUrl: () => late.host?.settings.current().updateFeedUrl ?? '',
  });
  const running = await createServices({
    shell: 'electron',
    appVersion: app.getVersion(),
    dataDirectory,
    secrets: secrets.store,
    capabilities: { updates: app.isPackaged, osNotifications: true },
    updates,
  });
  late.host = running;

  const contentSecurityPolicy = (): string =>
    buildAppContentSecurityPolicy({
      sipWebSocketServer: running.settings.current().sip.webSocketServer,
      developmentServerUrl,
    });
  const session = options.electron.session.defaultSession;
  installSessionSecurity(session, security);
  installContentSecurityHeaders(session, contentSecurityPolicy);
  installAppProtocol(protocol, {
    rendererDirectory: options.rendererDirectory,
    contentSecurityPolicy,
  });

  const transport = createIpcTransport({
    ipcMain: options.electron.ipcMain,
    contract: APP_CONTRACT,
    services: running.services,
    rules: {
      isOwnWebContents: (webContents) => factory.isOwnWebContents(webContents),
      appOrigins: origins,
    },
    onRejected: (reason) => options.log({ event: 'rejected', reason }),
  });
  const factory = createWindowFactory({
    BrowserWindow: options.electron.BrowserWindow,
    preloadPath: options.preloadPath,
    iconPath: options.iconPath,
    development: developmentServerUrl !== undefined,
    entryUrl: developmentServerUrl ?? APP_ENTRY_URL,
    prepareWebContents: (webContents) => transport.attach(webContents),
    onLoadFailed: () => options.log({ event: 'load-failed' }),
  });
  late.windows = factory;
  factory.createWindow();

  const shortcuts = createGlobalShortcutKeys({
    globalShortcut: options.electron.globalShortcut,
    onAction: (action) => running.system.emitGlobalShortcut(action),
    log: options.log,
  });
  let shortcutKeys = JSON.stringify(running.settings.current().globalShortcuts);
  shortcuts.apply(running.settings.current().globalShortcuts);
  const stopShortcutFollow = running.settings.events.subscribe((event) => {
    if (event !== 'onDidChange') return;
    const next = running.settings.current().globalShortcuts;
    // Other settings change far more often; keys are re-registered only when they changed.
    if (JSON.stringify(next) === shortcutKeys) return;
    shortcutKeys = JSON.stringify(next);
    shortcuts.apply(next);
  });

  const scheduleRepeating = options.scheduleRepeating ?? repeatInBackground;
  const cancelChecks = scheduleRepeating(
    () => void updates.methods.check(),
    UPDATE_CHECK_INTERVAL_MILLISECONDS,
  );
  void updates.methods.check();

  let stopped: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopped ??= (async () => {
      cancelChecks();
      stopShortcutFollow();
      shortcuts.dispose();
      transport.dispose();
      updates.dispose();
      await Promise.race([
        running.dispose(),
        new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MILLISECONDS).unref()),
      ]);
    })();
    return stopped;
  };
  let quitting = false;
  app.on('will-quit', (event: { preventDefault(): void }) => {
    if (quitting) return;
    // Hold the quit until services have flushed, then quit for real.
    event.preventDefault();
    void shutdown().finally(() => {
      quitting = true;
      app.quit();
    });
  });

  return { host: running, windows: factory, transport, shortcuts, shutdown };
}

/** setInterval that does not keep the process alive. */
function repeatInBackground(callback: () => void, milliseconds: number): () => void {
  const timer = setInterval(callback, milliseconds);
  timer.unref();
  return () => clearInterval(timer);
}

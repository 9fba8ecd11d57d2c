import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract/channels';
import type { UpdaterPort } from '../services/updates/updaterPort';
import { startElectronApp, type ElectronAppOptions, type RunningElectronApp } from './electronApp';
import {
  AppFake,
  BrowserWindowFake,
  ElectronEventFake,
  GlobalShortcutFake,
  IpcMainFake,
  MenuFake,
  ProtocolFake,
  SafeStorageFake,
  SessionFake,
  ShellFake,
  type WebContentsFake,
} from './electronApiFake';

const inactiveUpdater: UpdaterPort = {
  active: false,
  setFeedUrl: () => undefined,
  check: async () => undefined,
  install: () => undefined,
  onEvent: () => () => undefined,
};

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

describe('Electron app startup', () => {
  let userData: string;
  let app: AppFake;
  let protocol: ProtocolFake;
  let ipcMain: IpcMainFake;
  let session: SessionFake;
  let safeStorage: SafeStorageFake;
  let menu: MenuFake;
  let globalShortcut: GlobalShortcutFake;
  let logs: Record<string, unknown>[];
  let started: RunningElectronApp[];

  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'empfang-electron-'));
    app = new AppFake(userData);
    protocol = new ProtocolFake();
    protocol.isReady = () => app.ready;
    ipcMain = new IpcMainFake();
    session = new SessionFake();
    safeStorage = new SafeStorageFake(true, 'basic_text');
    menu = new MenuFake();
    globalShortcut = new GlobalShortcutFake();
    logs = [];
    started = [];
    BrowserWindowFake.created.length = 0;
    // Electron fires web-contents-created while the BrowserWindow is constructed.
    BrowserWindowFake.onCreate = (window) =>
      app.emit('web-contents-created', {}, window.webContents);
  });
  afterEach(async () => {
    await Promise.all(started.map((running) => running.shutdown()));
    BrowserWindowFake.onCreate = undefined;
    await rm(userData, { recursive: true, force: true });
  });

  const options = (overrides: Partial<ElectronAppOptions> = {}): ElectronAppOptions => ({
    electron: {
      app,
      BrowserWindow: BrowserWindowFake,
      session: { defaultSession: session },
      protocol,
      ipcMain,
      safeStorage,
      shell: new ShellFake(),
      Menu: menu,
      globalShortcut,
    },
    preloadPath: '/app/out/preload/index.cjs',
    rendererDirectory: '/app/out/renderer',
    platform: 'linux',
    createUpdater: async () => inactiveUpdater,
    log: (entry) => logs.push(entry),
    scheduleRepeating: () => () => undefined,
    ...overrides,
  });

  const start = async (overrides: Partial<ElectronAppOptions> = {}) => {
    const starting = startElectronApp(options(overrides));
    app.becomeReady();
    const running = (await starting)!;
    started.push(running);
    const window = BrowserWindowFake.created[0]!;
    return { running, window, contents: window.webContents };
  };

  const ask = async (
    contents: WebContentsFake,
    id: number,
    service: string,
    method: string,
    args: unknown[] = [],
  ) => {
    ipcMain.receive(IPC_CHANNEL, contents, contents.mainFrame, {
      kind: 'request',
      id,
      service,
      method,
      arguments: args,
    });
    return until(() => {
      const found = contents.sent
        .map(
          (entry) =>
            entry.args[0] as {
              kind: string;
              id?: number;
              result?: { ok: boolean; value?: unknown };
            },
        )
        .find((message) => message.kind === 'response' && message.id === id);
      return found?.result;
    });
  };

  it('registers the scheme and enables the sandbox before the app is ready', async () => {
    const starting = startElectronApp(options());
    expect(protocol.privileged.map((entry) => entry.scheme)).toEqual(['empfang']);
    expect(app.sandboxEnabled).toBe(true);
    app.becomeReady();
    started.push((await starting)!);
    expect(protocol.registeredAfterReady).toBe(false);
    expect(protocol.handlers.has('empfang')).toBe(true);
  });

  it('quits at once and creates nothing when another instance holds the lock', async () => {
    app.lockGranted = false;
    const running = await startElectronApp(options());
    expect(running).toBeUndefined();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindowFake.created).toEqual([]);
    expect(protocol.privileged).toEqual([]);
  });

  it('opens one secure window on empfang://app and guards its navigation', async () => {
    const { window, contents } = await start();
    expect(BrowserWindowFake.created).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      devTools: false,
    });
    expect(contents.loadedUrls).toEqual(['empfang://app/index.html']);
    expect(contents.navigate('https://evil.example.org/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example.org/' })).toEqual({
      action: 'deny',
    });
    expect(session.devicePermissionHandler?.()).toBe(false);
  });

  it('serves settings over IPC and reports memory-only secrets with the basic_text backend', async () => {
    const { contents } = await start();
    const result = await ask(contents, 1, 'settings', 'get');
    expect(result).toMatchObject({ ok: true, value: { secretStorage: 'memory-only' } });
    expect(logs).toContainEqual({
      event: 'secret-storage',
      kind: 'memory-only',
      reason: 'weak-backend',
    });
  });

  it('uses the OS key store when safeStorage has a real backend', async () => {
    safeStorage.backend = 'kwallet6';
    const { contents } = await start();
    expect(await ask(contents, 1, 'settings', 'get')).toMatchObject({
      value: { secretStorage: 'os-key-store' },
    });
  });

  it('ignores IPC from a sub frame of the window', async () => {
    const { contents } = await start();
    ipcMain.receive(IPC_CHANNEL, contents, contents.mainFrame.child('empfang://app/index.html'), {
      kind: 'request',
      id: 5,
      service: 'settings',
      method: 'get',
      arguments: [],
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Service events may reach the window; an answer to the sub frame's request must not.
    const answers = contents.sent.filter(
      (entry) => (entry.args[0] as { kind: string }).kind === 'response',
    );
    expect(answers).toEqual([]);
    expect(logs).toContainEqual({
      event: 'rejected',
      reason: 'message from an untrusted sender ignored',
    });
  });

  it('sends a pressed global shortcut to the window, follows the settings, releases on quit', async () => {
    const { running, contents } = await start();
    const events = () =>
      contents.sent
        .map((entry) => entry.args[0] as { kind: string; service?: string; payload?: unknown })
        .filter((message) => message.kind === 'event' && message.service === 'system');
    expect(globalShortcut.press('CommandOrControl+Alt+A')).toBe(true);
    await until(() => (events().length > 0 ? true : undefined));
    expect(events()).toEqual([
      {
        kind: 'event',
        service: 'system',
        event: 'onGlobalShortcut',
        payload: { action: 'answer' },
      },
    ]);

    const saved = await ask(contents, 3, 'settings', 'update', [
      { values: { globalShortcuts: { answer: 'Ctrl+Shift+F9' } } },
    ]);
    expect(saved).toMatchObject({ ok: true });
    await until(() => (globalShortcut.registered.has('Ctrl+Shift+F9') ? true : undefined));
    expect(globalShortcut.registered.has('CommandOrControl+Alt+A')).toBe(false);
    const refused = await ask(contents, 4, 'settings', 'update', [
      { values: { globalShortcuts: { mute: 'M' } } },
    ]);
    expect(refused).toMatchObject({ ok: false });

    await running.shutdown();
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('puts the configured SIP server into the CSP of served pages', async () => {
    const { contents } = await start();
    const saved = await ask(contents, 2, 'settings', 'update', [
      { values: { sip: { webSocketServer: 'wss://pbx.example.org:8443/ws' } } },
    ]);
    expect(saved).toMatchObject({ ok: true });
    const headers = session.receiveHeaders({
      url: 'empfang://app/index.html',
      responseHeaders: {},
    });
    expect(String(headers?.['Content-Security-Policy'])).toContain(
      "connect-src 'self' wss://pbx.example.org:8443",
    );
  });

  it('loads the dev server only in an unpackaged build', async () => {
    const development = await start({ developmentServerUrl: 'http://localhost:5173' });
    expect(development.contents.loadedUrls).toEqual(['http://localhost:5173']);
    expect(development.window.options.webPreferences.devTools).toBe(true);
  });

  it('treats an empty dev server URL as none', async () => {
    const { contents } = await start({ developmentServerUrl: '' });
    expect(contents.loadedUrls).toEqual(['empfang://app/index.html']);
  });

  it('ignores the dev server URL in a packaged build', async () => {
    app.isPackaged = true;
    const { contents } = await start({ developmentServerUrl: 'http://localhost:5173' });
    expect(contents.loadedUrls).toEqual(['empfang://app/index.html']);
    expect(contents.navigate('http://localhost:5173/')).toBe(true);
  });

  it('removes the menu bar on Linux and keeps the menu on macOS', async () => {
    await start();
    expect(menu.applicationMenu).toBeNull();
    menu.applicationMenu = 'default';
    BrowserWindowFake.created.length = 0;
    app = new AppFake(userData);
    protocol.isReady = () => app.ready;
    await start({ platform: 'darwin' });
    expect(menu.applicationMenu).toBe('default');
  });

  it('uses EMPFANG_DATA_DIR as the profile when given', async () => {
    const other = join(userData, 'other-profile');
    await start({ dataDirectoryOverride: other });
    expect(app.getPath('userData')).toBe(other);
  });

  it('holds the quit until services are disposed, then quits', async () => {
    const { running } = await start();
    const quit = new ElectronEventFake();
    app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    await running.shutdown();
    await until(() => (app.quitCalls > 0 ? true : undefined));
    expect(ipcMain.listenerCount(IPC_CHANNEL)).toBe(0);
    const second = new ElectronEventFake();
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});

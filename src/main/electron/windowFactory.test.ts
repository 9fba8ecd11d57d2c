import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './appOrigin';
import { BrowserWindowFake, WebContentsFake } from './electronApiFake';
import type { WebContentsLike } from './electronApi';
import { createWindowFactory } from './windowFactory';
import { createWindowOptions } from './windowOptions';

describe('window options', () => {
  it('isolates, sandboxes and strips Node from every window', () => {
    const options = createWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      development: false,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      backgroundThrottling: false,
    });
    expect(options.show).toBe(false);
  });

  it('sets the window icon only when one is given', () => {
    expect(
      createWindowOptions({ preloadPath: 'p', development: false, iconPath: '/r/icon.png' }).icon,
    ).toBe('/r/icon.png');
    expect(createWindowOptions({ preloadPath: 'p', development: false })).not.toHaveProperty(
      'icon',
    );
  });

  it('allows DevTools in development builds only', () => {
    expect(
      createWindowOptions({ preloadPath: 'p', development: true }).webPreferences.devTools,
    ).toBe(true);
  });
});

describe('window factory', () => {
  let prepared: WebContentsLike[];
  beforeEach(() => {
    BrowserWindowFake.created.length = 0;
    prepared = [];
  });

  const factory = () =>
    createWindowFactory({
      BrowserWindow: BrowserWindowFake,
      preloadPath: '/app/out/preload/index.cjs',
      development: false,
      entryUrl: APP_ENTRY_URL,
      prepareWebContents: (webContents) => {
        // The transport must be attached before the page can send its first message.
        expect((webContents as WebContentsFake).loadedUrls).toEqual([]);
        prepared.push(webContents);
      },
    });

  it('creates windows with the secure options and loads the app protocol, never file://', () => {
    const windows = factory();
    windows.createWindow();
    const [window] = BrowserWindowFake.created;
    expect(window!.options).toEqual(
      createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', development: false }),
    );
    expect(window!.webContents.loadedUrls).toEqual(['empfang://app/index.html']);
    expect(prepared).toEqual([window!.webContents]);
  });

  it('shows the window only when it is ready to show', () => {
    factory().createWindow();
    const [window] = BrowserWindowFake.created;
    expect(window!.shown).toBe(false);
    window!.emit('ready-to-show');
    expect(window!.shown).toBe(true);
  });

  it('knows its own webContents, forgets closed ones and rejects strangers', () => {
    const windows = factory();
    windows.createWindow();
    const [window] = BrowserWindowFake.created;
    expect(windows.isOwnWebContents(window!.webContents)).toBe(true);
    expect(windows.isOwnWebContents(new WebContentsFake(APP_ENTRY_URL))).toBe(false);
    window!.close();
    expect(windows.isOwnWebContents(window!.webContents)).toBe(false);
    expect(windows.windows()).toEqual([]);
  });
});

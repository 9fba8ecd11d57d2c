// A fake of the `electron` module for scripts/mainBundleSmoke.mjs: the built main bundle
// (out/main/index.js) imports this instead of Electron, boots with the real services, and this
// fake then plays a short scenario (IPC from the window and from a sub frame, protocol requests,
// the embedded portal's session, quit) and prints one JSON line `{"smoke": …}` with what it saw.
// Never used by the app itself.
import { EventEmitter } from 'node:events';

const seen = { order: [], windows: [], loaded: [], responses: [], protocol: {}, quit: {} };
let ready = false;
let protocolHandler;
let webContents;
/** Answers to the portal requests (ids from PORTAL_REQUEST_IDS), kept out of seen.responses. */
const PORTAL_REQUEST_IDS = 100;
const waiting = new Map();

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  paths: { userData: process.env.EMPFANG_SMOKE_USER_DATA },
  getVersion: () => '0.0.0-smoke',
  getPath(name) {
    return this.paths[name];
  },
  setPath(name, path) {
    this.paths[name] = path;
  },
  requestSingleInstanceLock: () => true,
  whenReady: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        ready = true;
        seen.order.push('ready');
        resolve();
      }, 20),
    ),
  enableSandbox: () => seen.order.push(ready ? 'sandbox-after-ready' : 'sandbox'),
  quit() {
    seen.quit.calls = (seen.quit.calls ?? 0) + 1;
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    app.emit('will-quit', event);
    if (seen.quit.calls === 1) seen.quit.firstPrevented = event.prevented;
    if (!event.prevented) finish();
  },
  exit: (code) => process.exit(code),
});

let nextId = 1;
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    seen.windows.push(options.webPreferences);
    const mainFrame = { url: '', processId: 7, routingId: 1, parent: null };
    this.webContents = Object.assign(new EventEmitter(), {
      id: nextId++,
      mainFrame,
      isDestroyed: () => false,
      send: (_channel, message) => {
        if (message.kind === 'response' && message.id >= PORTAL_REQUEST_IDS) {
          waiting.get(message.id)?.(message);
        } else {
          seen.responses.push(message);
        }
      },
      setWindowOpenHandler: (handler) =>
        (seen.windowOpen = handler({ url: 'https://evil.example.org/' })),
      loadURL: async (url) => {
        seen.loaded.push(url);
        mainFrame.url = url;
      },
    });
    webContents = this.webContents;
    app.emit('web-contents-created', {}, this.webContents);
    setTimeout(play, 200);
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {}
}

const handlers = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler) => (handlers.device = handler),
    webRequest: { onHeadersReceived: (listener) => (handlers.headers = listener) },
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) =>
    seen.order.push(
      `${ready ? 'privileged-after-ready' : 'privileged'}:${schemes.map((s) => s.scheme)}`,
    ),
  handle: (scheme, handler) => {
    seen.order.push(`handle:${scheme}`);
    protocolHandler = handler;
  },
};

export const ipcMain = new EventEmitter();
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (text) => Buffer.from(text),
  decryptString: (buffer) => buffer.toString(),
};
export const shell = { openExternal: async () => undefined };
export const globalShortcut = {
  register: (accelerator) => (seen.globalShortcuts ??= []).push(accelerator) > 0,
  unregister: () => undefined,
  unregisterAll: () => undefined,
};
export const Menu = { setApplicationMenu: (menu) => (seen.menu = menu) };
export const contextBridge = {};
export const ipcRenderer = {};

async function play() {
  const request = (id, frame) =>
    ipcMain.emit(
      'empfang:rpc',
      { sender: webContents, senderFrame: frame },
      {
        kind: 'request',
        id,
        service: 'settings',
        method: 'get',
        arguments: [],
      },
    );
  request(1, webContents.mainFrame);
  request(2, { ...webContents.mainFrame, routingId: 2, parent: webContents.mainFrame });
  const page = await protocolHandler(new Request('empfang://app/index.html'));
  seen.protocol.page = { status: page.status, csp: page.headers.get('content-security-policy') };
  const escape = await protocolHandler(new Request('empfang://app/..%2f..%2fpackage.json'));
  seen.protocol.escape = escape.status;
  seen.permissions = {
    microphone: await new Promise((resolve) =>
      handlers.request(webContents, 'media', resolve, {
        requestingUrl: 'empfang://app/index.html',
        isMainFrame: true,
        mediaTypes: ['audio'],
      }),
    ),
    camera: await new Promise((resolve) =>
      handlers.request(webContents, 'media', resolve, {
        requestingUrl: 'empfang://app/index.html',
        isMainFrame: true,
        mediaTypes: ['video'],
      }),
    ),
  };
  seen.portal = await embeddedPortalSession();
  setTimeout(() => app.quit(), 500);
}

/**
 * The embedded portal's session once it has left `starting`: `logged-out` with a first-run
 * offer when its database opened (with the SQLite driver this runtime picks), `failed` if not.
 */
async function embeddedPortalSession() {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const id = PORTAL_REQUEST_IDS + attempt;
    const answer = new Promise((resolve) => waiting.set(id, resolve));
    ipcMain.emit(
      'empfang:rpc',
      { sender: webContents, senderFrame: webContents.mainFrame },
      { kind: 'request', id, service: 'portal', method: 'getSession', arguments: [] },
    );
    const message = await answer;
    const session = message.result?.value;
    if (session?.status !== 'starting') return session ?? message.result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { status: 'still starting after 300 requests' };
}

function finish() {
  process.stdout.write(`${JSON.stringify({ smoke: seen })}\n`);
  process.exit(0);
}

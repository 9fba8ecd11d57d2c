/**
 * Fakes of the Electron API slice in electronApi.ts, for unit tests. They record what the code
 * under test did and let a test fire events as Electron would. Never import `electron` in tests.
 */
import type {
  AppLike,
  CustomSchemePrivileges,
  EventLike,
  GlobalShortcutLike,
  HeadersReceivedDetails,
  IpcMainEventLike,
  IpcMainLike,
  Listener,
  MenuLike,
  PermissionCheckDetails,
  PermissionRequestDetails,
  ProtocolLike,
  SafeStorageLike,
  SessionLike,
  ShellLike,
  WebContentsLike,
  WebFrameLike,
  WindowOpenDetails,
  WindowOptions,
} from './electronApi';

type AnyListener = (...args: unknown[]) => void;

class EmitterFake {
  private readonly listeners = new Map<string, AnyListener[]>();

  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as AnyListener);
    this.listeners.set(event, list);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: AnyListener = (...args) => {
      this.off(event, wrapped);
      (listener as AnyListener)(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: AnyListener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An event whose default can be prevented, as Electron passes to will-* handlers. */
export class ElectronEventFake implements EventLike {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextProcessId = 100;

export class WebFrameFake implements WebFrameLike {
  constructor(
    public url: string,
    readonly processId = nextProcessId++,
    readonly routingId = 1,
    readonly parent: WebFrameFake | null = null,
  ) {}

  /** A child frame (iframe) of this frame. */
  child(url: string): WebFrameFake {
    return new WebFrameFake(url, this.processId, this.routingId + 1, this);
  }
}

let nextWebContentsId = 1;

export class WebContentsFake extends EmitterFake implements WebContentsLike {
  readonly id = nextWebContentsId++;
  readonly mainFrame: WebFrameFake;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loadedUrls: string[] = [];
  windowOpenHandler: ((details: WindowOpenDetails) => { action: 'deny' }) | undefined;
  private destroyed = false;

  constructor(url = '') {
    super();
    this.mainFrame = new WebFrameFake(url);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** Fires will-frame-navigate like Electron does and says whether it was prevented. */
  navigate(url: string, event = 'will-frame-navigate'): boolean {
    const navigation = new ElectronEventFake(url);
    this.emit(event, navigation);
    return navigation.defaultPrevented;
  }
}

export class BrowserWindowFake extends EmitterFake {
  static readonly created: BrowserWindowFake[] = [];
  readonly webContents = new WebContentsFake();
  shown = false;
  focused = false;
  private destroyed = false;

  constructor(readonly options: WindowOptions) {
    super();
    BrowserWindowFake.created.push(this);
    BrowserWindowFake.onCreate?.(this);
  }

  /** Lets a test mimic Electron's `web-contents-created`, which fires inside the constructor. */
  static onCreate: ((window: BrowserWindowFake) => void) | undefined;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

type PermissionRequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];
type HeadersListener = Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];

export class SessionFake implements SessionLike {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  devicePermissionHandler: (() => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks the request handler as Chromium would; resolves with the decision. */
  requestPermission(
    permission: string,
    details: PermissionRequestDetails,
    webContents: WebContentsLike = new WebContentsFake(),
  ): Promise<boolean> {
    return new Promise((resolve) =>
      this.permissionRequestHandler!(webContents, permission, resolve, details),
    );
  }

  checkPermission(permission: string, origin: string, details: PermissionCheckDetails): boolean {
    return this.permissionCheckHandler!(null, permission, origin, details);
  }

  /** Passes a response through the header hook; returns the headers it would have. */
  receiveHeaders(details: HeadersReceivedDetails): Record<string, string[] | string> | undefined {
    let result: Record<string, string[] | string> | undefined;
    this.headersListener!(details, (response) => (result = response.responseHeaders));
    return result;
  }
}

export class ProtocolFake implements ProtocolLike {
  readonly privileged: { scheme: string; privileges: CustomSchemePrivileges }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  /** Set by the test: whether the app was ready when the scheme was registered. */
  isReady: () => boolean = () => false;
  registeredAfterReady = false;

  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: CustomSchemePrivileges }[],
  ): void {
    if (this.isReady()) this.registeredAfterReady = true;
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

type IpcListener = (event: IpcMainEventLike, message: unknown) => void;

export class IpcMainFake implements IpcMainLike {
  private readonly listeners = new Map<string, IpcListener[]>();

  on(channel: string, listener: IpcListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }

  /** Delivers a message as if `frame` of `sender` had called ipcRenderer.send. */
  receive(
    channel: string,
    sender: WebContentsLike,
    frame: WebFrameLike | null,
    message: unknown,
  ): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      listener({ sender, senderFrame: frame }, message);
    }
  }
}

export class SafeStorageFake implements SafeStorageLike {
  constructor(
    public available = true,
    public backend: string | undefined = 'gnome_libsecret',
  ) {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend ?? 'unknown';
  }
  encryptString(plainText: string): Buffer {
    // Reversible but not plain: a test can see that the file never holds the secret as is.
    return Buffer.from(`sealed:${Buffer.from(plainText).toString('hex')}`);
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice('sealed:'.length), 'hex').toString();
  }
}

export class MenuFake implements MenuLike {
  applicationMenu: null | 'default' = 'default';
  setApplicationMenu(menu: null): void {
    this.applicationMenu = menu;
  }
}

/** `globalShortcut`: records registrations; `press` plays a key; `taken` ones fail to register. */
export class GlobalShortcutFake implements GlobalShortcutLike {
  readonly registered = new Map<string, () => void>();
  readonly taken = new Set<string>();

  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }

  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }

  unregisterAll(): void {
    this.registered.clear();
  }

  /** Presses the key combination; false when nothing is registered for it. */
  press(accelerator: string): boolean {
    const callback = this.registered.get(accelerator);
    callback?.();
    return callback !== undefined;
  }
}

export class ShellFake implements ShellLike {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

export class AppFake extends EmitterFake implements AppLike {
  isPackaged = false;
  lockGranted = true;
  ready = false;
  sandboxEnabled = false;
  quitCalls = 0;
  exitCode: number | undefined;
  readonly paths = new Map<string, string>();
  private resolveReady: (() => void) | undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(userData: string) {
    super();
    this.paths.set('userData', userData);
  }

  getVersion(): string {
    return '0.1.0-test';
  }
  getPath(name: 'userData'): string {
    return this.paths.get(name)!;
  }
  setPath(name: 'userData', path: string): void {
    this.paths.set(name, path);
  }
  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  whenReady(): Promise<unknown> {
    return this.readyPromise;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code?: number): void {
    this.exitCode = code;
  }

  /** Resolves whenReady(), as Electron does once it has initialised. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady!();
  }
}

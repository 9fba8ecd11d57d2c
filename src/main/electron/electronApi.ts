/**
 * The slice of the Electron API this shell uses, as small structural types. Production code
 * passes the real `electron` module objects (they satisfy these types); unit tests pass fakes,
 * so no test ever imports `electron` (that would trigger its binary download and fail).
 *
 * Add a member here only when code in this folder needs it, with the real Electron signature
 * narrowed to what is used.
 */

export type Listener = (...args: never[]) => void;

export interface EventLike {
  preventDefault(): void;
}

/** A frame in a renderer (Electron's WebFrameMain). */
export interface WebFrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: WebFrameLike | null;
}

export interface WindowOpenDetails {
  url: string;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: WebFrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: string, listener: Listener): unknown;
  once(event: string, listener: Listener): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
  loadURL(url: string): Promise<void>;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** The options this shell sets on every window; see windowOptions.ts. */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: boolean;
  devTools: boolean;
  /** False: the SIP liveness watchdog and ringing must keep their timing when minimised. */
  backgroundThrottling: false;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  /** Window and taskbar icon (Linux, Windows); macOS uses the bundle icon. */
  icon?: string;
  webPreferences: SecureWebPreferences;
}

export type BrowserWindowConstructor = new (options: WindowOptions) => BrowserWindowLike;

export interface HeadersReceivedDetails {
  url: string;
  responseHeaders?: Record<string, string[] | string>;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
  mediaTypes?: ('video' | 'audio')[];
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  securityOrigin?: string;
  isMainFrame: boolean;
  mediaType?: 'video' | 'audio' | 'unknown';
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: WebContentsLike,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionRequestDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: WebContentsLike | null,
      permission: string,
      requestingOrigin: string,
      details: PermissionCheckDetails,
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: HeadersReceivedDetails,
        callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
      ) => void,
    ): void;
  };
}

export interface CustomSchemePrivileges {
  standard: boolean;
  secure: boolean;
  supportFetchAPI: boolean;
  corsEnabled: boolean;
  stream: boolean;
  codeCache: boolean;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: CustomSchemePrivileges }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface IpcMainEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: WebFrameLike | null;
}

export interface IpcMainLike {
  on(channel: string, listener: (event: IpcMainEventLike, message: unknown) => void): unknown;
  removeListener(
    channel: string,
    listener: (event: IpcMainEventLike, message: unknown) => void,
  ): unknown;
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only; Electron answers `unknown` before the app is ready. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface MenuLike {
  setApplicationMenu(menu: null): void;
}

/** Electron's `globalShortcut`: keys that work while another program has the focus. */
export interface GlobalShortcutLike {
  /** False when the OS or another program already holds the accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
  unregisterAll(): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface AppLike {
  readonly isPackaged: boolean;
  getVersion(): string;
  getPath(name: 'userData'): string;
  setPath(name: 'userData', path: string): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  enableSandbox(): void;
  quit(): void;
  exit(code?: number): void;
  on(event: string, listener: Listener): unknown;
}

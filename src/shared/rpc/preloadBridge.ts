/**
 * What the Electron preload exposes on `window[PRELOAD_BRIDGE_NAME]`: send and receive on the
 * one RPC channel, nothing else (never a raw ipcRenderer).
 */
export interface PreloadBridge {
  send(message: unknown): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: unknown) => void): () => void;
}

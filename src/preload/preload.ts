/**
 * The whole preload (SECURITY.md rule 4): exposes exactly the PreloadBridge, send and receive on
 * the one RPC channel, under `window[PRELOAD_BRIDGE_NAME]`. Never a raw ipcRenderer, no other
 * channel, no Node APIs. Runs sandboxed, so it is bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, PRELOAD_BRIDGE_NAME } from '../shared/contract/channels';
import type { PreloadBridge } from '../shared/rpc/preloadBridge';

const bridge: PreloadBridge = {
  send(message) {
    ipcRenderer.send(IPC_CHANNEL, message);
  },
  onMessage(listener) {
    // Wrap so the page never receives the IpcRendererEvent (it carries `sender`).
    const forward = (_event: IpcRendererEvent, message: unknown): void => listener(message);
    ipcRenderer.on(IPC_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_BRIDGE_NAME, bridge);

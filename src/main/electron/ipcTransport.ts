/**
 * The Electron RPC transport (SECURITY.md rule 4): one IPC channel, one `serveContract` per
 * window's webContents, every incoming message's sender checked before anything reads it.
 * Payloads are validated by `serveContract` against the contract schemas.
 *
 * A connection lives as long as one page: a main-frame navigation (reload) or a renderer crash
 * closes it and opens a fresh one, so answers to the old page never reach the new one.
 */
import { IPC_CHANNEL } from '../../shared/contract/channels';
import type {
  ContractDefinition,
  ContractImplementation,
} from '../../shared/contract/contractDefinition';
import type { RpcMessage } from '../../shared/rpc/rpcMessage';
import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';
import { serveContract } from '../../shared/rpc/rpcServer';
import { isAppUrl } from './appOrigin';
import type { IpcMainEventLike, IpcMainLike, WebContentsLike } from './electronApi';

export interface IpcSenderRules {
  /** True only for the webContents of a window the window factory created. */
  isOwnWebContents(webContents: WebContentsLike): boolean;
  appOrigins: readonly string[];
}

/**
 * A sender is trusted when its frame still exists, is the main frame of one of our windows, and
 * shows a page on the app origin. Anything else (an iframe, a foreign page, a window we did not
 * create) is ignored.
 */
export function isTrustedIpcSender(event: IpcMainEventLike, rules: IpcSenderRules): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (event.sender.isDestroyed() || !rules.isOwnWebContents(event.sender)) return false;
  const mainFrame = event.sender.mainFrame;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
    return false;
  }
  return isAppUrl(frame.url, rules.appOrigins);
}

export interface IpcTransportOptions<C extends ContractDefinition> {
  ipcMain: IpcMainLike;
  contract: C;
  services: ContractImplementation<C>;
  rules: IpcSenderRules;
  /** Abstract reasons only, never payload contents. */
  onRejected?(reason: string): void;
}

export interface IpcTransport {
  /** Serves the contract to this webContents until it is destroyed. */
  attach(webContents: WebContentsLike): void;
  connectionCount(): number;
  dispose(): void;
}

interface PageProtocol extends RpcProtocol {
  deliver(message: unknown): void;
  close(): void;
}

export function createIpcTransport<C extends ContractDefinition>(
  options: IpcTransportOptions<C>,
): IpcTransport {
  const connections = new Map<number, PageProtocol>();

  const listener = (event: IpcMainEventLike, message: unknown): void => {
    if (!isTrustedIpcSender(event, options.rules)) {
      options.onRejected?.('message from an untrusted sender ignored');
      return;
    }
    const connection = connections.get(event.sender.id);
    if (!connection) {
      options.onRejected?.('message from a window without a connection ignored');
      return;
    }
    connection.deliver(message);
  };
  options.ipcMain.on(IPC_CHANNEL, listener);

  const open = (webContents: WebContentsLike): void => {
    const protocol = createPageProtocol(webContents, options.rules.appOrigins);
    connections.set(webContents.id, protocol);
    serveContract(options.contract, options.services, protocol, {
      onRejected: options.onRejected,
    });
  };
  const close = (webContents: WebContentsLike): void => {
    connections.get(webContents.id)?.close();
    connections.delete(webContents.id);
  };

  return {
    attach(webContents) {
      if (connections.has(webContents.id)) return;
      open(webContents);
      webContents.on(
        'did-start-navigation',
        (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
          if (!details.isMainFrame || details.isSameDocument) return;
          close(webContents);
          open(webContents);
        },
      );
      webContents.on('render-process-gone', () => {
        close(webContents);
        open(webContents);
      });
      webContents.once('destroyed', () => close(webContents));
    },
    connectionCount: () => connections.size,
    dispose() {
      options.ipcMain.removeListener(IPC_CHANNEL, listener);
      for (const protocol of connections.values()) protocol.close();
      connections.clear();
    },
  };
}

function createPageProtocol(
  webContents: WebContentsLike,
  appOrigins: readonly string[],
): PageProtocol {
  const messageListeners = new Set<(message: unknown) => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  return {
    send(message: RpcMessage) {
      if (closed || webContents.isDestroyed()) return;
      // Never hand host data to a page that is not the app (defence in depth: navigation away
      // is already blocked).
      if (!isAppUrl(webContents.mainFrame.url, appOrigins)) return;
      webContents.send(IPC_CHANNEL, message);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    deliver(message) {
      if (closed) return;
      for (const listener of [...messageListeners]) listener(message);
    },
    close() {
      if (closed) return;
      closed = true;
      for (const listener of [...closeListeners]) listener();
      messageListeners.clear();
    },
  };
}

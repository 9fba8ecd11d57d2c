/**
 * A transport for RPC messages: Electron IPC, a WebSocket, or an in-memory pair.
 * Implementations MUST deliver messages in order and MUST carry `Uint8Array` values intact
 * (audio frames cross as binary). `onMessage` receives raw, unvalidated values.
 */
import type { Unsubscribe } from '../contract/contractDefinition';
import type { RpcMessage } from './rpcMessage';

export interface RpcProtocol {
  send(message: RpcMessage): void;
  onMessage(listener: (message: unknown) => void): Unsubscribe;
  /** Fires once when the peer is gone; pending calls then fail with `disconnected`. */
  onClose(listener: () => void): Unsubscribe;
}

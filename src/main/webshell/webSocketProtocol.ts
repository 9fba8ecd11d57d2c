import type { WebSocket } from 'ws';
import type { Unsubscribe } from '../../shared/contract/contractDefinition';
import { decodeMessage, encodeMessage } from '../../shared/rpc/messageCodec';
import type { RpcMessage } from '../../shared/rpc/rpcMessage';
import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';

/** Adapts one `ws` connection to the RPC protocol; frames are MessagePack, binary only. */
export function createWebSocketProtocol(socket: WebSocket): RpcProtocol {
  return {
    send(message: RpcMessage): void {
      if (socket.readyState === socket.OPEN) socket.send(encodeMessage(message));
    },
    onMessage(listener): Unsubscribe {
      const handler = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
        if (!isBinary || Array.isArray(data)) {
          listener(undefined);
          return;
        }
        listener(decodeMessage(data instanceof ArrayBuffer ? data : new Uint8Array(data)));
      };
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose(listener): Unsubscribe {
      socket.once('close', listener);
      return () => socket.off('close', listener);
    },
  };
}

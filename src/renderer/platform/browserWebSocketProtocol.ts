import { decodeMessage, encodeMessage } from '../../shared/rpc/messageCodec';
import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';

/** RPC over the web shell host's WebSocket; MessagePack frames carry binary audio intact. */
export function createBrowserWebSocketProtocol(socket: WebSocket): RpcProtocol {
  socket.binaryType = 'arraybuffer';
  return {
    send: (message) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(encodeMessage(message));
    },
    onMessage: (listener) => {
      const handler = (event: MessageEvent): void => {
        listener(event.data instanceof ArrayBuffer ? decodeMessage(event.data) : undefined);
      };
      socket.addEventListener('message', handler);
      return () => socket.removeEventListener('message', handler);
    },
    onClose: (listener) => {
      socket.addEventListener('close', listener, { once: true });
      return () => socket.removeEventListener('close', listener);
    },
  };
}

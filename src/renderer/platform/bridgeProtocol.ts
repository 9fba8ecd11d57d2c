import type { RpcProtocol } from '../../shared/rpc/rpcProtocol';
import type { PreloadBridge } from '../../shared/rpc/preloadBridge';

/** RPC over the Electron preload bridge; structured clone carries Uint8Array as is. */
export function createBridgeProtocol(bridge: PreloadBridge): RpcProtocol {
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => bridge.onMessage(listener),
    // The renderer lives and dies with its window: the bridge never closes underneath it.
    onClose: () => () => undefined,
  };
}

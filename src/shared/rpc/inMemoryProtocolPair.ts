/**
 * Two linked in-memory protocols, for contract tests without Electron or sockets.
 * Messages are delivered asynchronously (a microtask later) and structured-cloned, as a real
 * transport would, so tests catch code that relies on shared object identity.
 */
import type { Unsubscribe } from '../contract/contractDefinition';
import type { RpcMessage } from './rpcMessage';
import type { RpcProtocol } from './rpcProtocol';

class InMemoryProtocol implements RpcProtocol {
  peer: InMemoryProtocol | undefined;
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly closeListeners = new Set<() => void>();
  private closed = false;

  send(message: RpcMessage): void {
    if (this.closed) return;
    const copy = structuredClone(message);
    const peer = this.peer;
    queueMicrotask(() => peer?.deliver(copy));
  }

  /** Injects a raw value as if it came over the wire (for hostile-input tests). */
  deliver(message: unknown): void {
    if (this.closed) return;
    for (const listener of [...this.messageListeners]) listener(message);
  }

  onMessage(listener: (message: unknown) => void): Unsubscribe {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onClose(listener: () => void): Unsubscribe {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of [...this.closeListeners]) listener();
    this.peer?.close();
  }
}

export interface InMemoryProtocolPair {
  client: InMemoryProtocol;
  server: InMemoryProtocol;
}

export function createInMemoryProtocolPair(): InMemoryProtocolPair {
  const client = new InMemoryProtocol();
  const server = new InMemoryProtocol();
  client.peer = server;
  server.peer = client;
  return { client, server };
}

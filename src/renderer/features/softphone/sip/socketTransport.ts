/**
 * A SIP.js transport over one WebSocket at a time that the registration watchdog can abandon.
 *
 * Why not SIP.js's own `Web.Transport`: on a silently dropped link its `disconnect()` waits for
 * the WebSocket closing handshake (which never completes), so a fresh connection cannot be
 * opened at once. Here `openFresh()` drops the old socket without waiting and opens a new one;
 * events of an abandoned socket are ignored. The socket itself comes from a factory, so unit
 * tests run this exact code over an in-memory SIP network.
 */
import { EmitterImpl, TransportState, type Emitter, type Transport } from 'sip.js';

/** The part of a WebSocket the transport needs. */
export interface SipSocket {
  send(data: string): void;
  close(): void;
  onOpen: (() => void) | undefined;
  onClose: (() => void) | undefined;
  onMessage: ((data: string) => void) | undefined;
}

export type SipSocketFactory = (server: string) => SipSocket;

/** Link events of the current socket; `socket` is the number `openFresh()` returned. */
export type LinkListener = (event: { socket: number; type: 'open' | 'closed' }) => void;

export interface SocketTransportOptions {
  server: string;
  socketFactory?: SipSocketFactory;
  /** Logs every SIP message (debug builds only; messages hold personal data). */
  trace?: boolean;
}

interface Logger {
  log(message: string): void;
  warn(message: string): void;
}

/** Opens a real WebSocket with the `sip` subprotocol (RFC 7118). */
export const browserSocketFactory: SipSocketFactory = (server) => {
  const webSocket = new WebSocket(server, 'sip');
  webSocket.binaryType = 'arraybuffer';
  const decoder = new TextDecoder();
  const socket: SipSocket = {
    send: (data) => webSocket.send(data),
    close: () => {
      try {
        webSocket.close(1000);
      } catch {
        // Closing a socket that is already closing is harmless.
      }
    },
    onOpen: undefined,
    onClose: undefined,
    onMessage: undefined,
  };
  webSocket.addEventListener('open', () => socket.onOpen?.());
  webSocket.addEventListener('close', () => socket.onClose?.());
  webSocket.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
    const data = typeof event.data === 'string' ? event.data : decoder.decode(event.data);
    socket.onMessage?.(data);
  });
  return socket;
};

export class SocketTransport implements Transport {
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;

  private currentState = TransportState.Disconnected;
  private readonly stateEmitter = new EmitterImpl<TransportState>();
  private socket: SipSocket | undefined;
  private socketNumber = 0;
  private linkListener: LinkListener | undefined;
  private pendingConnect: { resolve(): void; reject(error: Error): void }[] = [];
  private readonly socketFactory: SipSocketFactory;

  constructor(
    private readonly logger: Logger,
    private readonly options: SocketTransportOptions,
  ) {
    this.socketFactory = options.socketFactory ?? browserSocketFactory;
  }

  get protocol(): string {
    return this.options.server.startsWith('wss:') ? 'WSS' : 'WS';
  }

  get state(): TransportState {
    return this.currentState;
  }

  get stateChange(): Emitter<TransportState> {
    return this.stateEmitter;
  }

  /** The watchdog driver listens here; only the current socket reports. */
  setLinkListener(listener: LinkListener | undefined): void {
    this.linkListener = listener;
  }

  isConnected(): boolean {
    return this.currentState === TransportState.Connected;
  }

  /** SIP.js calls this from `UserAgent.start()`; an open or opening socket is reused. */
  connect(): Promise<void> {
    if (this.currentState === TransportState.Connected) return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => {
      this.pendingConnect.push({ resolve, reject });
    });
    if (this.currentState !== TransportState.Connecting) this.openFresh();
    return waiting;
  }

  /** Drops the current socket without waiting for it and opens a new one; returns its number. */
  openFresh(): number {
    this.abandon();
    this.socketNumber += 1;
    const number = this.socketNumber;
    this.setState(TransportState.Connecting);
    let socket: SipSocket;
    try {
      socket = this.socketFactory(this.options.server);
    } catch {
      this.setState(TransportState.Disconnected, new Error('WebSocket could not be created'));
      queueMicrotask(() => this.linkListener?.({ socket: number, type: 'closed' }));
      return number;
    }
    this.socket = socket;
    socket.onOpen = () => {
      if (this.socket !== socket) return;
      this.setState(TransportState.Connected);
      this.linkListener?.({ socket: number, type: 'open' });
    };
    socket.onClose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.setState(TransportState.Disconnected, new Error('WebSocket closed'));
      this.linkListener?.({ socket: number, type: 'closed' });
    };
    socket.onMessage = (data) => {
      if (this.socket !== socket || this.currentState !== TransportState.Connected) return;
      // CRLF keep-alive answers carry no SIP message.
      if (/^(\r\n)+$/.test(data) || data === '') return;
      if (this.options.trace) this.logger.log(`Received SIP message:\n${data}`);
      this.onMessage?.(data);
    };
    return number;
  }

  /** Forgets the current socket at once (no closing handshake wait, no link event). */
  abandon(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onOpen = undefined;
      socket.onClose = undefined;
      socket.onMessage = undefined;
      socket.close();
    }
    if (this.currentState !== TransportState.Disconnected) {
      this.setState(TransportState.Disconnected);
    }
  }

  disconnect(): Promise<void> {
    this.abandon();
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    this.abandon();
    this.linkListener = undefined;
    return Promise.resolve();
  }

  send(message: string): Promise<void> {
    if (this.currentState !== TransportState.Connected || !this.socket) {
      return Promise.reject(new Error('Not connected.'));
    }
    if (this.options.trace) this.logger.log(`Sending SIP message:\n${message}`);
    try {
      this.socket.send(message);
    } catch {
      return Promise.reject(new Error('WebSocket send failed.'));
    }
    return Promise.resolve();
  }

  private setState(next: TransportState, error?: Error): void {
    const previous = this.currentState;
    if (previous === next) return;
    this.currentState = next;
    this.stateEmitter.emit(next);
    if (next === TransportState.Connected) {
      this.onConnect?.();
      for (const waiter of this.pendingConnect.splice(0)) waiter.resolve();
    }
    if (next === TransportState.Disconnected) {
      if (previous === TransportState.Connected) this.onDisconnect?.(error);
      const reason = error ?? new Error('Connection abandoned');
      for (const waiter of this.pendingConnect.splice(0)) waiter.reject(reason);
    }
  }
}

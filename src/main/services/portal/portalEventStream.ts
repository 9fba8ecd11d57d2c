/**
 * Follows the portal's `/events` WebSocket for the logged-in user and hands every valid event
 * to `onEvent`. The access token goes in the first message (never in the URL); before it
 * expires a fresh one is sent on the same socket. A closed socket reconnects with full-jitter
 * backoff (1 s … 30 s) for as long as the stream is started.
 *
 * ```
 * stopped ──start──▶ connecting ──authenticated──▶ open ──close/error──▶ waiting ──timer──▶ connecting
 *    ▲                                                                          │
 *    └────────────────────────────── stop (from any state) ◀────────────────────┘
 * ```
 */
import WebSocket from 'ws';
import { fullJitterDelay } from '../../../shared/sync/backoff';
import { PortalEventSchema, type PortalEvent } from '../../../shared/portalWire/eventSchemas';

export interface PortalEventStreamOptions {
  /** The portal's base URL (`http://…`); the socket URL is derived from it. */
  readonly baseUrl: string;
  /** A valid access token, refreshed if needed; rejects when there is no session. */
  readonly accessToken: () => Promise<string>;
  /** Milliseconds until the token should be renewed (undefined: unknown). */
  readonly renewalDelay: () => number | undefined;
  readonly onEvent: (event: PortalEvent) => void;
  /** Open (authenticated) or not; drives the desk's online indicator. */
  readonly onOpenChange?: (open: boolean) => void;
  readonly random?: () => number;
}

const BACKOFF = { baseMilliseconds: 1_000, capMilliseconds: 30_000 };
const MINIMUM_RENEWAL_MILLISECONDS = 5_000;

export class PortalEventStream {
  private socket: WebSocket | undefined;
  private started = false;
  private open = false;
  private connecting = false;
  private failures = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private renewalTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: PortalEventStreamOptions) {}

  get isOpen(): boolean {
    return this.open;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.connect();
  }

  /** Connects now if waiting to reconnect (the portal is known to be back). */
  nudge(): void {
    if (!this.started || this.socket || this.connecting) return;
    clearTimeout(this.reconnectTimer);
    this.failures = 0;
    void this.connect();
  }

  stop(): void {
    this.started = false;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.renewalTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.removeAllListeners();
    socket?.on('error', () => undefined);
    socket?.terminate();
    this.setOpen(false);
  }

  private async connect(): Promise<void> {
    if (!this.started || this.connecting) return;
    let token: string;
    this.connecting = true;
    try {
      token = await this.options.accessToken();
    } catch {
      this.scheduleReconnect();
      return;
    } finally {
      this.connecting = false;
    }
    if (!this.started || this.socket) return;
    const url = new URL('/events', this.options.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { handshakeTimeout: 10_000, maxPayload: 1_000_000 });
    this.socket = socket;
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'authenticate', accessToken: token })),
    );
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.receive(String(data));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearTimeout(this.renewalTimer);
      this.setOpen(false);
      this.scheduleReconnect();
    });
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'authenticated') {
      this.failures = 0;
      this.setOpen(true);
      this.scheduleRenewal();
      return;
    }
    const parsed = PortalEventSchema.safeParse(message);
    if (parsed.success) this.options.onEvent(parsed.data);
  }

  /** Sends a fresh token before the current one expires, so the portal keeps the socket. */
  private scheduleRenewal(): void {
    clearTimeout(this.renewalTimer);
    const delay = Math.max(MINIMUM_RENEWAL_MILLISECONDS, this.options.renewalDelay() ?? 60_000);
    this.renewalTimer = setTimeout(() => {
      void this.options
        .accessToken()
        .then((token) => {
          this.socket?.send(JSON.stringify({ type: 'authenticate', accessToken: token }));
        })
        .catch(() => this.socket?.close());
    }, delay);
    this.renewalTimer.unref?.();
  }

  private scheduleReconnect(): void {
    if (!this.started) return;
    clearTimeout(this.reconnectTimer);
    const delay = Math.max(
      250,
      fullJitterDelay(BACKOFF, this.failures, this.options.random ?? Math.random),
    );
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref?.();
  }

  private setOpen(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.options.onOpenChange?.(open);
  }
}

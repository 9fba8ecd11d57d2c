/**
 * An in-memory SIP server for unit tests: registrar (optional digest auth), OPTIONS keep-alive
 * and a minimal proxy that routes initial requests by user (E.164 numbers go to a reception
 * user with P-Called-Party-ID, like the lab's Kamailio) and everything else by the Contact/Via
 * host of each desk. Sockets are handed to {@link SocketTransport} through `socketFactory`.
 *
 * Faults: `setMode('silent')` drops every message and lets new connections hang (an iptables
 * DROP); `cutDesk(owner)` does the same for one desk's connections only (sockets made by
 * `socketFactoryFor(owner)`); `setMode('down')` closes all connections and refuses new ones (a
 * restarting server). A connection a desk abandons during a silent cut stays registered, as in
 * Kamailio, which cannot know it died: requests routed to it are lost, and an INVITE gets a 408
 * after `deadConnectionReplyMs` (the lab Kamailio's short timer for a first reply).
 * The shape follows SIP.js's own `test/support/api/transport-fake.ts` (peers linked in memory).
 */
import { Core } from 'sip.js';
import { Md5 } from 'sip.js/lib/core/messages/md5.js';
import type { SipSocket, SipSocketFactory } from '../sip/socketTransport';

export type NetworkMode = 'up' | 'silent' | 'down';

interface Binding {
  socket: FakeSocket;
  contact: string;
}

export interface LoggedRequest {
  method: string;
  text: string;
}

class FakeSocket implements SipSocket {
  onOpen: (() => void) | undefined;
  onClose: (() => void) | undefined;
  onMessage: ((data: string) => void) | undefined;
  open = false;
  closed = false;

  constructor(
    private readonly network: SipNetworkFake,
    readonly owner?: string,
  ) {}

  send(data: string): void {
    if (this.closed) throw new Error('closed');
    this.network.later(() => this.network.receive(this, data));
  }

  close(): void {
    this.closed = true;
    this.network.forget(this);
  }
}

const logger = new Core.LoggerFactory().getLogger('sip.NetworkFake');
logger.level = Core.Levels.error;

export class SipNetworkFake {
  readonly domain: string;
  readonly realm = 'fake-realm';
  /** user → password; users not listed register without auth. */
  readonly passwords = new Map<string, string>();
  receptionUser = '1001';
  /** How long the proxy waits for any reply to an INVITE sent into a dead connection. */
  deadConnectionReplyMs = 50;
  registerCount = 0;
  optionsCount = 0;
  readonly requests: LoggedRequest[] = [];
  /** Status codes of every response a desk sent, with the method it answered. */
  readonly responses: { status: number; method: string }[] = [];
  private mode: NetworkMode = 'up';
  private readonly sockets = new Set<FakeSocket>();
  private readonly bindings = new Map<string, Binding>();
  private readonly hosts = new Map<string, FakeSocket>();
  private readonly pending: FakeSocket[] = [];
  private readonly vanished = new Set<FakeSocket>();
  private readonly unanswered: { from: FakeSocket; text: string }[] = [];
  private readonly cutOwners = new Set<string>();

  constructor(domain = 'lab.test') {
    this.domain = domain;
  }

  readonly socketFactory: SipSocketFactory = () => this.connect();

  /** A socket factory whose connections belong to one desk (for `cutDesk`). */
  socketFactoryFor(owner: string): SipSocketFactory {
    return () => this.connect(owner);
  }

  /** Silently drops one desk's traffic; its new connections hang until `restoreDesk`. */
  cutDesk(owner: string): void {
    this.cutOwners.add(owner);
  }

  restoreDesk(owner: string): void {
    this.cutOwners.delete(owner);
    for (const socket of this.pending.filter((waiting) => waiting.owner === owner)) {
      this.pending.splice(this.pending.indexOf(socket), 1);
      if (!socket.closed && this.mode === 'up') this.later(() => this.open(socket));
    }
  }

  private connect(owner?: string): FakeSocket {
    const socket = new FakeSocket(this, owner);
    this.sockets.add(socket);
    if (this.mode === 'down') {
      this.later(() => socket.onClose?.());
    } else if (this.mode === 'silent' || this.isCut(socket)) {
      this.pending.push(socket);
    } else {
      this.later(() => this.open(socket));
    }
    return socket;
  }

  private isCut(socket: FakeSocket): boolean {
    return socket.owner !== undefined && this.cutOwners.has(socket.owner);
  }

  /** Nothing passes this socket now: the link is cut, or it was closed. */
  private isDead(socket: FakeSocket): boolean {
    return this.mode !== 'up' || socket.closed || this.isCut(socket);
  }

  setMode(mode: NetworkMode): void {
    this.mode = mode;
    if (mode === 'down') {
      for (const socket of [...this.sockets]) {
        socket.closed = true;
        this.forget(socket);
        this.later(() => socket.onClose?.());
      }
    }
    if (mode === 'up') {
      // Connections that hung during a silent cut complete when the link returns.
      for (const socket of this.pending.filter((waiting) => !this.isCut(waiting))) {
        this.pending.splice(this.pending.indexOf(socket), 1);
        if (!socket.closed) this.later(() => this.open(socket));
      }
    }
  }

  isRegistered(user: string): boolean {
    return this.bindings.has(user);
  }

  /** Requests of one method seen by the server, e.g. re-INVITEs or INFO. */
  requestsOf(method: string): LoggedRequest[] {
    return this.requests.filter((request) => request.method === method);
  }

  /** Sends a raw request to a registered user, as a hostile peer would. */
  inject(user: string, text: string): void {
    const binding = this.bindings.get(user);
    if (binding) this.deliver(binding.socket, text);
  }

  /**
   * The desk of `user` vanishes without a BYE (its network is gone): nothing reaches it or
   * comes from it; in-dialog requests towards it stay unanswered until {@link timeOutVanished}.
   */
  vanish(user: string): void {
    const binding = this.bindings.get(user);
    if (binding) this.vanished.add(binding.socket);
  }

  /** The proxy gives up on requests to vanished desks: 408, as Kamailio's fr_inv_timer does. */
  timeOutVanished(): void {
    for (const { from, text } of this.unanswered.splice(0)) {
      this.respond(from, text, 408, 'Request Timeout');
    }
  }

  later(task: () => void): void {
    setTimeout(task, 1);
  }

  forget(socket: FakeSocket): void {
    this.sockets.delete(socket);
    // Closed during a silent cut: the server never learns of it and keeps routing to it.
    if (this.mode === 'silent' || this.isCut(socket)) return;
    for (const [user, binding] of this.bindings) {
      // Like Kamailio's handle_lost_tcp: a closed connection loses its registrations.
      if (binding.socket === socket) this.bindings.delete(user);
    }
    for (const [host, owner] of this.hosts) if (owner === socket) this.hosts.delete(host);
  }

  receive(socket: FakeSocket, text: string): void {
    if (this.isDead(socket) || this.vanished.has(socket)) return;
    const message = Core.Parser.parseMessage(text, logger);
    if (!message) return;
    if (message instanceof Core.IncomingResponseMessage) {
      this.responses.push({ status: message.statusCode ?? 0, method: message.method });
      const target = this.hosts.get(topViaHost(text) ?? '');
      if (target) this.deliver(target, text);
      return;
    }
    const request = message as Core.IncomingRequestMessage;
    const method = request.method;
    this.requests.push({ method, text });
    const viaHost = topViaHost(text);
    if (viaHost) this.hosts.set(viaHost, socket);
    if (method === 'REGISTER') return this.register(socket, request, text);
    if (method === 'OPTIONS' && !request.ruri?.user) {
      this.optionsCount += 1;
      return this.respond(socket, text, 200, 'Keepalive');
    }
    const ruri = request.ruri!;
    const inDialog = this.hosts.get(ruri.host);
    if (inDialog && this.vanished.has(inDialog)) {
      if (method !== 'ACK') this.unanswered.push({ from: socket, text });
      return;
    }
    if (inDialog) {
      if (method === 'INVITE' && this.isDead(inDialog)) {
        setTimeout(
          () => this.respond(socket, text, 408, 'Request Timeout'),
          this.deadConnectionReplyMs,
        );
      }
      return this.deliver(inDialog, text);
    }
    let user = ruri.user ?? '';
    let forwarded = text;
    if (/^\+[1-9]\d{5,14}$/.test(user)) {
      forwarded = forwarded
        .replace(/^P-Called-Party-ID:.*\r\n/gim, '')
        .replace(/\r\n/, `\r\nP-Called-Party-ID: <sip:${user}@${this.domain}>\r\n`);
      user = this.receptionUser;
    }
    const binding = this.bindings.get(user);
    if (!binding) {
      if (method !== 'ACK') this.respond(socket, text, 404, 'Not Found');
      return;
    }
    forwarded = forwarded.replace(/^(\S+) \S+ SIP\/2\.0/, `$1 ${binding.contact} SIP/2.0`);
    this.deliver(binding.socket, forwarded);
  }

  private open(socket: FakeSocket): void {
    if (socket.closed) return;
    socket.open = true;
    socket.onOpen?.();
  }

  private deliver(socket: FakeSocket, text: string): void {
    this.later(() => {
      if (!this.isDead(socket) && !this.vanished.has(socket)) socket.onMessage?.(text);
    });
  }

  private register(socket: FakeSocket, request: Core.IncomingRequestMessage, text: string): void {
    this.registerCount += 1;
    const user = request.to.uri.user ?? '';
    const password = this.passwords.get(user);
    if (password !== undefined && !this.authorized(text, user, password)) {
      return this.respond(socket, text, 401, 'Unauthorized', [
        `WWW-Authenticate: Digest realm="${this.realm}", nonce="${Math.random().toString(36).slice(2)}"`,
      ]);
    }
    const contactHeader = request.getHeader('contact') ?? '';
    const contact = /<([^>]+)>/.exec(contactHeader)?.[1] ?? '';
    const expires = Number(/;expires=(\d+)/.exec(contactHeader)?.[1] ?? '300');
    if (expires === 0) {
      this.bindings.delete(user);
      return this.respond(socket, text, 200, 'OK');
    }
    this.bindings.set(user, { socket, contact });
    this.respond(socket, text, 200, 'OK', [`Contact: <${contact}>;expires=${expires}`]);
  }

  private authorized(text: string, user: string, password: string): boolean {
    const header = /^Authorization:\s*Digest\s+(.*)$/im.exec(text)?.[1];
    if (!header) return false;
    const field = (name: string) => new RegExp(`${name}="?([^",]+)"?`, 'i').exec(header)?.[1] ?? '';
    if (field('username') !== user || field('realm') !== this.realm) return false;
    const ha1 = Md5.hashStr(`${user}:${this.realm}:${password}`);
    const ha2 = Md5.hashStr(`REGISTER:${field('uri')}`);
    const qop = field('qop');
    const expected = qop
      ? Md5.hashStr(`${ha1}:${field('nonce')}:${field('nc')}:${field('cnonce')}:${qop}:${ha2}`)
      : Md5.hashStr(`${ha1}:${field('nonce')}:${ha2}`);
    return field('response') === expected;
  }

  private respond(
    socket: FakeSocket,
    requestText: string,
    status: number,
    reason: string,
    extraHeaders: string[] = [],
  ): void {
    const copied = ['Via', 'From', 'To', 'Call-ID', 'CSeq'].flatMap(
      (name) => requestText.match(new RegExp(`^${name}:.*$`, 'gim')) ?? [],
    );
    const lines = [
      `SIP/2.0 ${status} ${reason}`,
      ...copied.map((line) =>
        /^To:/i.test(line) && !/;tag=/.test(line) ? `${line};tag=fake` : line,
      ),
      ...extraHeaders,
      'Content-Length: 0',
      '',
      '',
    ];
    this.deliver(socket, lines.join('\r\n'));
  }
}

function topViaHost(text: string): string | undefined {
  return /^Via:\s*SIP\/2\.0\/\S+\s+([^;:\s]+)/im.exec(text)?.[1];
}

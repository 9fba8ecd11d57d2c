/**
 * A minimal SIP user agent over UDP for the lab voicebot (RFC 3261): registers one user with the
 * proxy, answers INVITEs (100, 180, 200 with SDP retransmitted until the ACK), handles CANCEL,
 * BYE, re-INVITE, NOTIFY, OPTIONS and INFO, and sends in-dialog requests (REFER, BYE) with
 * retransmissions and a 32 s timeout. No authentication (the lab trusts UDP peers; see README).
 * Hostile or broken datagrams are dropped or answered with 400; they never throw.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { SipDialog, addressOfUri, randomToken, type SipAddress } from './sipDialog';
import {
  cseqOf,
  headerParameter,
  headerValue,
  parseSipMessage,
  responseTo,
  serializeSipMessage,
  type SipHeader,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sipMessage';

const T1 = 500;
const T2 = 4000;
const TRANSACTION_TIMEOUT = 64 * T1;
const REGISTER_EXPIRES = 300;

export interface DialogEvents {
  onConfirmed(): void;
  onBye(): void;
  onCancel(): void;
  /** A NOTIFY of the REFER subscription: the sipfrag status line's code, if any. */
  onNotify(status: number | undefined, terminated: boolean): void;
  /** A re-INVITE's offer; returns the answer SDP. */
  onReinvite(sdp: string): string;
}

export type InviteAnswer =
  | { accept: true; sdp: string; events: DialogEvents }
  | { accept: false; status: number; reason: string };

export interface SipUserAgentOptions {
  readonly user: string;
  readonly domain: string;
  readonly proxy: SipAddress;
  readonly localHost: string;
  readonly localPort?: number;
  readonly onInvite: (invite: SipRequest, dialog: SipDialog) => Promise<InviteAnswer>;
  readonly log?: (line: string) => void;
}

interface ServerDialog {
  dialog: SipDialog;
  invite: SipRequest;
  source: SipAddress;
  events?: DialogEvents;
  lastResponse?: string;
  confirmed: boolean;
  retransmit?: NodeJS.Timeout;
}

interface ClientTransaction {
  resolve: (response: SipResponse) => void;
  timer: NodeJS.Timeout;
  deadline: NodeJS.Timeout;
}

export class SipUserAgent {
  private socket: Socket | undefined;
  private port = 0;
  private readonly dialogs = new Map<string, ServerDialog>();
  private readonly transactions = new Map<string, ClientTransaction>();
  private registerTimer: NodeJS.Timeout | undefined;
  private readonly registerCallId = `${randomToken()}@voicebot`;
  private registerSequence = 0;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SipUserAgentOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get contact(): string {
    return `<sip:${this.options.user}@${this.options.localHost}:${this.port}>`;
  }

  get localPort(): number {
    return this.port;
  }

  /** Binds the socket and registers; resolves after the registrar's 200 OK. */
  async start(): Promise<void> {
    const socket = createSocket('udp4');
    this.socket = socket;
    socket.on('message', (data, remote) => this.receive(data, remote));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.options.localPort ?? 0, this.options.localHost, () => resolve());
    });
    this.port = socket.address().port;
    const response = await this.register(REGISTER_EXPIRES);
    if (response.status !== 200) throw new Error(`REGISTER answered ${response.status}`);
    this.registerTimer = setInterval(
      () => void this.register(REGISTER_EXPIRES).catch(() => undefined),
      (REGISTER_EXPIRES * 1000) / 2,
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.registerTimer);
    for (const callId of [...this.dialogs.keys()]) await this.hangUp(callId);
    await this.register(0).catch(() => undefined);
    for (const transaction of this.transactions.values()) {
      clearTimeout(transaction.timer);
      clearTimeout(transaction.deadline);
    }
    this.socket?.close();
  }

  /** Sends an in-dialog request and resolves with its final response (408 on timeout). */
  async sendInDialog(
    callId: string,
    method: string,
    headers: readonly SipHeader[] = [],
    body = '',
  ): Promise<SipResponse> {
    const entry = this.dialogs.get(callId);
    const hop = entry?.dialog.nextHop();
    if (!entry || !hop) return timeoutResponse();
    return this.sendRequest(entry.dialog.request(method, this.contact, headers, body), hop);
  }

  /** BYE (after the ACK) and forget the dialog. */
  async hangUp(callId: string): Promise<void> {
    const entry = this.dialogs.get(callId);
    if (!entry) return;
    clearTimeout(entry.retransmit);
    if (entry.confirmed || entry.lastResponse?.startsWith('SIP/2.0 200')) {
      await this.sendInDialog(callId, 'BYE');
    }
    this.dialogs.delete(callId);
  }

  private register(expires: number): Promise<SipResponse> {
    const { user, domain, proxy } = this.options;
    this.registerSequence += 1;
    const request: SipRequest = {
      kind: 'request',
      method: 'REGISTER',
      uri: `sip:${domain}`,
      headers: [
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: `<sip:${user}@${domain}>;tag=${randomToken()}` },
        { name: 'To', value: `<sip:${user}@${domain}>` },
        { name: 'Call-ID', value: this.registerCallId },
        { name: 'CSeq', value: `${this.registerSequence} REGISTER` },
        { name: 'Contact', value: this.contact },
        { name: 'Expires', value: String(expires) },
        { name: 'User-Agent', value: 'empfang-lab-voicebot' },
      ],
      body: '',
    };
    return this.sendRequest(request, proxy);
  }

  private sendRequest(request: SipRequest, destination: SipAddress): Promise<SipResponse> {
    const branch = `z9hG4bK${randomToken()}`;
    const via = `SIP/2.0/UDP ${this.options.localHost}:${this.port};branch=${branch};rport`;
    const text = serializeSipMessage({
      ...request,
      headers: [{ name: 'Via', value: via }, ...request.headers],
    });
    return new Promise((resolve) => {
      let interval = T1;
      const resend = () => {
        this.send(text, destination);
        interval = Math.min(interval * 2, T2);
        transaction.timer = setTimeout(resend, interval);
      };
      const transaction: ClientTransaction = {
        resolve,
        timer: setTimeout(resend, interval),
        deadline: setTimeout(() => this.finish(branch, timeoutResponse()), TRANSACTION_TIMEOUT),
      };
      this.transactions.set(branch, transaction);
      this.send(text, destination);
    });
  }

  private finish(branch: string, response: SipResponse): void {
    const transaction = this.transactions.get(branch);
    if (!transaction) return;
    clearTimeout(transaction.timer);
    clearTimeout(transaction.deadline);
    this.transactions.delete(branch);
    transaction.resolve(response);
  }

  private send(text: string, destination: SipAddress): void {
    this.socket?.send(text, destination.port, destination.host);
  }

  private receive(data: Buffer, remote: RemoteInfo): void {
    const message = parseSipMessage(data.toString('utf8'));
    const source = { host: remote.address, port: remote.port };
    if (!message) {
      this.log('sip: unreadable datagram dropped');
      return;
    }
    if (message.kind === 'response') this.receiveResponse(message);
    else this.receiveRequest(message, source);
  }

  private receiveResponse(response: SipResponse): void {
    const branch = headerParameter(headerValue(response, 'via') ?? '', 'branch');
    if (!branch || response.status < 200) {
      // A provisional response stops retransmissions but not the transaction timeout.
      const transaction = branch ? this.transactions.get(branch) : undefined;
      if (transaction) clearTimeout(transaction.timer);
      return;
    }
    this.finish(branch, response);
  }

  private receiveRequest(request: SipRequest, source: SipAddress): void {
    const callId = headerValue(request, 'call-id');
    const cseq = cseqOf(request);
    if (!callId || !cseq || !headerValue(request, 'via') || !headerValue(request, 'from')) {
      if (request.method !== 'ACK') this.respond(request, source, 400, 'Bad Request');
      return;
    }
    const entry = this.dialogs.get(callId);
    const toTag = headerParameter(headerValue(request, 'to') ?? '', 'tag');
    switch (request.method) {
      case 'INVITE':
        if (!entry) void this.receiveInvite(request, source);
        else if (toTag === undefined) this.resend(entry, source);
        else this.receiveReinvite(entry, request, source);
        return;
      case 'ACK':
        if (entry && !entry.confirmed && cseq.method === 'ACK') {
          clearTimeout(entry.retransmit);
          if (entry.lastResponse?.startsWith('SIP/2.0 200')) {
            entry.confirmed = true;
            entry.events?.onConfirmed();
          } else this.dialogs.delete(callId);
        }
        return;
      case 'CANCEL':
        this.respond(request, source, entry ? 200 : 481, entry ? 'OK' : 'Call Does Not Exist');
        if (entry && !entry.confirmed && !entry.lastResponse?.startsWith('SIP/2.0 200')) {
          entry.events?.onCancel();
          this.answerInvite(entry, 487, 'Request Terminated');
        }
        return;
      case 'BYE':
        this.respond(request, source, entry ? 200 : 481, entry ? 'OK' : 'Call Does Not Exist');
        if (entry) {
          clearTimeout(entry.retransmit);
          this.dialogs.delete(callId);
          entry.events?.onBye();
        }
        return;
      case 'NOTIFY':
        this.respond(request, source, entry ? 200 : 481, entry ? 'OK' : 'Call Does Not Exist');
        if (entry) {
          const fragment = /^SIP\/2\.0 (\d{3})/.exec(request.body.trim());
          const state = headerValue(request, 'subscription-state') ?? '';
          entry.events?.onNotify(
            fragment ? Number(fragment[1]) : undefined,
            /^terminated/i.test(state),
          );
        }
        return;
      case 'OPTIONS':
      case 'INFO':
        this.respond(request, source, 200, 'OK');
        return;
      default:
        this.respond(request, source, 405, 'Method Not Allowed', [
          { name: 'Allow', value: 'INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, NOTIFY' },
        ]);
    }
  }

  private async receiveInvite(invite: SipRequest, source: SipAddress): Promise<void> {
    const dialog = new SipDialog(invite);
    const entry: ServerDialog = { dialog, invite, source, confirmed: false };
    this.dialogs.set(dialog.callId, entry);
    this.respond(invite, source, 100, 'Trying');
    let answer: InviteAnswer;
    try {
      answer = await this.options.onInvite(invite, dialog);
    } catch {
      answer = { accept: false, status: 500, reason: 'Server Internal Error' };
    }
    if (this.dialogs.get(dialog.callId) !== entry || entry.lastResponse) return;
    if (!answer.accept) {
      this.answerInvite(entry, answer.status, answer.reason);
      return;
    }
    entry.events = answer.events;
    this.answerInvite(entry, 180, 'Ringing');
    this.answerInvite(entry, 200, 'OK', answer.sdp);
  }

  private answerInvite(entry: ServerDialog, status: number, reason: string, sdp?: string): void {
    const headers: SipHeader[] = [{ name: 'Contact', value: this.contact }];
    if (sdp) headers.push({ name: 'Content-Type', value: 'application/sdp' });
    const text = serializeSipMessage(
      responseTo(entry.invite, status, reason, {
        toTag: entry.dialog.localTag,
        headers,
        body: sdp ?? '',
      }),
    );
    this.send(text, entry.source);
    if (status < 200) return;
    entry.lastResponse = text;
    // Final responses to an INVITE are retransmitted until the ACK (RFC 3261 13.3.1.4).
    let interval = T1;
    let elapsed = 0;
    const resend = () => {
      if (elapsed >= TRANSACTION_TIMEOUT) {
        this.log('sip: no ACK for the INVITE response');
        this.dialogs.delete(entry.dialog.callId);
        entry.events?.onBye();
        return;
      }
      this.send(text, entry.source);
      elapsed += interval;
      interval = Math.min(interval * 2, T2);
      entry.retransmit = setTimeout(resend, interval);
    };
    entry.retransmit = setTimeout(resend, interval);
  }

  private resend(entry: ServerDialog, source: SipAddress): void {
    if (entry.lastResponse) this.send(entry.lastResponse, source);
  }

  private receiveReinvite(entry: ServerDialog, request: SipRequest, source: SipAddress): void {
    const sdp = entry.events?.onReinvite(request.body) ?? '';
    const headers: SipHeader[] = [{ name: 'Contact', value: this.contact }];
    if (sdp) headers.push({ name: 'Content-Type', value: 'application/sdp' });
    this.send(serializeSipMessage(responseTo(request, 200, 'OK', { headers, body: sdp })), source);
  }

  private respond(
    request: SipRequest,
    source: SipAddress,
    status: number,
    reason: string,
    headers: readonly SipHeader[] = [],
  ): void {
    const message: SipMessage = responseTo(request, status, reason, {
      toTag: status > 100 ? randomToken() : undefined,
      headers,
    });
    this.send(serializeSipMessage(message), source);
  }
}

function timeoutResponse(): SipResponse {
  return { kind: 'response', status: 408, reason: 'Request Timeout', headers: [], body: '' };
}

export { addressOfUri };

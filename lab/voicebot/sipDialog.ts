/**
 * One SIP dialog of the lab voicebot as the UAS of the caller's INVITE (RFC 3261 12.1.1): the
 * route set from Record-Route (in order), the remote target from Contact, tags and CSeq numbers,
 * and how in-dialog requests (BYE, REFER) are built and where they are sent.
 */
import { randomBytes } from 'node:crypto';
import {
  cseqOf,
  headerParameter,
  headerValue,
  headerValues,
  uriOf,
  type SipHeader,
  type SipRequest,
} from './sipMessage';

export interface SipAddress {
  readonly host: string;
  readonly port: number;
}

/** A fresh token for tags and branches (hex, 16 characters). */
export function randomToken(): string {
  return randomBytes(8).toString('hex');
}

/** host:port of a SIP URI (`sip:user@host:port;params`), default port 5060. */
export function addressOfUri(uri: string): SipAddress | undefined {
  const match = /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;?>]+)(?::(\d{1,5}))?/i.exec(uri.trim());
  if (!match) return undefined;
  const port = match[2] ? Number(match[2]) : 5060;
  return port > 0 && port < 65536 ? { host: match[1]!, port } : undefined;
}

export class SipDialog {
  readonly callId: string;
  readonly localTag = randomToken();
  readonly remoteTag: string;
  /** From of the INVITE (the caller), with its tag. */
  readonly remoteParty: string;
  /** To of the INVITE (the bot), without a tag. */
  readonly localParty: string;
  readonly remoteTarget: string;
  readonly routeSet: readonly string[];
  private localSequence = Math.floor(Math.random() * 10_000) + 1;
  remoteSequence: number;

  constructor(invite: SipRequest) {
    this.callId = headerValue(invite, 'call-id') ?? '';
    const from = headerValue(invite, 'from') ?? '';
    this.remoteParty = from;
    this.remoteTag = headerParameter(from, 'tag') ?? '';
    this.localParty = headerValue(invite, 'to') ?? '';
    this.remoteTarget = uriOf(headerValue(invite, 'contact') ?? from);
    this.routeSet = headerValues(invite, 'record-route');
    this.remoteSequence = cseqOf(invite)?.sequence ?? 0;
  }

  /** Where in-dialog requests go: the first route if it is a loose router, else the target. */
  nextHop(): SipAddress | undefined {
    const first = this.routeSet[0];
    if (first) return addressOfUri(uriOf(first));
    return addressOfUri(this.remoteTarget);
  }

  /** Builds an in-dialog request (the caller adds Via with its branch). */
  request(
    method: string,
    contact: string,
    extra: readonly SipHeader[] = [],
    body = '',
  ): SipRequest {
    this.localSequence += 1;
    const headers: SipHeader[] = [
      ...this.routeSet.map((route) => ({ name: 'Route', value: route })),
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: `${this.localParty};tag=${this.localTag}` },
      { name: 'To', value: this.remoteParty },
      { name: 'Call-ID', value: this.callId },
      { name: 'CSeq', value: `${this.localSequence} ${method}` },
      { name: 'Contact', value: contact },
      ...extra,
    ];
    return { kind: 'request', method, uri: this.remoteTarget, headers, body };
  }
}

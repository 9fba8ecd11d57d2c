/**
 * The voicebot's SIP user agent against a scripted peer on loopback (standing in for the proxy
 * and the caller): registration, answering, ACK, REFER + NOTIFY, BYE, CANCEL and hostile input.
 */
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cseqOf,
  headerValue,
  headerValues,
  parseSipMessage,
  responseTo,
  serializeSipMessage,
  type SipMessage,
  type SipRequest,
} from './sipMessage';
import { SipUserAgent, type DialogEvents, type InviteAnswer } from './sipUserAgent';

interface Peer {
  socket: Socket;
  port: number;
  received: SipMessage[];
  next(predicate: (message: SipMessage) => boolean): Promise<SipMessage>;
  send(text: string, port: number): void;
}

async function startPeer(): Promise<Peer> {
  const socket = createSocket('udp4');
  const received: SipMessage[] = [];
  const waiters: {
    predicate: (message: SipMessage) => boolean;
    resolve: (message: SipMessage) => void;
  }[] = [];
  socket.on('message', (data) => {
    const message = parseSipMessage(data.toString());
    if (!message) return;
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    socket,
    port: socket.address().port,
    received,
    next: (predicate) =>
      new Promise((resolve) => {
        const seen = received.find(predicate);
        if (seen) resolve(seen);
        else waiters.push({ predicate, resolve });
      }),
    send: (text, port) => socket.send(text, port, '127.0.0.1'),
  };
}

const isRequest = (method: string) => (message: SipMessage) =>
  message.kind === 'request' && message.method === method;
const isStatus = (status: number) => (message: SipMessage) =>
  message.kind === 'response' && message.status === status;

function invite(peerPort: number, callId: string): string {
  const sdp =
    'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0\r\n';
  return serializeSipMessage({
    kind: 'request',
    method: 'INVITE',
    uri: 'sip:voicebot@127.0.0.1',
    headers: [
      { name: 'Via', value: `SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK${callId}` },
      { name: 'Record-Route', value: `<sip:127.0.0.1:${peerPort};lr>` },
      { name: 'From', value: '<sip:+4915112345678@127.0.0.1>;tag=caller' },
      { name: 'To', value: '<sip:+493023125101@127.0.0.1>' },
      { name: 'Call-ID', value: callId },
      { name: 'CSeq', value: '1 INVITE' },
      { name: 'Contact', value: `<sip:caller@127.0.0.1:${peerPort}>` },
      { name: 'Content-Type', value: 'application/sdp' },
    ],
    body: sdp,
  });
}

function inDialog(
  method: string,
  peerPort: number,
  callId: string,
  toTag: string,
  cseq: number,
  extra: { name: string; value: string }[] = [],
  body = '',
): string {
  return serializeSipMessage({
    kind: 'request',
    method,
    uri: 'sip:voicebot@127.0.0.1',
    headers: [
      { name: 'Via', value: `SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK${method}${cseq}` },
      { name: 'From', value: '<sip:+4915112345678@127.0.0.1>;tag=caller' },
      { name: 'To', value: `<sip:+493023125101@127.0.0.1>;tag=${toTag}` },
      { name: 'Call-ID', value: callId },
      { name: 'CSeq', value: `${cseq} ${method}` },
      ...extra,
    ],
    body,
  });
}

describe('voicebot SIP user agent', () => {
  let peer: Peer;
  let agent: SipUserAgent;
  const happened: string[] = [];
  let answerInvite: (invite: SipRequest) => Promise<InviteAnswer>;

  const events: DialogEvents = {
    onConfirmed: () => happened.push('confirmed'),
    onBye: () => happened.push('bye'),
    onCancel: () => happened.push('cancel'),
    onNotify: (status, terminated) => happened.push(`notify ${status} ${terminated}`),
    onReinvite: () => '',
  };

  beforeEach(async () => {
    happened.length = 0;
    answerInvite = async () => ({ accept: true, sdp: 'v=0\r\n', events });
    peer = await startPeer();
    agent = new SipUserAgent({
      user: 'voicebot',
      domain: '127.0.0.1',
      proxy: { host: '127.0.0.1', port: peer.port },
      localHost: '127.0.0.1',
      onInvite: (request) => answerInvite(request),
    });
    const started = agent.start();
    const register = (await peer.next(isRequest('REGISTER'))) as SipRequest;
    expect(headerValue(register, 'contact')).toMatch(/^<sip:voicebot@127\.0\.0\.1:\d+>$/);
    peer.send(
      serializeSipMessage(responseTo(register, 200, 'OK', { toTag: 'registrar' })),
      agent.localPort,
    );
    await started;
  });

  afterEach(async () => {
    const stopping = agent.stop();
    void peer
      .next((message) => isRequest('REGISTER')(message) && headerValue(message, 'expires') === '0')
      .then((message) => {
        peer.send(
          serializeSipMessage(responseTo(message as SipRequest, 200, 'OK', { toTag: 'r' })),
          agent.localPort,
        );
      });
    await stopping;
    peer.socket.close();
  });

  it('answers an INVITE, is confirmed by the ACK, REFERs along the route set and hears the NOTIFY', async () => {
    peer.send(invite(peer.port, 'call-a'), agent.localPort);
    await peer.next(isStatus(100));
    await peer.next(isStatus(180));
    const ok = await peer.next(isStatus(200));
    expect(ok.body).toBe('v=0\r\n');
    expect(headerValues(ok, 'record-route')).toHaveLength(1);
    const toTag = /tag=([^;]+)/.exec(headerValue(ok, 'to')!)![1]!;
    peer.send(inDialog('ACK', peer.port, 'call-a', toTag, 1), agent.localPort);
    await expect.poll(() => happened).toContain('confirmed');

    const referred = agent.sendInDialog('call-a', 'REFER', [
      { name: 'Refer-To', value: '<sip:handover.abcdefghijklmnop@127.0.0.1>' },
    ]);
    const refer = (await peer.next(isRequest('REFER'))) as SipRequest;
    expect(refer.uri).toBe(`sip:caller@127.0.0.1:${peer.port}`);
    expect(headerValue(refer, 'route')).toBe(`<sip:127.0.0.1:${peer.port};lr>`);
    expect(headerValue(refer, 'refer-to')).toBe('<sip:handover.abcdefghijklmnop@127.0.0.1>');
    expect(headerValue(refer, 'to')).toBe('<sip:+4915112345678@127.0.0.1>;tag=caller');
    peer.send(serializeSipMessage(responseTo(refer, 202, 'Accepted')), agent.localPort);
    expect((await referred).status).toBe(202);

    peer.send(
      inDialog(
        'NOTIFY',
        peer.port,
        'call-a',
        toTag,
        2,
        [
          { name: 'Event', value: 'refer' },
          { name: 'Subscription-State', value: 'terminated;reason=noresource' },
        ],
        'SIP/2.0 200 OK\r\n',
      ),
      agent.localPort,
    );
    const notifyOk = await peer.next(
      (message) => isStatus(200)(message) && cseqOf(message)?.method === 'NOTIFY',
    );
    expect(notifyOk).toBeDefined();
    expect(happened).toContain('notify 200 true');

    peer.send(inDialog('BYE', peer.port, 'call-a', toTag, 3), agent.localPort);
    await peer.next((message) => isStatus(200)(message) && cseqOf(message)?.method === 'BYE');
    expect(happened).toContain('bye');
  });

  it('refuses an INVITE the call layer rejects, and a CANCEL ends a pending one with 487', async () => {
    answerInvite = async () => ({ accept: false, status: 488, reason: 'Not Acceptable Here' });
    peer.send(invite(peer.port, 'call-b'), agent.localPort);
    await peer.next(isStatus(488));

    let release: (answer: InviteAnswer) => void = () => undefined;
    answerInvite = () => new Promise((resolve) => (release = resolve));
    peer.send(invite(peer.port, 'call-c'), agent.localPort);
    await peer.next(
      (message) => isStatus(100)(message) && headerValue(message, 'call-id') === 'call-c',
    );
    peer.send(
      inDialog('CANCEL', peer.port, 'call-c', '', 1)
        .replace('CSeq: 1 CANCEL', 'CSeq: 1 CANCEL')
        .replace(/;tag=\r\n/, '\r\n'),
      agent.localPort,
    );
    await peer.next(
      (message) => isStatus(487)(message) && headerValue(message, 'call-id') === 'call-c',
    );
    release({ accept: true, sdp: 'v=0\r\n', events });
    expect(
      peer.received.some(
        (message) =>
          isStatus(200)(message) &&
          cseqOf(message)?.method === 'INVITE' &&
          headerValue(message, 'call-id') === 'call-c',
      ),
    ).toBe(false);
  });

  it('survives hostile datagrams and answers a request without Call-ID with 400', async () => {
    for (const text of [
      '',
      '\u0000\u0001',
      'SIP/2.0 200 OK\r\n\r\n',
      'INVITE sip:x SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n',
      'x'.repeat(60_000),
    ]) {
      peer.send(text, agent.localPort);
    }
    peer.send(
      'OPTIONS sip:voicebot@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKo\r\nFrom: <sip:a@b>;tag=1\r\nCSeq: 1 OPTIONS\r\n\r\n',
      agent.localPort,
    );
    await peer.next(isStatus(400));
    peer.send(inDialog('BYE', peer.port, 'no-such-call', 'x', 5), agent.localPort);
    await peer.next(isStatus(481));
    peer.send(inDialog('OPTIONS', peer.port, 'ping', 'x', 1), agent.localPort);
    await peer.next((message) => isStatus(200)(message) && cseqOf(message)?.method === 'OPTIONS');
  });
});

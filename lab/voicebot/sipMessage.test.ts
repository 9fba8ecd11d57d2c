import { describe, expect, it } from 'vitest';
import {
  cseqOf,
  headerParameter,
  headerValue,
  headerValues,
  MAXIMUM_HEADERS,
  parseSipMessage,
  responseTo,
  serializeSipMessage,
  uriOf,
  type SipRequest,
} from './sipMessage';
import { readRemoteAudio, buildAudioAnswer } from './sessionDescription';

const INVITE = [
  'INVITE sip:voicebot@127.0.0.1:5070 SIP/2.0',
  'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKproxy, SIP/2.0/UDP 127.0.0.1:6000;branch=z9hG4bKcaller',
  'Record-Route: <sip:127.0.0.1;lr;ftag=a,b>',
  'f: "Anna, die Erste" <sip:+4915112345678@127.0.0.1:6000>;tag=caller1',
  't: <sip:+493023125101@127.0.0.1>',
  'i: call-1@127.0.0.1',
  'CSeq: 1 INVITE',
  'm: <sip:+4915112345678@127.0.0.1:6000>',
  'X-Empfang-Call-Id: 1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  'Subject: folded',
  '  over two lines',
  'c: application/sdp',
  'l: 129',
  '',
  'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 8 0 101\r\na=rtpmap:101 telephone-event/8000\r\n',
].join('\r\n');

describe('SIP messages', () => {
  it('parses a request with compact headers, lists, folding and a body', () => {
    const message = parseSipMessage(INVITE) as SipRequest;
    expect(message).toMatchObject({
      kind: 'request',
      method: 'INVITE',
      uri: 'sip:voicebot@127.0.0.1:5070',
    });
    expect(headerValue(message, 'from')).toContain('tag=caller1');
    expect(headerParameter(headerValue(message, 'From')!, 'tag')).toBe('caller1');
    expect(uriOf(headerValue(message, 'from')!)).toBe('sip:+4915112345678@127.0.0.1:6000');
    expect(headerValues(message, 'via')).toHaveLength(2);
    expect(headerValues(message, 'record-route')).toEqual(['<sip:127.0.0.1;lr;ftag=a,b>']);
    expect(headerValue(message, 'subject')).toBe('folded over two lines');
    expect(cseqOf(message)).toEqual({ sequence: 1, method: 'INVITE' });
    expect(readRemoteAudio(message.body)).toEqual({
      address: '127.0.0.1',
      port: 30000,
      pcmuOffered: true,
      telephoneEventPayloadType: 101,
      direction: 'sendrecv',
    });
  });

  it('builds responses that copy the transaction headers and add the To tag once', () => {
    const request = parseSipMessage(INVITE) as SipRequest;
    const ok = parseSipMessage(
      serializeSipMessage(responseTo(request, 200, 'OK', { toTag: 'bot1', body: 'v=0\r\n' })),
    )!;
    expect(ok).toMatchObject({ kind: 'response', status: 200, body: 'v=0\r\n' });
    expect(headerValues(ok, 'via')).toHaveLength(2);
    expect(headerValue(ok, 'to')).toBe('<sip:+493023125101@127.0.0.1>;tag=bot1');
    expect(headerValues(ok, 'record-route')).toHaveLength(1);
    const trying = responseTo(request, 100, 'Trying');
    expect(trying.headers.some((header) => header.name === 'Record-Route')).toBe(false);
    expect(headerValue(trying, 'content-length')).toBeUndefined();
    expect(serializeSipMessage(trying)).toContain('Content-Length: 0\r\n\r\n');
  });

  it('refuses hostile or broken input without throwing', () => {
    const hostile = [
      '',
      'garbage',
      'INVITE sip:a@b SIP/2.0\r\nVia: x\r\n', // no end of headers
      'INVITE sip:a@b SIP/3.0\r\n\r\n',
      'SIP/2.0 999 Nope\r\n\r\n',
      'INVITE sip:a@b SIP/2.0\r\nContent-Length: 99999999999\r\n\r\n',
      'INVITE sip:a@b SIP/2.0\r\nContent-Length: 50\r\n\r\nshort',
      'INVITE sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n',
      'INVITE sip:a@b SIP/2.0\r\nno colon here\r\n\r\n',
      'INVITE sip:a@b SIP/2.0\r\n<script>: x\r\n\r\n',
      `INVITE sip:a@b SIP/2.0\r\n${'X-A: 1\r\n'.repeat(MAXIMUM_HEADERS + 1)}\r\n`,
      `INVITE sip:a@b SIP/2.0\r\nSubject: ${'x'.repeat(70_000)}\r\n\r\n`,
      `INVITE sip:${'a'.repeat(3000)}@b SIP/2.0\r\n\r\n`,
    ];
    for (const text of hostile) expect(parseSipMessage(text)).toBeUndefined();
  });

  it('keeps hostile display names as data', () => {
    const text = INVITE.replace('"Anna, die Erste"', '"<script>alert(1)</script>\u202e"');
    const message = parseSipMessage(text)!;
    expect(uriOf(headerValue(message, 'from')!)).toBe('sip:+4915112345678@127.0.0.1:6000');
  });

  it('reads no audio from SDP without a usable audio stream', () => {
    expect(
      readRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=video 5000 RTP/AVP 96\r\n'),
    ).toBeUndefined();
    expect(readRemoteAudio('v=0\r\nm=audio 5000 RTP/AVP 0\r\n')).toBeUndefined();
    expect(
      readRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n'),
    ).toBeUndefined();
    expect(
      readRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5000 RTP/AVP 8\r\n')?.pcmuOffered,
    ).toBe(false);
    expect(
      readRemoteAudio('v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5000 RTP/AVP 0\r\na=sendonly\r\n')
        ?.direction,
    ).toBe('sendonly');
  });

  it('answers with PCMU and the offered telephone-event', () => {
    const answer = buildAudioAnswer({
      address: '127.0.0.1',
      port: 40000,
      sessionId: 1,
      version: 1,
      telephoneEventPayloadType: 101,
    });
    expect(answer).toContain('m=audio 40000 RTP/AVP 0 101\r\n');
    expect(readRemoteAudio(answer)).toMatchObject({
      port: 40000,
      pcmuOffered: true,
      telephoneEventPayloadType: 101,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { inspectOffer, type InviteMessage } from './inviteInspection';

function invite(sdp: string, contentType = 'application/sdp'): InviteMessage {
  return {
    body: sdp,
    getHeader: (name) => (name.toLowerCase() === 'content-type' ? contentType : undefined),
    getHeaders: () => [],
  };
}

const sdp = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const SESSION = ['v=0', 'o=lab 1 1 IN IP4 192.0.2.10', 's=lab'];
const AUDIO = ['m=audio 4000 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000', 'a=sendrecv'];

describe('inspectOffer', () => {
  it('accepts a plain PCMU offer, a late offer and a browser offer with per-stream c=', () => {
    expect(inspectOffer(invite(sdp(...SESSION, 'c=IN IP4 192.0.2.10', 't=0 0', ...AUDIO)))).toEqual(
      {
        usable: true,
      },
    );
    expect(inspectOffer(invite(''))).toEqual({ usable: true });
    const browser = sdp(
      ...SESSION,
      't=0 0',
      'a=group:BUNDLE 0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111',
      'c=IN IP4 0.0.0.0',
      'a=rtpmap:111 opus/48000/2',
    );
    expect(inspectOffer(invite(browser))).toEqual({ usable: true });
  });

  it('refuses an offer without any c= line with 488 (the browser could not answer it)', () => {
    expect(inspectOffer(invite(sdp(...SESSION, 't=0 0', ...AUDIO)))).toEqual({
      usable: false,
      statusCode: 488,
      reason: 'malformed',
    });
  });

  it('refuses garbage lines, a broken c= line and missing session lines with 488', () => {
    const garbage = sdp(...SESSION, 'c=IN IP4 192.0.2.10', 't=0 0', 'hello world', ...AUDIO);
    const brokenConnection = sdp(...SESSION, 'c=IN IP4 not-an-address!', 't=0 0', ...AUDIO);
    const noTiming = sdp(...SESSION, 'c=IN IP4 192.0.2.10', ...AUDIO);
    for (const body of [garbage, brokenConnection, noTiming]) {
      expect(inspectOffer(invite(body))).toMatchObject({ usable: false, statusCode: 488 });
    }
  });

  it('still refuses codecs it cannot do and port 0 with 488, non-SDP with 415', () => {
    const g729 = sdp(
      ...SESSION,
      'c=IN IP4 192.0.2.10',
      't=0 0',
      'm=audio 4000 RTP/AVP 18',
      'a=rtpmap:18 G729/8000',
    );
    expect(inspectOffer(invite(g729))).toMatchObject({ statusCode: 488, reason: 'no-codec' });
    const portZero = sdp(...SESSION, 'c=IN IP4 192.0.2.10', 't=0 0', 'm=audio 0 RTP/AVP 0');
    expect(inspectOffer(invite(portZero))).toMatchObject({ statusCode: 488, reason: 'no-audio' });
    expect(inspectOffer(invite('hello', 'text/plain'))).toMatchObject({ statusCode: 415 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  extractDialledNumber,
  splitHeaderEntries,
  uriOfEntry,
  userOfUri,
  type InviteHeaderSource,
} from './dialledNumber';

function invite(
  headers: Record<string, string[]>,
  requestUri = 'sip:k8s7d@abc.invalid;transport=ws',
): InviteHeaderSource {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [name.toLowerCase(), values]),
  );
  return { requestUri, headers: (name) => lower[name.toLowerCase()] ?? [] };
}

describe('extractDialledNumber', () => {
  it('prefers P-Called-Party-ID', () => {
    const request = invite({
      'P-Called-Party-ID': ['<sip:+4930123456@127.0.0.1>'],
      Diversion: ['<sip:+4940111222@carrier>;reason=unconditional'],
      To: ['<sip:+4989999999@127.0.0.1>'],
    });
    expect(extractDialledNumber(request)).toEqual({
      e164: '+4930123456',
      source: 'p-called-party-id',
    });
  });

  it('reads tel: URIs and user=phone parameters', () => {
    expect(extractDialledNumber(invite({ 'P-Called-Party-ID': ['<tel:+49-30-123456>'] }))).toEqual({
      e164: '+4930123456',
      source: 'p-called-party-id',
    });
    expect(
      extractDialledNumber(invite({ 'P-Called-Party-ID': ['sip:+4930123456@pbx;user=phone'] })),
    ).toEqual({ e164: '+4930123456', source: 'p-called-party-id' });
  });

  it('uses the last (original) Diversion entry', () => {
    const request = invite({
      Diversion: [
        '<sip:+4940111222@carrier>;reason=no-answer;counter=1, <sip:+4930123456@carrier>;reason=unconditional',
      ],
      To: ['<sip:1001@127.0.0.1>'],
    });
    expect(extractDialledNumber(request)).toEqual({ e164: '+4930123456', source: 'diversion' });
  });

  it('uses the lowest History-Info index', () => {
    const request = invite({
      'History-Info': [
        '<sip:1001@127.0.0.1>;index=1.1',
        '<sip:+4930123456@127.0.0.1?Reason=SIP%3Bcause%3D302>;index=1',
      ],
    });
    expect(extractDialledNumber(request)).toEqual({ e164: '+4930123456', source: 'history-info' });
  });

  it('falls back to To, then to the Request-URI', () => {
    expect(extractDialledNumber(invite({ To: ['"Kanzlei" <sip:+4930123456@127.0.0.1>'] }))).toEqual(
      { e164: '+4930123456', source: 'to' },
    );
    expect(
      extractDialledNumber(invite({ To: ['<sip:1001@127.0.0.1>'] }, 'sip:030123456@127.0.0.1')),
    ).toEqual({ e164: '+4930123456', source: 'request-uri' });
  });

  it('skips sources that hold no public number', () => {
    const request = invite({
      'P-Called-Party-ID': ['<sip:reception@127.0.0.1>'],
      To: ['<sip:+4930123456@127.0.0.1>;tag=1'],
    });
    expect(extractDialledNumber(request)?.source).toBe('to');
  });

  it('returns undefined for agent-to-agent calls', () => {
    expect(
      extractDialledNumber(invite({ To: ['<sip:1001@127.0.0.1>'] }, 'sip:1001@127.0.0.1')),
    ).toBeUndefined();
  });

  it('ignores oversized and hostile values', () => {
    const request = invite({
      'P-Called-Party-ID': [`<sip:+4930123456${'9'.repeat(3000)}@x>`],
      Diversion: ['<script>alert(1)</script>'],
      To: ['"\u202e" <sip:%2B4930123456@127.0.0.1>'],
    });
    expect(extractDialledNumber(request)).toEqual({ e164: '+4930123456', source: 'to' });
  });
});

describe('header helpers', () => {
  it('splits on top-level commas only', () => {
    expect(splitHeaderEntries('"A, B" <sip:1@x>, <sip:2@y;p=a,b>;q=1')).toEqual([
      '"A, B" <sip:1@x>',
      '<sip:2@y;p=a,b>;q=1',
    ]);
    expect(splitHeaderEntries('"esc\\"aped, still" <sip:1@x>')).toEqual([
      '"esc\\"aped, still" <sip:1@x>',
    ]);
  });

  it('reads URIs and users', () => {
    expect(uriOfEntry('"x" <sip:1@h>;tag=3')).toBe('sip:1@h');
    expect(uriOfEntry('sip:1@h;user=phone')).toBe('sip:1@h');
    expect(userOfUri('sips:+49301@h:5061')).toBe('+49301');
    expect(userOfUri('sip:host-only')).toBeUndefined();
    expect(userOfUri('http://x')).toBeUndefined();
    expect(userOfUri('sip:%ZZ@h')).toBe('%ZZ');
  });
});

import { describe, expect, it } from 'vitest';
import {
  HANDOVER_TOKEN_LIFETIME_MS,
  matchHandover,
  parseHandoverToken,
  remainingHandovers,
  type AcceptedHandover,
} from './handoverMatch';

const ACCEPTED: AcceptedHandover = {
  handoverToken: 'tok_9f2c1a7e5b3d',
  callId: 'call-1',
  acceptedAt: 1_000,
};

describe('matchHandover', () => {
  it('answers the INVITE whose token equals an accepted one', () => {
    expect(matchHandover([ACCEPTED], 'tok_9f2c1a7e5b3d', 2_000)).toEqual({
      kind: 'answer',
      handover: ACCEPTED,
    });
  });

  it('tolerates surrounding whitespace of the header value', () => {
    expect(matchHandover([ACCEPTED], '  tok_9f2c1a7e5b3d ', 2_000).kind).toBe('answer');
  });

  it('rings an INVITE without the header', () => {
    expect(matchHandover([ACCEPTED], undefined, 2_000)).toEqual({
      kind: 'ring',
      reason: 'no-token',
    });
    expect(matchHandover([ACCEPTED], '   ', 2_000)).toEqual({ kind: 'ring', reason: 'no-token' });
  });

  it('rings an INVITE with another token', () => {
    expect(matchHandover([ACCEPTED], 'tok_00000000aaaa', 2_000)).toEqual({
      kind: 'ring',
      reason: 'unknown-token',
    });
  });

  it('rings a token INVITE when no offer was accepted', () => {
    expect(matchHandover([], 'tok_9f2c1a7e5b3d', 2_000)).toEqual({
      kind: 'ring',
      reason: 'unknown-token',
    });
  });

  it('never matches by prefix, case or a list of tokens', () => {
    expect(matchHandover([ACCEPTED], 'tok_9f2c1a7e5b3', 2_000).kind).toBe('ring');
    expect(matchHandover([ACCEPTED], 'TOK_9F2C1A7E5B3D', 2_000).kind).toBe('ring');
    expect(matchHandover([ACCEPTED], 'tok_9f2c1a7e5b3d, other_token', 2_000)).toEqual({
      kind: 'ring',
      reason: 'malformed-token',
    });
  });

  it('refuses malformed tokens unread', () => {
    for (const value of ['<script>', 'a', 'tok with space', 'x'.repeat(65), 'tok;rm -rf']) {
      expect(matchHandover([ACCEPTED], value, 2_000).kind).toBe('ring');
    }
    expect(parseHandoverToken('tok\u0000abcdefgh')).toBeUndefined();
  });

  it('rings a token that was accepted too long ago', () => {
    const late = ACCEPTED.acceptedAt + HANDOVER_TOKEN_LIFETIME_MS + 1;
    expect(matchHandover([ACCEPTED], ACCEPTED.handoverToken, late)).toEqual({
      kind: 'ring',
      reason: 'unknown-token',
    });
  });

  it('spends a matched token and drops expired ones', () => {
    const other = { handoverToken: 'tok_otherother_2', callId: 'call-2', acceptedAt: 5_000 };
    expect(remainingHandovers([ACCEPTED, other], ACCEPTED.handoverToken, 6_000)).toEqual([other]);
    expect(
      remainingHandovers([ACCEPTED, other], undefined, 1_000 + HANDOVER_TOKEN_LIFETIME_MS + 1),
    ).toEqual([other]);
  });
});

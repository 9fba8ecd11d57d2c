/**
 * Who receives the hybrid events on `/events` (docs/hybrid.md "Events"): offers reach exactly
 * their agent; transcripts and bot-call state reach users of that client only; an agent sees its
 * own state changes (e.g. `offered`) but not colleagues'.
 */
import { describe, expect, it } from 'vitest';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import { mayReceive } from '../events/eventSocketServer';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';

function user(id: string, role: AuthenticatedUser['role'], clientIds: string[]): AuthenticatedUser {
  return { id, userName: id, displayName: id, role, clientIds: new Set(clientIds), sessionId: 's' };
}

const at = '2025-03-31T08:00:00.000Z';
const anna = user('anna', 'agent', ['own']);
const ben = user('ben', 'agent', ['own']);
const olga = user('olga', 'agent', ['other']);
const admin = user('admin', 'admin', []);

describe('hybrid event scope', () => {
  it('delivers an offer only to the agent it is for', () => {
    const created = {
      type: 'offer.created',
      at,
      agentUserId: 'anna',
      offer: {
        offerId: 'o',
        callId: 'c',
        clientId: 'own',
        line: '+4930111111',
        reason: 'emergency',
        urgency: 'emergency',
        summary: '',
        collectedFields: [],
        consentGiven: true,
        disclosurePlayed: true,
        transcript: [],
        offeredAt: at,
        expiresAt: at,
      },
    } satisfies PortalEvent;
    const withdrawn = {
      type: 'offer.withdrawn',
      at,
      agentUserId: 'anna',
      offerId: 'o',
      callId: 'c',
      reason: 'caller-hung-up',
    } satisfies PortalEvent;
    for (const event of [created, withdrawn]) {
      expect([anna, ben, olga, admin].map((candidate) => mayReceive(candidate, event))).toEqual([
        true,
        false,
        false,
        false,
      ]);
    }
  });

  it('keeps transcripts and bot-call state within the client', () => {
    const transcript = {
      type: 'bot-call.transcript',
      at,
      clientId: 'own',
      callId: 'c',
      segments: [],
    } satisfies PortalEvent;
    expect([anna, olga, admin].map((candidate) => mayReceive(candidate, transcript))).toEqual([
      true,
      false,
      true,
    ]);
  });

  it("shows an agent its own state but not a colleague's", () => {
    const offered = {
      type: 'presence.changed',
      at,
      userId: 'anna',
      state: 'offered',
    } satisfies PortalEvent;
    expect(mayReceive(anna, offered)).toBe(true);
    expect(mayReceive(ben, offered)).toBe(false);
    expect(mayReceive(admin, offered)).toBe(true);
  });
});

/**
 * Who receives the hybrid events on `/events` (docs/hybrid.md "Events"): offers reach exactly
 * their agent; transcripts and bot-call state reach users of that client only; an agent sees its
 * own state changes (e.g. `offered`) but not colleagues'.
 */
import { describe, expect, it } from 'vitest';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import { isInAudience } from '../events/eventHub';
import type { PortalEvent } from '../../shared/portalWire/eventSchemas';
import { clientAudience, offerAudience, presenceAudienceOf } from './hybridAudiences';

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
      const audience = offerAudience(event.agentUserId);
      expect(
        [anna, ben, olga, admin].map((candidate) => isInAudience(candidate, audience)),
      ).toEqual([true, false, false, false]);
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
    const audience = clientAudience(transcript.clientId);
    expect([anna, olga, admin].map((candidate) => isInAudience(candidate, audience))).toEqual([
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
    const audience = presenceAudienceOf(offered.userId, ['own']);
    const watcher = user('wanda', 'supervisor', ['own']);
    const otherWatcher = user('otto', 'supervisor', ['other']);
    expect(isInAudience(anna, audience)).toBe(true);
    expect(isInAudience(ben, audience)).toBe(false);
    expect(isInAudience(watcher, audience)).toBe(true);
    expect(isInAudience(otherWatcher, audience)).toBe(false);
    expect(isInAudience(admin, audience)).toBe(true);
  });
});

/**
 * An accept hands the softphone's gate the token and the offer's line, and keeps the gate
 * waiting while the claim is under way (the handed-over INVITE may arrive first).
 */
import { describe, expect, it } from 'vitest';
import type { AcceptedHandover } from '../../../shared/domain/handoverMatch';
import { acceptOffer } from './offerActions';
import { createHybridStore } from './hybridStore';
import { HANDOVER_TOKEN, HybridDeskFake, offerFixture } from './testing/hybridDeskFake';

function recordingGate() {
  const events: string[] = [];
  const expected: AcceptedHandover[] = [];
  return {
    events,
    expected,
    gate: {
      expect: (handover: AcceptedHandover) => {
        events.push('expect');
        expected.push(handover);
      },
      accepting: () => {
        events.push('accepting');
        return () => events.push('settled');
      },
    },
  };
}

describe('acceptOffer', () => {
  it('gives the gate the token, the call and the line, inside the accepting window', async () => {
    const store = createHybridStore();
    const offer = offerFixture();
    store.getState().receiveOffer(offer);
    const { events, expected, gate } = recordingGate();
    await acceptOffer(
      { store, client: new HybridDeskFake().client, handover: gate },
      offer.offerId,
    );
    expect(events).toEqual(['accepting', 'expect', 'settled']);
    expect(expected[0]).toMatchObject({
      handoverToken: HANDOVER_TOKEN,
      callId: offer.callId,
      line: '+493023125101',
    });
  });

  it('settles the window also when the portal cannot be reached', async () => {
    const store = createHybridStore();
    const offer = offerFixture();
    store.getState().receiveOffer(offer);
    const desk = new HybridDeskFake();
    desk.claimAnswer = 'unreachable';
    const { events, gate } = recordingGate();
    await acceptOffer({ store, client: desk.client, handover: gate }, offer.offerId);
    expect(events).toEqual(['accepting', 'settled']);
    expect(store.getState().offers[offer.offerId]?.phase).toBe('ringing');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { AppClient } from '../../../shared/contract/appContract';
import { offerFixture } from './testing/hybridDeskFake';
import type { OfferView } from './hybridStore';
import { followAnswerKey, offerForAnswerKey } from './offerShortcut';

const view = (offerId: string, phase: OfferView['phase']): OfferView =>
  ({ offer: { ...offerFixture(), offerId }, phase }) as OfferView;

describe('offerForAnswerKey', () => {
  it('takes the longest-ringing offer, skips accepted ones, and none while a call rings', () => {
    const offers = [
      view('accepted-one', 'accepted'),
      view('older', 'ringing'),
      view('newer', 'ringing'),
    ];
    expect(offerForAnswerKey(offers, false)).toBe('older');
    expect(offerForAnswerKey(offers, true)).toBeUndefined();
    expect(offerForAnswerKey([view('accepted-one', 'accepted')], false)).toBeUndefined();
  });
});

describe('followAnswerKey', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  it("answers the host's global answer shortcut (Electron) as it answers Alt+A", () => {
    let shortcut: ((event: { action: string }) => void) | undefined;
    const client = {
      system: {
        onGlobalShortcut: (listener: (event: { action: string }) => void) => {
          shortcut = listener;
          return () => (shortcut = undefined);
        },
      },
    };
    const answered: string[] = [];
    stops.push(
      followAnswerKey(client as unknown as Pick<AppClient, 'system'>, () => {
        answered.push('answer');
        return true;
      }),
    );
    shortcut?.({ action: 'mute' });
    expect(answered).toEqual([]);
    shortcut?.({ action: 'answer' });
    window.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, code: 'KeyA' }));
    expect(answered).toEqual(['answer', 'answer']);
    stops.pop()?.();
    expect(shortcut).toBeUndefined();
    window.dispatchEvent(new KeyboardEvent('keydown', { altKey: true, code: 'KeyA' }));
    expect(answered).toHaveLength(2);
  });
});

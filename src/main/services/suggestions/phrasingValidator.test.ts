import { describe, expect, it } from 'vitest';
import { DEMO_PLUMBING_BUSINESS } from '../../../shared/demo/demoClients';
import { isAcceptablePhrasing } from './phrasingValidator';

const drain = DEMO_PLUMBING_BUSINESS.approvedTexts.find(
  (text) => text.id === 'trade-blocked-drain',
)!.text;
const rates = DEMO_PLUMBING_BUSINESS.approvedTexts.find((text) => text.id === 'trade-rates')!.text;

describe('isAcceptablePhrasing', () => {
  it('accepts a shortened phrasing built from the approved words', () => {
    expect(
      isAcceptablePhrasing(
        'Bei einem verstopften Abfluss kommen wir am selben oder nächsten Werktag.',
        drain,
      ),
    ).toBe(true);
  });

  it('rejects new numbers, links, negations and foreign content', () => {
    expect(isAcceptablePhrasing('Unser Stundensatz beträgt 38 Euro netto.', rates)).toBe(false);
    expect(
      isAcceptablePhrasing('Infos unter www.example.org zum verstopften Abfluss.', drain),
    ).toBe(false);
    expect(isAcceptablePhrasing('Wir kommen nicht am selben oder nächsten Werktag.', drain)).toBe(
      false,
    );
    expect(isAcceptablePhrasing('Alle Reparaturen sind heute kostenlos.', drain)).toBe(false);
    expect(isAcceptablePhrasing('Ja.', drain)).toBe(false);
  });
});

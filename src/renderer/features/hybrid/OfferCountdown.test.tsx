import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/createI18n';
import { OfferCountdown, secondsLeft } from './OfferCountdown';

const EXPIRES = '2026-12-06T10:00:15.000Z';
const at = (seconds: number) => Date.parse('2026-12-06T10:00:00.000Z') + seconds * 1_000;

function renderCountdown(now: number) {
  return render(
    <I18nextProvider i18n={createI18n('de')}>
      <OfferCountdown expiresAt={EXPIRES} now={now} />
    </I18nextProvider>,
  );
}

describe('offer countdown', () => {
  it('counts whole seconds down to the expiry', () => {
    expect(secondsLeft(EXPIRES, at(0))).toBe(15);
    expect(secondsLeft(EXPIRES, at(14.2))).toBe(1);
    expect(secondsLeft(EXPIRES, at(15))).toBe(0);
    expect(secondsLeft(EXPIRES, at(99))).toBe(0);
    expect(secondsLeft('not a time', at(0))).toBe(0);
  });

  it('shows the seconds, marks the last five and says when it expired', () => {
    const view = renderCountdown(at(3));
    expect(screen.getByTestId('offer-countdown').textContent).toBe('Noch 12 s');
    expect(screen.getByTestId('offer-countdown').className).not.toContain('urgent');
    view.rerender(
      <I18nextProvider i18n={createI18n('de')}>
        <OfferCountdown expiresAt={EXPIRES} now={at(11)} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('offer-countdown').textContent).toBe('Noch 4 s');
    expect(screen.getByTestId('offer-countdown').className).toContain('offer-countdown-urgent');
    view.rerender(
      <I18nextProvider i18n={createI18n('de')}>
        <OfferCountdown expiresAt={EXPIRES} now={at(16)} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('offer-countdown').textContent).toBe('Abgelaufen');
  });
});

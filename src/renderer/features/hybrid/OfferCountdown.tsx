/** Seconds left before the portal offers the call to the next agent. */
import { useTranslation } from 'react-i18next';

export interface OfferCountdownProps {
  expiresAt: string;
  now: number;
}

/** Whole seconds left (never negative); NaN-safe for a malformed time. */
export function secondsLeft(expiresAt: string, now: number): number {
  const end = Date.parse(expiresAt);
  if (!Number.isFinite(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1_000));
}

export function OfferCountdown({ expiresAt, now }: OfferCountdownProps) {
  const { t } = useTranslation('hybrid');
  const seconds = secondsLeft(expiresAt, now);
  return (
    <span
      className={`offer-countdown${seconds <= 5 ? ' offer-countdown-urgent' : ''}`}
      data-testid="offer-countdown"
      // Every second would flood a screen reader; the live region announces the offer once.
      aria-live="off"
    >
      {seconds > 0 ? t('offers.countdown', { seconds }) : t('offers.expired')}
    </span>
  );
}

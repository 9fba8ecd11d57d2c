/** A client's hours "now" in Europe/Berlin: open or closed, today's periods, the next opening. */
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { openingState } from './openingHours';

export function OpeningHoursSummary({
  openingHours,
  now,
}: {
  openingHours: ClientProfile['openingHours'];
  now: Date;
}) {
  const { t, i18n } = useTranslation('clientCard');
  const hours = openingState(openingHours, now);
  const weekdayName = (weekday: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
      // 2023-01-01 was a Sunday (weekday 0).
      new Date(Date.UTC(2023, 0, 1 + weekday)),
    );
  return (
    <>
      {/* Words and a mark, not colour alone (WCAG 1.4.1). */}
      <p
        className={hours.open ? 'client-card-open' : 'client-card-closed'}
        data-testid="client-card-open-state"
        data-open={hours.open}
      >
        {t(hours.open ? 'hours.openNow' : 'hours.closedNow')}
      </p>
      <p>
        {hours.today.length > 0
          ? t('hours.today', {
              periods: hours.today.map((period) => `${period.opens}–${period.closes}`).join(', '),
            })
          : t('hours.closedToday')}
      </p>
      {hours.nextOpening ? (
        <p>
          {hours.nextOpening.today
            ? t('hours.nextToday', { time: hours.nextOpening.opens })
            : t('hours.next', {
                day: weekdayName(hours.nextOpening.weekday),
                time: hours.nextOpening.opens,
              })}
        </p>
      ) : null}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { fillGreeting } from '../../../shared/domain/greetingText';
import { usePortalSession } from '../login/usePortalSession';
import { ApprovedTextsSection } from './ApprovedTextsSection';
import { openingState } from './openingHours';
import { plainLine, plainLines } from './plainText';
import { StaffDirectory, type StaffTransfer } from './StaffDirectory';

/** Re-render once a minute so "open now" stays true without a reload. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ClientCardDetails({
  profile,
  line,
  transfer,
}: {
  profile: ClientProfile;
  line: string;
  transfer?: StaffTransfer;
}) {
  const { t, i18n } = useTranslation('clientCard');
  const now = useMinuteClock();
  const hours = openingState(profile.openingHours, now);
  const weekdayName = (weekday: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(
      // 2023-01-01 was a Sunday (weekday 0).
      new Date(Date.UTC(2023, 0, 1 + weekday)),
    );
  const instructions = plainLines(profile.workInstructions);
  const agentName = usePortalSession((view) => view.session?.user?.displayName);
  const greeting = fillGreeting(profile.greeting, {
    agentName,
    clientName: profile.name,
    agentNameFallback: t('agentNameFallback'),
  });
  return (
    <section className="client-card" aria-labelledby="client-card-name" data-testid="client-card">
      <header className="client-card-header">
        <h2 id="client-card-name">{plainLine(profile.name, 200)}</h2>
        <span className="client-card-line">{t('line', { line })}</span>
      </header>
      <div className="client-card-greeting" aria-label={t('greeting')}>
        <span className="client-card-label">{t('greeting')}</span>
        <p data-testid="client-card-greeting">{plainLines(greeting, 1000, 10)}</p>
      </div>
      {profile.professionalSecrecy ? <p className="client-card-secrecy">{t('secrecy')}</p> : null}
      <div className="client-card-columns">
        <section aria-labelledby="client-card-instructions">
          <h3 id="client-card-instructions">{t('instructions')}</h3>
          <p className="client-card-multiline">{instructions || t('noInstructions')}</p>
        </section>
        <section aria-labelledby="client-card-hours">
          <h3 id="client-card-hours">{t('hours.title')}</h3>
          <p
            className={hours.open ? 'client-card-open' : 'client-card-closed'}
            data-testid="client-card-open-state"
          >
            {t(hours.open ? 'hours.openNow' : 'hours.closedNow')}
          </p>
          <p>
            {hours.today.length > 0
              ? t('hours.today', {
                  periods: hours.today
                    .map((period) => `${period.opens}–${period.closes}`)
                    .join(', '),
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
        </section>
      </div>
      {profile.escalationRules.length > 0 ? (
        <section aria-labelledby="client-card-escalation">
          <h3 id="client-card-escalation">{t('escalation')}</h3>
          <ul>
            {profile.escalationRules.map((rule, index) => (
              <li key={index}>{plainLine(rule, 500)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {profile.keywordAlerts.length > 0 ? (
        <p className="client-card-keywords">
          <span className="client-card-label">{t('keywords')}:</span>{' '}
          {profile.keywordAlerts.map((keyword) => plainLine(keyword, 64)).join(', ')}
        </p>
      ) : null}
      <StaffDirectory staff={profile.staff} transfer={transfer} />
      <ApprovedTextsSection profile={profile} />
    </section>
  );
}

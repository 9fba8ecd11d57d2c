import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { fillGreeting } from '../../../shared/domain/greetingText';
import { usePortalSession } from '../login/usePortalSession';
import { ApprovedTextsSection } from './ApprovedTextsSection';
import { OpeningHoursSummary } from './OpeningHoursSummary';
import { plainLine, plainLines } from './plainText';
import { StaffDirectory, type StaffTransfer } from './StaffDirectory';
import { useMinuteClock } from './useMinuteClock';

export function ClientCardDetails({
  profile,
  line,
  transfer,
  badge,
}: {
  profile: ClientProfile;
  line: string;
  transfer?: StaffTransfer;
  /** Shown in the header beside the line (e.g. whether the bot answers it): no extra row. */
  badge?: ReactNode;
}) {
  const { t } = useTranslation('clientCard');
  const now = useMinuteClock();
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
        {badge}
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
          <OpeningHoursSummary openingHours={profile.openingHours} now={now} />
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

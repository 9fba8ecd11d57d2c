/** Registration health as the agent needs it: state, server, identity, last refresh and error. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/state/appStore';
import { useSoftphone } from '../softphoneContext';

export function RegistrationStatus() {
  const { t, i18n } = useTranslation('softphone');
  const { store } = useSoftphone();
  const registration = useAppStore(store, (state) => state.registration);
  if (registration.unconfigured) {
    return (
      <section
        className="softphone-registration"
        data-testid="softphone-registration"
        data-health="unconfigured"
      >
        <p className="softphone-warning">{t('registration.unconfigured')}</p>
      </section>
    );
  }
  const refreshed =
    registration.lastRegisteredAt === undefined
      ? t('registration.never')
      : new Date(registration.lastRegisteredAt).toLocaleTimeString(i18n.language);
  return (
    <section
      className="softphone-registration"
      aria-labelledby="softphone-registration-title"
      data-testid="softphone-registration"
      data-health={registration.health}
    >
      <h2 id="softphone-registration-title" className="softphone-heading">
        {t('registration.heading')}
      </h2>
      <p className={`softphone-health softphone-health-${registration.health}`} role="status">
        {t(`registration.health.${registration.health}`)}
      </p>
      <dl className="softphone-facts">
        <dt>{t('registration.server')}</dt>
        <dd>{registration.server}</dd>
        <dt>{t('registration.identity')}</dt>
        <dd>{registration.identity}</dd>
        <dt>{t('registration.lastRefresh')}</dt>
        <dd data-testid="softphone-last-refresh">{refreshed}</dd>
        <dt>{t('registration.lastProblem')}</dt>
        <dd data-testid="softphone-last-problem" data-problem={registration.lastProblem ?? ''}>
          {registration.lastProblem
            ? t(`registration.problems.${registration.lastProblem}`)
            : t('registration.none')}
        </dd>
      </dl>
    </section>
  );
}

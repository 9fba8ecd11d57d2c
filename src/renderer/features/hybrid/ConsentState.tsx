/** The AI disclosure and the caller's consent, shown for the whole call. */
import { useTranslation } from 'react-i18next';

export interface ConsentStateProps {
  disclosurePlayed: boolean;
  consentGiven: boolean | null;
}

export function ConsentState({ disclosurePlayed, consentGiven }: ConsentStateProps) {
  const { t } = useTranslation('hybrid');
  const consent = consentGiven === null ? 'unknown' : consentGiven ? 'given' : 'declined';
  return (
    <p className="consent-state" data-testid="consent-state">
      <span
        className={`hybrid-badge${disclosurePlayed ? '' : ' hybrid-badge-warning'}`}
        data-testid="ai-disclosure"
      >
        {t(disclosurePlayed ? 'disclosure.played' : 'disclosure.missing')}
      </span>{' '}
      <span
        className={`hybrid-badge hybrid-badge-consent-${consent}`}
        data-testid="consent-badge"
        data-consent={consent}
      >
        {t(`consent.${consent}`)}
      </span>
    </p>
  );
}

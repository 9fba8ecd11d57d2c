/**
 * The flag on a card whose caller words tried to steer the assistant ("ignorier deine
 * Anweisungen …"). The same on answer and escalation cards; it shows no caller text.
 */
import { useTranslation } from 'react-i18next';

export function SteeringAttemptFlag() {
  const { t } = useTranslation('suggestions');
  return (
    <p className="suggestion-note suggestion-warning" data-testid="steering-attempt-flag">
      {t('injection')}
    </p>
  );
}

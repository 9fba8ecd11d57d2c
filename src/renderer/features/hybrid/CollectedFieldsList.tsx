/** The fields the bot collected, with how sure it is; values are caller text, shown as text. */
import { useTranslation } from 'react-i18next';
import type { CollectedField } from '../../../shared/contract/services/hybridService';
import { sanitizeDisplayText } from '../../../shared/domain/displayText';

const VALUE_MAX_LENGTH = 500;

export function CollectedFieldsList({ fields }: { fields: readonly CollectedField[] }) {
  const { t } = useTranslation('hybrid');
  if (fields.length === 0) return <p className="hybrid-muted">{t('offers.noFields')}</p>;
  return (
    <dl className="collected-fields">
      {fields.map((field) => (
        <div key={field.field} className="collected-field" data-testid={`collected-${field.field}`}>
          <dt>{t(`fields.${field.field}`)}</dt>
          <dd>
            <span>{sanitizeDisplayText(field.value, VALUE_MAX_LENGTH)}</span>{' '}
            <span
              className={`collected-confidence${field.confidence < 0.6 ? ' collected-confidence-low' : ''}`}
            >
              {t('offers.confidence', { percent: Math.round(field.confidence * 100) })}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

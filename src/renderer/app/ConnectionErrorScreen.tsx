import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/contract/services/settingsService';
import { applyLanguage } from '../i18n/createI18n';
import type { PlatformFailure } from '../platform/platform';

const FAILURE_KEYS: Record<PlatformFailure, string> = {
  'missing-token': 'missingToken',
  'invalid-token': 'invalidToken',
  'host-unreachable': 'hostUnreachable',
};

/** Shown when the renderer cannot reach its host: each failure says what happened and what to do. */
export function ConnectionErrorScreen({ failure }: { failure: PlatformFailure }) {
  const { t, i18n } = useTranslation('app');
  const key = `connectionError.${FAILURE_KEYS[failure]}`;
  return (
    <main
      className="connection-error"
      data-failure={failure}
      aria-labelledby="connection-error-title"
    >
      <div className="connection-error-card">
        <p className="app-brand">{t('frame.productName')}</p>
        <h1 id="connection-error-title">{t(`${key}.title`)}</h1>
        <p>{t(`${key}.body`)}</p>
        <p className="connection-error-action">{t(`${key}.action`)}</p>
        {failure === 'host-unreachable' && (
          <button type="button" onClick={() => window.location.reload()}>
            {t('connectionError.retry')}
          </button>
        )}
        <div className="segmented" role="group" aria-label={t('frame.language')}>
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => void applyLanguage(i18n, language)}
            >
              {language.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </main>
  );
}

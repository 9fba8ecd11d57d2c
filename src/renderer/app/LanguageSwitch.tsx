import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/contract/services/settingsService';
import { applyAppearance } from '../features/settings/applyAppearance';
import { applyLanguage } from '../i18n/createI18n';
import type { Language } from '../i18n/defineTranslations';
import { useAppEnvironment } from './AppEnvironment';

/**
 * DE | EN in the header. Switches at once and saves the choice in the settings; when the host
 * refuses, the switch still holds for this window and the agent is told it was not saved.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  const { client } = useAppEnvironment();
  const queryClient = useQueryClient();
  const [notSaved, setNotSaved] = useState(false);

  const choose = async (language: Language): Promise<void> => {
    await applyLanguage(i18n, language);
    setNotSaved(!(await applyAppearance({ client, queryClient, change: { language } })));
  };

  return (
    <div className="language-switch">
      <div className="segmented" role="group" aria-label={t('frame.language')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={i18n.language === language}
            data-language={language}
            onClick={() => void choose(language)}
          >
            {language.toUpperCase()}
          </button>
        ))}
      </div>
      {notSaved && (
        <span className="inline-error" role="alert">
          {t('frame.languageNotSaved')}
        </span>
      )}
    </div>
  );
}

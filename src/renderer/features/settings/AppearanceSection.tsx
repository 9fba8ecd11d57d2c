import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  THEMES,
  type SettingsValues,
} from '../../../shared/contract/services/settingsService';
import { useAppClient } from '../../app/AppEnvironment';
import { applyLanguage } from '../../i18n/createI18n';
import { applyAppearance } from './applyAppearance';

/** Language and theme: applied and saved at once, independent of the form's Save button. */
export function AppearanceSection({ values }: { values: SettingsValues }) {
  const { t, i18n } = useTranslation('settings');
  const client = useAppClient();
  const queryClient = useQueryClient();
  const [notSaved, setNotSaved] = useState(false);

  const change = async (
    change: Partial<Pick<SettingsValues, 'language' | 'theme'>>,
  ): Promise<void> => {
    if (change.language) await applyLanguage(i18n, change.language);
    setNotSaved(!(await applyAppearance({ client, queryClient, change })));
  };

  return (
    <fieldset className="settings-section">
      <legend>{t('sections.appearance')}</legend>
      <div className="form-row">
        <label htmlFor="settings-language">{t('appearance.language')}</label>
        <div className="form-control">
          <select
            id="settings-language"
            value={values.language}
            onChange={(event) =>
              void change({ language: event.target.value as SettingsValues['language'] })
            }
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`appearance.languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <label htmlFor="settings-theme">{t('appearance.theme')}</label>
        <div className="form-control">
          <select
            id="settings-theme"
            value={values.theme}
            onChange={(event) =>
              void change({ theme: event.target.value as SettingsValues['theme'] })
            }
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`appearance.themes.${theme}`)}
              </option>
            ))}
          </select>
          <p className="form-hint">{t('appearance.appliesAtOnce')}</p>
          {notSaved && (
            <p className="form-error" role="alert">
              {t('appearance.notSaved')}
            </p>
          )}
        </div>
      </div>
    </fieldset>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAppClient } from '../../app/AppEnvironment';
import { settingsQueryOptions } from '../../data/hostQueries';
import { AppearanceSection } from './AppearanceSection';
import { RecoveryNotice } from './RecoveryNotice';
import { SettingsForm } from './SettingsForm';
import './settings.css';

/** The settings area: recovery notice, appearance (applies at once) and the connection form. */
export function SettingsArea() {
  const { t } = useTranslation('settings');
  const settings = useQuery(settingsQueryOptions(useAppClient()));
  if (settings.isPending) return <p role="status">{t('loading')}</p>;
  if (settings.isError) {
    return (
      <p className="banner banner-error" role="alert">
        {t('loadFailed')}
      </p>
    );
  }
  return (
    <div className="settings-area">
      <RecoveryNotice />
      <AppearanceSection values={settings.data.values} />
      <SettingsForm view={settings.data} />
    </div>
  );
}

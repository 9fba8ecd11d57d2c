import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppClient } from '../../app/AppEnvironment';
import { HOST_QUERY_KEYS, settingsQueryOptions } from '../../data/hostQueries';

/** Tells the agent that an unreadable settings file was set aside, until acknowledged. */
export function RecoveryNotice() {
  const { t } = useTranslation('settings');
  const client = useAppClient();
  const queryClient = useQueryClient();
  const settings = useQuery(settingsQueryOptions(client));
  const [failed, setFailed] = useState(false);
  const recovered = settings.data?.recoveredFromCorruptFile;
  if (!recovered) return null;

  const acknowledge = async (): Promise<void> => {
    const result = await client.settings.acknowledgeRecovery();
    if (result.ok) queryClient.setQueryData(HOST_QUERY_KEYS.settings, result.value);
    setFailed(!result.ok);
  };

  return (
    <div className="banner banner-warning" role="alert" data-testid="recovery-notice">
      <p>
        <strong>{t('recovery.title')}</strong>{' '}
        {t('recovery.body', { backupFileName: recovered.backupFileName })}
      </p>
      <button type="button" onClick={() => void acknowledge()}>
        {t('recovery.acknowledge')}
      </button>
      {failed && <p className="form-error">{t('save.failed')}</p>}
    </div>
  );
}

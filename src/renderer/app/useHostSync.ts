/**
 * Keeps the window in step with its host: settings changes from any window update the query
 * cache and the settings draft, language and theme follow the settings, and a lost host
 * connection turns the host status item red (the banner reads it).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HOST_QUERY_KEYS, settingsQueryOptions } from '../data/hostQueries';
import { applyLanguage } from '../i18n/createI18n';
import { useAppEnvironment } from './AppEnvironment';
import { STATUS_ITEM_IDS } from './state/statusStore';
import { useTheme } from './theme';

export function useHostSync(): void {
  const { client, platform, stores } = useAppEnvironment();
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const settings = useQuery(settingsQueryOptions(client));

  useEffect(
    () =>
      client.settings.onDidChange((view) => {
        queryClient.setQueryData(HOST_QUERY_KEYS.settings, view);
      }),
    [client, queryClient],
  );

  useEffect(
    () =>
      platform.onDisconnect(() => {
        stores.status.getState().updateItem(STATUS_ITEM_IDS.host, {
          level: 'error',
          valueKey: 'app:status.disconnected',
        });
      }),
    [platform, stores],
  );

  const values = settings.data?.values;
  useEffect(() => {
    if (values) stores.settingsForm.getState().receiveValues(values);
  }, [values, stores]);

  const language = values?.language;
  useEffect(() => {
    if (language) void applyLanguage(i18n, language);
  }, [language, i18n]);

  useTheme(values?.theme);
}

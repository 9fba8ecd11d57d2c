/**
 * Language and theme apply at once (no Save button): the change is sent to the host, which
 * persists it and announces the new view to every window.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type { SettingsValues } from '../../../shared/contract/services/settingsService';
import { HOST_QUERY_KEYS } from '../../data/hostQueries';
import { updateSettings } from '../../data/settingsUpdates';

export async function applyAppearance(options: {
  client: AppClient;
  queryClient: QueryClient;
  change: Partial<Pick<SettingsValues, 'language' | 'theme'>>;
}): Promise<boolean> {
  const result = await updateSettings(options.client, { values: options.change });
  if (result.ok) options.queryClient.setQueryData(HOST_QUERY_KEYS.settings, result.value);
  return result.ok;
}

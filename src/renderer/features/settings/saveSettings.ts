/**
 * Saves the settings draft. Nothing is sent while instant validation finds errors; the host
 * re-validates and answers with field errors, in which case it saved nothing.
 * After a save the draft is rebuilt from the host's answer, so typed secrets leave the page.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { AppClient } from '../../../shared/contract/appContract';
import type { SettingsView } from '../../../shared/contract/services/settingsService';
import { HOST_QUERY_KEYS } from '../../data/hostQueries';
import { updateSettings } from '../../data/settingsUpdates';
import { updateFromDraft, validateDraft } from './settingsDraft';
import type { SettingsFormStore } from './settingsFormStore';

export type SaveOutcome = 'saved' | 'invalid' | 'rejected' | 'failed';

export async function saveSettings(options: {
  client: AppClient;
  queryClient: QueryClient;
  store: SettingsFormStore;
  view: SettingsView;
}): Promise<SaveOutcome> {
  const { store } = options;
  const draft = store.getState().draft;
  if (!draft || store.getState().saveState === 'saving') return 'failed';
  store.getState().beginSave();
  if (validateDraft(draft, options.view).length > 0) {
    store.getState().failed([]);
    return 'invalid';
  }
  const result = await updateSettings(options.client, updateFromDraft(draft));
  if (result.ok) {
    options.queryClient.setQueryData(HOST_QUERY_KEYS.settings, result.value);
    store.getState().saved(result.value.values);
    return 'saved';
  }
  if (result.error.code === 'validation') {
    store.getState().failed(result.error.fieldErrors ?? [], 'settings:save.rejected');
    return 'rejected';
  }
  store
    .getState()
    .failed(
      [],
      result.error.code === 'disconnected' || result.error.code === 'timeout'
        ? 'settings:save.hostUnavailable'
        : 'settings:save.failed',
    );
  return 'failed';
}

/**
 * Every i18n namespace of the renderer. A feature adds its namespace with one line here,
 * pointing at a `defineTranslations({ de, en })` object in its own folder.
 */
import type { NamespaceTranslations } from './defineTranslations';
import { appTranslations } from './namespaces/appTranslations';
import { settingsTranslations } from './namespaces/settingsTranslations';
import { softphoneTranslations } from '../features/softphone/softphoneTranslations';
import { historyTranslations } from '../features/history/historyTranslations';
import { transcriptTranslations } from '../features/transcript/transcriptTranslations';
import { suggestionsTranslations } from '../features/suggestions/suggestionsTranslations';
import { loginTranslations } from '../features/login/loginTranslations';
import { clientCardTranslations } from '../features/clientCard/clientCardTranslations';
import { notesTranslations } from '../features/notes/notesTranslations';
import { callWorkspaceTranslations } from '../features/callWorkspace/callWorkspaceTranslations';
import { hybridTranslations } from '../features/hybrid/hybridTranslations';
import { supervisionTranslations } from '../features/supervision/supervisionTranslations';
import { directoryTranslations } from '../features/directory/directoryTranslations';
import { dataRequestsTranslations } from '../features/dataRequests/dataRequestsTranslations';
import { botSwitchTranslations } from '../features/botSwitch/botSwitchTranslations';

export const TRANSLATIONS = {
  app: appTranslations,
  settings: settingsTranslations,
  softphone: softphoneTranslations,
  history: historyTranslations,
  transcript: transcriptTranslations,
  suggestions: suggestionsTranslations,
  login: loginTranslations,
  clientCard: clientCardTranslations,
  notes: notesTranslations,
  callWorkspace: callWorkspaceTranslations,
  hybrid: hybridTranslations,
  supervision: supervisionTranslations,
  directory: directoryTranslations,
  dataRequests: dataRequestsTranslations,
  botSwitch: botSwitchTranslations,
} satisfies Record<string, NamespaceTranslations>;

export type NamespaceName = keyof typeof TRANSLATIONS;

/**
 * Every i18n namespace of the renderer. A feature adds its namespace with one line here,
 * pointing at a `defineTranslations({ de, en })` object in its own folder.
 */
import type { NamespaceTranslations } from './defineTranslations';
import { appTranslations } from './namespaces/appTranslations';
import { settingsTranslations } from './namespaces/settingsTranslations';
import { transcriptTranslations } from '../features/transcript/transcriptTranslations';
import { suggestionsTranslations } from '../features/suggestions/suggestionsTranslations';

export const TRANSLATIONS = {
  app: appTranslations,
  settings: settingsTranslations,
  transcript: transcriptTranslations,
  suggestions: suggestionsTranslations,
} satisfies Record<string, NamespaceTranslations>;

export type NamespaceName = keyof typeof TRANSLATIONS;

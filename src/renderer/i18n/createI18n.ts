/**
 * Builds the renderer's i18next instance (one per window; tests make their own).
 * German is the default and the fallback; the language then follows the settings.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '../../shared/contract/services/settingsService';
import type { Language } from './defineTranslations';
import { TRANSLATIONS } from './resources';

export const DEFAULT_LANGUAGE: Language = 'de';

/** Remembers the last language so the screens shown before settings load match it. */
const LANGUAGE_STORAGE_KEY = 'empfang.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function readRememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be disabled; the settings still hold the language.
  }
}

export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const resources: Record<string, Record<string, object>> = {};
  for (const [namespace, translations] of Object.entries(TRANSLATIONS)) {
    for (const [lng, tree] of Object.entries(translations)) {
      resources[lng] = { ...resources[lng], [namespace]: tree };
    }
  }
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(TRANSLATIONS),
    defaultNS: 'app',
    resources,
    // Resources are bundled, so initialisation is synchronous and the first render is translated.
    initAsync: false,
    // React renders every string as text, so i18next must not HTML-escape a second time.
    interpolation: { escapeValue: false },
    // No advertising line in the console of a production desk.
    showSupportNotice: false,
  });
  return instance;
}

/** Switches the language and keeps the document's `lang` attribute in step (screen readers). */
export async function applyLanguage(instance: I18n, language: Language): Promise<void> {
  document.documentElement.lang = language;
  rememberLanguage(language);
  if (instance.language !== language) await instance.changeLanguage(language);
}

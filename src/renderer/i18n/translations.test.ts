import { describe, expect, it } from 'vitest';
import type { TranslationTree } from './defineTranslations';
import { createI18n } from './createI18n';
import { TRANSLATIONS } from './resources';

function leaves(tree: TranslationTree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [inner, text] of leaves(value, path)) result.set(inner, text);
  }
  return result;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]!).sort();

describe.each(Object.entries(TRANSLATIONS))('namespace %s', (_namespace, translations) => {
  const german = leaves(translations.de);
  const english = leaves(translations.en);

  it('has every German key in English', () => {
    expect([...german.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('has every English key in German', () => {
    expect([...english.keys()].filter((key) => !german.has(key))).toEqual([]);
  });

  it('has no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of german) {
      expect(text.trim(), key).not.toBe('');
      expect(english.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});

describe('createI18n', () => {
  it('defaults to German and switches to English at run time', async () => {
    const i18n = createI18n();
    expect(i18n.t('app:areas.settings')).toBe('Einstellungen');
    await i18n.changeLanguage('en');
    expect(i18n.t('app:areas.settings')).toBe('Settings');
  });
});

/**
 * Type for a namespace's texts: German is the source, English MUST have exactly the same keys
 * (the compiler checks the shape here; `translations.test.ts` checks it again at run time for
 * every registered namespace).
 */
import type { LANGUAGES } from '../../shared/contract/services/settingsService';

export type Language = (typeof LANGUAGES)[number];

export interface TranslationTree {
  readonly [key: string]: string | TranslationTree;
}

/** The same keys as `Tree`, every leaf a string. */
export type SameKeys<Tree> = {
  readonly [Key in keyof Tree]: Tree[Key] extends string ? string : SameKeys<Tree[Key]>;
};

export type NamespaceTranslations = Readonly<Record<Language, TranslationTree>>;

export function defineTranslations<const Tree extends TranslationTree>(translations: {
  de: Tree;
  en: SameKeys<Tree>;
}): { de: Tree; en: SameKeys<Tree> } {
  return translations;
}

/**
 * Turns German text into weighted search terms: folded, stop words removed, stemmed, with the
 * parts of compounds added at a lower weight. Used for retrieval over approved texts and for
 * keyword alerts, on both sides of every comparison.
 */
import { createCompoundSplitter, type CompoundSplitter } from './compoundSplitter';
import { tokenizeGerman } from './germanNormalizer';
import { stemGerman } from './germanStemmer';
import { GERMAN_STOP_WORDS } from './germanStopWords';

/** Weight of a compound part relative to the whole word. */
export const COMPOUND_PART_WEIGHT = 0.75;

/** Folded content words of a text: tokens without stop words and one-letter noise. */
export function contentWords(text: string): string[] {
  return tokenizeGerman(text).filter((token) => token.length >= 2 && !GERMAN_STOP_WORDS.has(token));
}

export interface GermanTermAnalyzer {
  /** Stem → weight; the same stem keeps its highest weight, repeated words add up. */
  terms(text: string): Map<string, number>;
}

/**
 * Creates an analyzer whose compound splitting knows the words of `vocabularyTexts` (for
 * suggestions: all approved texts, titles and tags of one client).
 */
export function createGermanTermAnalyzer(vocabularyTexts: readonly string[]): GermanTermAnalyzer {
  const splitter: CompoundSplitter = createCompoundSplitter(
    vocabularyTexts.flatMap((text) => contentWords(text)),
  );
  return {
    terms(text) {
      const weights = new Map<string, number>();
      for (const word of contentWords(text)) {
        const stem = stemGerman(word);
        weights.set(stem, (weights.get(stem) ?? 0) + 1);
        for (const part of splitter.split(word)) {
          if (GERMAN_STOP_WORDS.has(part)) continue;
          const partStem = stemGerman(part);
          if (partStem === stem) continue;
          weights.set(partStem, (weights.get(partStem) ?? 0) + COMPOUND_PART_WEIGHT);
        }
      }
      return weights;
    },
  };
}

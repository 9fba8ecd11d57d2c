/**
 * Turns German text into weighted search terms: folded, stop words removed, stemmed, with the
 * parts of compounds added at a lower weight. Used for retrieval over approved texts and for
 * keyword alerts, on both sides of every comparison.
 *
 * Caller questions (`queryTerms`) get more: speech-recognition repairs (compounds written
 * apart, spelled abbreviations, one-letter mishearings, see `spokenQueryRepair`) and colloquial
 * synonyms (see `colloquialSynonyms`), each at a lower weight than the caller's own words.
 */
import { colloquialSynonyms, SYNONYM_WEIGHT } from './colloquialSynonyms';
import { createCompoundSplitter, type CompoundSplitter } from './compoundSplitter';
import { tokenizeGerman } from './germanNormalizer';
import { stemGerman } from './germanStemmer';
import { GERMAN_STOP_WORDS } from './germanStopWords';
import { createSpokenQueryRepair } from './spokenQueryRepair';

/** Weight of a compound part relative to the whole word. */
export const COMPOUND_PART_WEIGHT = 0.75;
/** Weight of a vocabulary word reached from a one-letter mishearing. */
export const NEAR_MISS_WEIGHT = 0.6;

/** Folded content words of a text: tokens without stop words and one-letter noise. */
export function contentWords(text: string): string[] {
  return tokenizeGerman(text).filter((token) => token.length >= 2 && !GERMAN_STOP_WORDS.has(token));
}

export interface GermanTermAnalyzer {
  /** Stem → weight; the same stem keeps its highest weight, repeated words add up. */
  terms(text: string): Map<string, number>;
  /** Like `terms`, plus repairs of recognition errors and colloquial synonyms (for questions). */
  queryTerms(text: string): Map<string, number>;
}

/**
 * Creates an analyzer whose compound splitting knows the words of `vocabularyTexts` (for
 * suggestions: all approved texts, titles and tags of one client).
 */
export function createGermanTermAnalyzer(vocabularyTexts: readonly string[]): GermanTermAnalyzer {
  const vocabulary = vocabularyTexts.flatMap((text) => contentWords(text));
  const splitter: CompoundSplitter = createCompoundSplitter(vocabulary);
  const repair = createSpokenQueryRepair(vocabulary);

  const addWord = (weights: Map<string, number>, word: string, weight: number) => {
    const stem = stemGerman(word);
    weights.set(stem, (weights.get(stem) ?? 0) + weight);
    for (const part of splitter.split(word)) {
      if (GERMAN_STOP_WORDS.has(part)) continue;
      const partStem = stemGerman(part);
      if (partStem === stem) continue;
      weights.set(partStem, (weights.get(partStem) ?? 0) + weight * COMPOUND_PART_WEIGHT);
    }
  };
  /** Adds a derived word at `weight` unless the text already has it at least as strongly. */
  const addDerived = (weights: Map<string, number>, word: string, weight: number) => {
    const stem = stemGerman(word);
    if ((weights.get(stem) ?? 0) >= weight) return;
    const derived = new Map<string, number>();
    addWord(derived, word, weight);
    for (const [term, value] of derived) {
      weights.set(term, Math.max(weights.get(term) ?? 0, value));
    }
  };

  const terms = (text: string) => {
    const weights = new Map<string, number>();
    for (const word of contentWords(text)) addWord(weights, word, 1);
    return weights;
  };

  return {
    terms,
    queryTerms(text) {
      const weights = terms(text);
      for (const word of repair.joinedWords(tokenizeGerman(text))) addDerived(weights, word, 1);
      for (const word of contentWords(text)) {
        for (const near of repair.nearMisses(word)) addDerived(weights, near, NEAR_MISS_WEIGHT);
      }
      for (const word of colloquialSynonyms(text)) addDerived(weights, word, SYNONYM_WEIGHT);
      return weights;
    },
  };
}

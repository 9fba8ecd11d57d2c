/**
 * Repairs what speech recognition does to German words before they are matched against a
 * client's vocabulary (the words of its approved texts):
 * - compounds written apart ("krank schreibung", "wärme pumpe", "rechts schutz versicherung")
 *   and spelled abbreviations ("ah u schein", "e mail") are joined when the joined word is a
 *   vocabulary word;
 * - misheard words one letter away from a vocabulary word ("volge rezept" → "folgerezept") are
 *   taken as that word, when only few vocabulary words are that close.
 * Pure; works on folded tokens (`tokenizeGerman`).
 */
import { stemGerman } from './germanStemmer';

/** Letter names as recognisers write spelled letters ("ah u" for "AU"). */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  ah: 'a',
  be: 'b',
  ce: 'c',
  eh: 'e',
  ef: 'f',
  ge: 'g',
  ha: 'h',
  ih: 'i',
  jot: 'j',
  ka: 'k',
  el: 'l',
  em: 'm',
  oh: 'o',
  pe: 'p',
  te: 't',
  uh: 'u',
  vau: 'v',
  we: 'w',
  ix: 'x',
  zett: 'z',
};
const MAXIMUM_JOINED_TOKENS = 3;
/** A joined word is matched with one wrong letter only when it is compound-long. */
const MINIMUM_JOINED_NEAR_MISS_LENGTH = 8;
/** Near-miss matching only for words this long: short words are too often another word. */
const MINIMUM_NEAR_MISS_LENGTH = 5;
/** A misheard word that is one letter away from more words than this is left alone. */
const MAXIMUM_NEAR_MISS_CANDIDATES = 2;
/** Answers remembered per vocabulary; callers repeat words, the cache is dropped when full. */
const MAXIMUM_CACHED_WORDS = 5000;

export interface SpokenQueryRepair {
  /** Joined words (folded) found in the tokens, each a vocabulary word's form. */
  joinedWords(tokens: readonly string[]): string[];
  /** Vocabulary words one edit away from an unknown word; empty when the word is known. */
  nearMisses(word: string): string[];
}

/** True when `left` and `right` differ by at most one insertion, deletion or substitution. */
export function withinOneEdit(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start += 1;
  let leftEnd = left.length;
  let rightEnd = right.length;
  while (leftEnd > start && rightEnd > start && left[leftEnd - 1] === right[rightEnd - 1]) {
    leftEnd -= 1;
    rightEnd -= 1;
  }
  return leftEnd - start <= 1 && rightEnd - start <= 1;
}

export function createSpokenQueryRepair(vocabulary: Iterable<string>): SpokenQueryRepair {
  const words = new Set<string>();
  for (const word of vocabulary) words.add(word);
  const stems = new Set([...words].map(stemGerman));
  // Vocabulary words by length: a word one edit away is at most one letter longer or shorter.
  const byLength = new Map<number, string[]>();
  for (const word of words) {
    if (word.length < MINIMUM_NEAR_MISS_LENGTH) continue;
    byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
  }
  const knownCache = new Map<string, boolean>();
  const isKnown = (word: string): boolean => {
    let known = knownCache.get(word);
    if (known === undefined) {
      known = words.has(word) || stems.has(stemGerman(word));
      if (knownCache.size >= MAXIMUM_CACHED_WORDS) knownCache.clear();
      knownCache.set(word, known);
    }
    return known;
  };

  const cache = new Map<string, string[]>();
  const nearMisses = (word: string): string[] => {
    const cached = cache.get(word);
    if (cached) return cached;
    let found: string[] = [];
    if (word.length >= MINIMUM_NEAR_MISS_LENGTH && !isKnown(word)) {
      found = [word.length - 1, word.length, word.length + 1]
        .flatMap((length) => byLength.get(length) ?? [])
        .filter((candidate) => withinOneEdit(word, candidate));
      if (found.length > MAXIMUM_NEAR_MISS_CANDIDATES) found = [];
    }
    if (cache.size >= MAXIMUM_CACHED_WORDS) cache.clear();
    cache.set(word, found);
    return found;
  };

  return {
    nearMisses,
    joinedWords(tokens) {
      const joined: string[] = [];
      for (let start = 0; start < tokens.length; start += 1) {
        for (let count = MAXIMUM_JOINED_TOKENS; count >= 2; count -= 1) {
          const parts = tokens.slice(start, start + count);
          if (parts.length < count) continue;
          const plain = parts.join('');
          const spelled = parts.map((part) => LETTER_NAMES[part] ?? part).join('');
          const match =
            [plain, spelled].find(isKnown) ??
            (plain.length >= MINIMUM_JOINED_NEAR_MISS_LENGTH ? nearMisses(plain)[0] : undefined);
          if (match !== undefined) {
            joined.push(match);
            break;
          }
        }
      }
      return joined;
    },
  };
}

/**
 * Splits German compounds against a known vocabulary ("Rechtsschutzversicherung" →
 * "rechtsschutz" + "versicherung"; "Notdienstnummer" → "notdienst" + "nummer" when only
 * "notdienst" is known). Works on folded words (see `foldGerman`).
 *
 * A full split needs every part known; a partial split needs one known part of at least four
 * letters and a remainder of at least three, so short everyday words do not shred long ones.
 */
/** Linking elements ("Fugenelemente") that may end a compound's first part. */
const LINKING_ENDINGS = ['s', 'es', 'n', 'en', 'e', 'er'] as const;
/** Inflectional endings by which a part may differ from a vocabulary word. */
const INFLECTION_ENDINGS = ['e', 'en', 'n', 's', 'es', 'er', 'ern'] as const;
const MINIMUM_PART = 3;
const MINIMUM_PARTIAL_ANCHOR = 4;
const MINIMUM_COMPOUND = 7;

export interface CompoundSplitter {
  /** The parts of a compound, or an empty list when the word is not split. */
  split(word: string): string[];
}

export function createCompoundSplitter(vocabulary: Iterable<string>): CompoundSplitter {
  const words = new Set<string>();
  for (const word of vocabulary) {
    if (word.length >= MINIMUM_PART) words.add(word);
  }
  // Known = a vocabulary word, or one that differs from it by an inflectional ending. Stems are
  // too loose here: they would accept truncated heads such as "versicherungsn".
  const isKnown = (part: string): boolean => {
    if (part.length < MINIMUM_PART) return false;
    if (words.has(part)) return true;
    return INFLECTION_ENDINGS.some(
      (ending) =>
        words.has(part + ending) ||
        (part.endsWith(ending) &&
          part.length - ending.length >= MINIMUM_PART &&
          words.has(part.slice(0, -ending.length))),
    );
  };

  /** The vocabulary form of a first part: as is, without a linking element, or inflected. */
  const knownHead = (head: string): string | undefined => {
    if (words.has(head)) return head;
    for (const ending of LINKING_ENDINGS) {
      const stripped = head.slice(0, -ending.length);
      if (head.endsWith(ending) && stripped.length >= MINIMUM_PART && words.has(stripped)) {
        return stripped;
      }
    }
    return isKnown(head) ? head : undefined;
  };

  /** A partial split's anchor must be a vocabulary word itself (optionally with linking). */
  const exactAnchor = (part: string): string | undefined => {
    const head = knownHead(part);
    return head !== undefined && words.has(head) && head.length >= MINIMUM_PARTIAL_ANCHOR
      ? head
      : undefined;
  };

  const memo = new Map<string, string[] | undefined>();
  const fullSplit = (word: string): string[] | undefined => {
    if (memo.has(word)) return memo.get(word);
    let result: string[] | undefined;
    for (let cut = word.length - MINIMUM_PART; cut >= MINIMUM_PART && !result; cut -= 1) {
      const head = knownHead(word.slice(0, cut));
      if (head === undefined) continue;
      const tail = word.slice(cut);
      if (isKnown(tail)) result = [head, tail];
      else if (tail.length >= MINIMUM_PART * 2) {
        const rest = fullSplit(tail);
        if (rest) result = [head, ...rest];
      }
    }
    memo.set(word, result);
    return result;
  };

  const partialSplit = (word: string): string[] | undefined => {
    for (let cut = MINIMUM_PART; cut <= word.length - MINIMUM_PARTIAL_ANCHOR; cut += 1) {
      const tail = word.slice(cut);
      if (words.has(tail)) return [word.slice(0, cut), tail];
    }
    // An exact first part wins over one with a linking element: "notdienst|nummer", not
    // "notdienst(n)|ummer".
    for (let cut = word.length - MINIMUM_PART; cut >= MINIMUM_PARTIAL_ANCHOR; cut -= 1) {
      if (words.has(word.slice(0, cut))) return [word.slice(0, cut), word.slice(cut)];
    }
    for (let cut = word.length - MINIMUM_PART; cut >= MINIMUM_PARTIAL_ANCHOR; cut -= 1) {
      const head = exactAnchor(word.slice(0, cut));
      if (head !== undefined) return [head, word.slice(cut)];
    }
    return undefined;
  };

  return {
    split(word) {
      if (word.length < MINIMUM_COMPOUND) return [];
      return fullSplit(word) ?? partialSplit(word) ?? [];
    },
  };
}

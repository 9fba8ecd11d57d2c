/**
 * Finds a client's alert keywords ("Notfall", "Frist", "Rohrbruch") in transcript text,
 * German-aware: umlauts either way, inflected forms ("Fristen"), and inside compounds
 * ("Fristablauf", "Wasserrohrbruch"). Pure, for the host and the transcript view alike.
 */
import { foldGerman, tokenizeGerman } from './germanNormalizer';
import { stemGerman } from './germanStemmer';

/** Keywords shorter than this only match whole words: "Gas" must not fire on "Gast". */
const MINIMUM_INSIDE_COMPOUND = 5;

/** The keywords (as the client spelled them) that occur in the text, in keyword order. */
export function findKeywords(text: string, keywords: readonly string[]): string[] {
  const words = tokenizeGerman(text);
  if (words.length === 0) return [];
  const stems = new Set(words.map(stemGerman));
  const joined = ` ${words.join(' ')} `;
  return keywords.filter((keyword) => {
    const keywordWords = tokenizeGerman(keyword);
    if (keywordWords.length === 0) return false;
    if (keywordWords.length > 1) return joined.includes(` ${keywordWords.join(' ')} `);
    const folded = foldGerman(keyword);
    if (stems.has(stemGerman(folded))) return true;
    return folded.length >= MINIMUM_INSIDE_COMPOUND && words.some((word) => word.includes(folded));
  });
}

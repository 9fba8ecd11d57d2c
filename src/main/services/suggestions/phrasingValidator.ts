/**
 * Checks a model's phrasing of an approved text before it may be shown instead of the text
 * itself (clients without professional secrecy only). The phrasing MUST stay inside the
 * corridor: no new numbers, links or addresses, not much longer than the original, and every
 * sentence supported by one sentence of the approved text — most of its content words taken
 * from it and no negation that sentence does not have ("kommen" must not become "kommen nicht").
 */
import { contentWords } from '../../../shared/language/germanTerms';
import { stemGerman } from '../../../shared/language/germanStemmer';

/** Share of a phrased sentence's content words that must come from its supporting sentence. */
const MINIMUM_OVERLAP = 0.7;
const MINIMUM_LENGTH = 12;
const LENGTH_ALLOWANCE_FACTOR = 1.2;
const LENGTH_ALLOWANCE_CHARACTERS = 60;

const digitGroups = (text: string): string[] => text.match(/\d+/g) ?? [];
const LINK_OR_ADDRESS = /(https?:\/\/|www\.|@|\b[a-z0-9-]+\.(de|com|org|net|eu)\b)/i;
/** Stop-word filtering would hide an added "nicht"; negations are counted separately. */
const NEGATION = /\b(nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nirgends|ohne)\b/gi;

interface Sentence {
  stems: Set<string>;
  negations: number;
}

function sentencesOf(text: string): Sentence[] {
  return text
    .split(/(?<=[.!?;])\s+/)
    .filter((sentence) => sentence.trim() !== '')
    .map((sentence) => ({
      stems: new Set(contentWords(sentence).map(stemGerman)),
      negations: sentence.match(NEGATION)?.length ?? 0,
    }));
}

function isSupported(phrased: Sentence, approved: readonly Sentence[]): boolean {
  if (phrased.stems.size === 0) return phrased.negations === 0;
  return approved.some((source) => {
    if (phrased.negations > source.negations) return false;
    let known = 0;
    for (const stem of phrased.stems) if (source.stems.has(stem)) known += 1;
    return known / phrased.stems.size >= MINIMUM_OVERLAP;
  });
}

export function isAcceptablePhrasing(phrasing: string, approvedText: string): boolean {
  const trimmed = phrasing.trim();
  if (trimmed.length < MINIMUM_LENGTH) return false;
  if (
    trimmed.length >
    approvedText.length * LENGTH_ALLOWANCE_FACTOR + LENGTH_ALLOWANCE_CHARACTERS
  ) {
    return false;
  }
  const approvedDigits = new Set(digitGroups(approvedText));
  if (digitGroups(trimmed).some((group) => !approvedDigits.has(group))) return false;
  if (LINK_OR_ADDRESS.test(trimmed) && !LINK_OR_ADDRESS.test(approvedText)) return false;
  const approvedSentences = sentencesOf(approvedText);
  const phrasedSentences = sentencesOf(trimmed);
  return (
    phrasedSentences.some((sentence) => sentence.stems.size > 0) &&
    phrasedSentences.every((sentence) => isSupported(sentence, approvedSentences))
  );
}

/**
 * Checks a model's phrasing of an approved text before it may be shown instead of the text
 * itself (clients without professional secrecy only). The phrasing MUST stay inside the
 * corridor: no new numbers, addresses or links, no content words the approved text does not
 * have (beyond a small allowance for grammar), and not much longer than the original.
 */
import { contentWords } from '../../../shared/language/germanTerms';
import { stemGerman } from '../../../shared/language/germanStemmer';

/** Share of the phrasing's content words that must come from the approved text. */
const MINIMUM_OVERLAP = 0.7;
const MINIMUM_LENGTH = 12;
const LENGTH_ALLOWANCE_FACTOR = 1.2;
const LENGTH_ALLOWANCE_CHARACTERS = 60;

const digitGroups = (text: string): string[] => text.match(/\d+/g) ?? [];
const LINK_OR_ADDRESS = /(https?:\/\/|www\.|@|\b[a-z0-9-]+\.(de|com|org|net|eu)\b)/i;

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
  const approvedStems = new Set(contentWords(approvedText).map(stemGerman));
  const phrasedStems = contentWords(trimmed).map(stemGerman);
  if (phrasedStems.length === 0) return false;
  const known = phrasedStems.filter((stem) => approvedStems.has(stem)).length;
  return known / phrasedStems.length >= MINIMUM_OVERLAP;
}

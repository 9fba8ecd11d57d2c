/**
 * The history's one search rule: digits match any number (also in national form, so "030 12"
 * finds +493012…, and a leading 0049 counts as 0), words must all appear in the texts.
 */
const digitsOf = (text: string) => text.replace(/\D/g, '');

export interface SearchableParts {
  /** E.164 or extension numbers, searched as digits and in national form. */
  numbers: readonly (string | null | undefined)[];
  /** Display labels of numbers (e.g. "0151 12345678"), searched as digits. */
  numberLabels: readonly string[];
  /** Names and other texts, searched word by word. */
  texts: readonly string[];
}

export function matchesSearch(parts: SearchableParts, query: string): boolean {
  const trimmed = query.trim().toLowerCase();
  if (trimmed === '') return true;
  const digits = digitsOf(trimmed);
  if (digits.length > 0 && digits.length === trimmed.replace(/[\s+()/-]/g, '').length) {
    const haystacks = [
      ...parts.numbers.flatMap((value) =>
        value ? [digitsOf(value), digitsOf(value).replace(/^49/, '0')] : [],
      ),
      ...parts.numberLabels.map(digitsOf),
    ];
    const needle = digits.replace(/^0049/, '0');
    return haystacks.some((haystack) => haystack.includes(needle));
  }
  const text = parts.texts.join(' ').toLowerCase();
  return trimmed.split(/\s+/).every((word) => text.includes(word));
}

/**
 * German-aware text folding and tokenising for matching (never for display).
 *
 * Folding MUST make both spellings of an umlaut equal: "Müller" and "Mueller" fold to the same
 * string (ä→ae, ö→oe, ü→ue, ß→ss, DIN 5007-2), everything lower case, other accents removed.
 */

const UMLAUT_FOLDING: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  // Turkish dotless i does not decompose under NFKD ("Aydın" must meet "Aydin").
  ı: 'i',
};

/** Lower-cases and folds umlauts, ß and other diacritics to plain ASCII letters. */
export function foldGerman(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüßẞı]/g, (character) => UMLAUT_FOLDING[character] ?? character)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Splits folded text into word tokens. Hyphenated words ("E-Rezept", "Check-up") yield their
 * parts and the joined form, so both "erezept" and "rezept" can match.
 */
export function tokenizeGerman(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of foldGerman(text).split(/[^a-z0-9-]+/)) {
    if (chunk === '') continue;
    const parts = chunk.split('-').filter((part) => part !== '');
    tokens.push(...parts);
    if (parts.length > 1) tokens.push(parts.join(''));
  }
  return tokens;
}

/**
 * A light German stemmer for retrieval: CISTEM (Weissweiler & Fraser, "Developing a Stemmer for
 * German Based on a Comparative Analysis of Publicly Available Stemmers", GSCL 2017) in its
 * case-insensitive form, plus removal of the noun suffixes -ung, -heit and -keit so that verbs
 * and their nouns meet ("kündigen"/"Kündigung", "warten"/"Wartung").
 *
 * Input MUST already be folded with `foldGerman` (lower case, ä→ae …); the stemmer is applied to
 * both sides of every comparison, so its stems only need to be consistent, not pretty.
 */

/** Placeholders keep "sch", "ei", "ie" and doubled letters intact while suffixes are removed. */
function protect(word: string): string {
  return word.replace(/sch/g, '$').replace(/ei/g, '%').replace(/ie/g, '&').replace(/(.)\1/g, '$1*');
}

function unprotect(word: string): string {
  return word
    .replace(/(.)\*/g, '$1$1')
    .replace(/%/g, 'ei')
    .replace(/&/g, 'ie')
    .replace(/\$/g, 'sch');
}

const DERIVATION_SUFFIX = /(ung|heit|keit)$/;
const MINIMUM_STEM_AFTER_DERIVATION = 4;

/** Returns the stem of one folded word. Words of three letters or fewer stay unchanged. */
export function stemGerman(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  // Like CISTEM's ü→u: plural umlauts meet their singular ("Parkplätze"/"Parkplatz").
  const plainVowels = word.replace(/([aou])e/g, '$1');
  let stem = protect(plainVowels.replace(/^ge(.{4,})$/, '$1'));
  for (;;) {
    if (stem.length <= 3) break;
    if (stem.length > 5 && /e[mr]$/.test(stem)) {
      stem = stem.slice(0, -2);
      continue;
    }
    if (stem.length > 5 && /nd$/.test(stem)) {
      stem = stem.slice(0, -2);
      continue;
    }
    // CISTEM strips "t" from any word when case is unknown; keeping four letters stops
    // "warten" from losing more than "Wartung" does.
    if (stem.length > 4 && stem.endsWith('t')) {
      stem = stem.slice(0, -1);
      continue;
    }
    if (/[esn]$/.test(stem)) {
      stem = stem.slice(0, -1);
      continue;
    }
    break;
  }
  stem = unprotect(stem);
  const derivation = DERIVATION_SUFFIX.exec(stem);
  if (derivation && stem.length - derivation[0].length >= MINIMUM_STEM_AFTER_DERIVATION) {
    stem = stem.slice(0, -derivation[0].length);
  }
  return stem;
}

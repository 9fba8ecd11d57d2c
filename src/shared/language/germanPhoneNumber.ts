/**
 * German telephone numbers as callers say them and transcripts write them ("030 1234567",
 * "0171/2345678", "+49 (0)89 123-456", "0049 40 …", spoken digits "null drei null …"), turned
 * into E.164 ("+49301234567"). Pure; no number is ever logged.
 */
import { foldGerman } from './germanNormalizer';

const SPOKEN_DIGITS: Record<string, string> = {
  null: '0',
  eins: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fuenf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
};
/** E.164 allows 15 digits; German numbers have at least 6 after the country code. */
const MINIMUM_NATIONAL_DIGITS = 6;
const MAXIMUM_E164_DIGITS = 15;

/** Converts one written number to E.164, or undefined when it is not a plausible number. */
export function toE164(raw: string, defaultCountryCode = '49'): string | undefined {
  let text = raw.trim().replace(/\(0\)/g, '');
  const international = text.startsWith('+') || text.startsWith('00');
  text = text.replace(/[^\d]/g, '');
  let digits: string;
  if (international) {
    digits = text.replace(/^00/, '');
  } else if (text.startsWith('0')) {
    digits = defaultCountryCode + text.slice(1);
  } else {
    return undefined;
  }
  if (digits.startsWith('0') || digits.length > MAXIMUM_E164_DIGITS) return undefined;
  const nationalLength = digits.startsWith(defaultCountryCode)
    ? digits.length - defaultCountryCode.length
    : digits.length - 2;
  if (nationalLength < MINIMUM_NATIONAL_DIGITS) return undefined;
  return `+${digits}`;
}

/** Replaces runs of three or more spoken digits ("null eins sieben") by digits ("017"). */
function spokenDigitsToNumbers(folded: string): string {
  return folded.replace(
    /\b(null|eins|zwei|zwo|drei|vier|fuenf|sechs|sieben|acht|neun)(?:[\s,-]+(null|eins|zwei|zwo|drei|vier|fuenf|sechs|sieben|acht|neun)\b){2,}/g,
    (run) =>
      run
        .split(/[\s,-]+/)
        .map((word) => SPOKEN_DIGITS[word] ?? '')
        .join(''),
  );
}

const NUMBER_CANDIDATE = /(?:\+|\b00|\b0)[\d\s/().-]{5,24}\d/g;

/** Every plausible phone number in a text, as E.164, in order of appearance, no duplicates. */
export function findPhoneNumbers(text: string, defaultCountryCode = '49'): string[] {
  const prepared = spokenDigitsToNumbers(foldGerman(text));
  const found: string[] = [];
  for (const match of prepared.matchAll(NUMBER_CANDIDATE)) {
    const number = toE164(match[0], defaultCountryCode);
    if (number !== undefined && !found.includes(number)) found.push(number);
  }
  return found;
}

/** The digits of a text with spoken digits converted; to check a number occurs in it. */
export function digitsOf(text: string): string {
  return spokenDigitsToNumbers(foldGerman(text)).replace(/\D/g, '');
}

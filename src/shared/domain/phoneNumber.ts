/**
 * Phone number normalisation for a German reception desk.
 *
 * Storage and comparison use E.164 (`+4930123456`); the agent sees national format for German
 * numbers (`030 123456`) and grouped international format otherwise (`+44 20 79460958`).
 * Short digit strings are internal extensions (`1002`), never guessed into a public number.
 * Anything else (letters, too short/long, stray symbols) is rejected, never "repaired".
 */

/** What a user or a SIP header typed/sent, classified. */
export type ParsedPhoneNumber =
  | { kind: 'e164'; e164: string }
  | { kind: 'extension'; digits: string }
  | { kind: 'invalid'; reason: PhoneNumberProblem };

export type PhoneNumberProblem = 'empty' | 'characters' | 'too-short' | 'too-long' | 'format';

/** The desk's home country calling code (Germany). */
export const HOME_COUNTRY_CODE = '49';
/** E.164 allows at most 15 digits after the `+`. */
const MAX_E164_DIGITS = 15;
/** Fewer than 7 digits in total cannot be a public number with country code. */
const MIN_E164_DIGITS = 7;
/** Up to 6 digits without a leading 0 are treated as internal extensions. */
const MAX_EXTENSION_DIGITS = 6;
/** Longer raw input is garbage, not a number (also bounds the work done on hostile input). */
const MAX_INPUT_LENGTH = 64;

/** Characters people and carriers put between digits; they carry no meaning. */
const VISUAL_SEPARATORS = /[\s\-./()\u00a0\u2010-\u2015]/g;

/**
 * Parses a German or international input: `+49 30 123456`, `0049 30 123456`, `030/123456`,
 * `+49 (0)30 123456`, `tel:+4930123456`, `0151-12345678`, or an extension `1002`.
 */
export function parsePhoneNumber(
  input: string,
  homeCountryCode = HOME_COUNTRY_CODE,
): ParsedPhoneNumber {
  if (input.length > MAX_INPUT_LENGTH) return { kind: 'invalid', reason: 'too-long' };
  let text = input.trim();
  if (text === '') return { kind: 'invalid', reason: 'empty' };
  text = text.replace(/^tel:/i, '');
  // "+49 (0)30 …" is a common German way of writing the trunk prefix that must be dropped.
  text = text.replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const compact = text.replace(VISUAL_SEPARATORS, '');
  if (compact === '') return { kind: 'invalid', reason: 'empty' };
  if (!/^\+?\d+$/.test(compact)) {
    return { kind: 'invalid', reason: /^\+?[\d*#]+$/.test(compact) ? 'format' : 'characters' };
  }
  if (compact.startsWith('+')) return internationalDigits(compact.slice(1));
  if (compact.startsWith('00')) return internationalDigits(compact.slice(2));
  if (compact.startsWith('0')) {
    const national = compact.slice(1);
    if (national.length < 4) return { kind: 'invalid', reason: 'too-short' };
    return internationalDigits(homeCountryCode + national);
  }
  if (compact.length <= MAX_EXTENSION_DIGITS) return { kind: 'extension', digits: compact };
  // Seven or more digits without a prefix: a local number without area code is ambiguous.
  return { kind: 'invalid', reason: 'format' };
}

function internationalDigits(digits: string): ParsedPhoneNumber {
  if (digits.startsWith('0')) return { kind: 'invalid', reason: 'format' };
  if (digits.length < MIN_E164_DIGITS) return { kind: 'invalid', reason: 'too-short' };
  if (digits.length > MAX_E164_DIGITS) return { kind: 'invalid', reason: 'too-long' };
  return { kind: 'e164', e164: `+${digits}` };
}

/** E.164 of `input`, or undefined when it is not a public number. */
export function toE164(input: string, homeCountryCode = HOME_COUNTRY_CODE): string | undefined {
  const parsed = parsePhoneNumber(input, homeCountryCode);
  return parsed.kind === 'e164' ? parsed.e164 : undefined;
}

/** Two-digit country codes (ITU-T E.164 list); 1 and 7 are the one-digit codes. */
const TWO_DIGIT_COUNTRY_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46',
  '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
  '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]); // prettier-ignore

/** Splits `+CC rest` by the ITU country code length. */
export function countryCodeOf(e164: string): string {
  const digits = e164.slice(1);
  if (digits.startsWith('1') || digits.startsWith('7')) return digits.slice(0, 1);
  if (TWO_DIGIT_COUNTRY_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/** German area codes that are shorter than the usual grouping would guess. */
const GERMAN_TWO_DIGIT_AREA_CODES = new Set(['30', '40', '69', '89']);
const GERMAN_THREE_DIGIT_AREA_CODES = new Set([
  '201', '202', '203', '208', '209', '211', '212', '214', '221', '228', '231', '234', '241',
  '251', '261', '271', '281', '291', '331', '335', '340', '341', '345', '351', '355', '361',
  '365', '371', '375', '381', '385', '391', '395', '421', '431', '441', '451', '461', '471',
  '481', '491', '511', '521', '531', '541', '551', '561', '571', '581', '591', '611', '621',
  '631', '641', '651', '661', '671', '681', '711', '721', '731', '741', '751', '761', '771',
  '781', '791', '811', '821', '831', '841', '851', '861', '871', '881', '906', '911', '921',
  '931', '941', '951', '961', '971', '981', '991',
]); // prettier-ignore

/** Length of the German area code (or mobile prefix) at the start of a national number. */
function germanAreaCodeLength(national: string): number | undefined {
  // Mobile prefixes 015x, 016x, 017x: three digits after the 0.
  if (/^1[5-7]/.test(national)) return 3;
  if (GERMAN_TWO_DIGIT_AREA_CODES.has(national.slice(0, 2))) return 2;
  if (GERMAN_THREE_DIGIT_AREA_CODES.has(national.slice(0, 3))) return 3;
  return undefined;
}

/**
 * Display form: German numbers nationally (`030 123456`, `0151 12345678`), others
 * internationally grouped after the country code. Input MUST be E.164 (from
 * {@link parsePhoneNumber}); other strings are returned unchanged.
 */
export function formatForDisplay(e164: string, homeCountryCode = HOME_COUNTRY_CODE): string {
  if (!/^\+\d{7,15}$/.test(e164)) return e164;
  const countryCode = countryCodeOf(e164);
  const rest = e164.slice(1 + countryCode.length);
  if (countryCode === homeCountryCode) {
    const areaLength = germanAreaCodeLength(rest);
    return areaLength === undefined
      ? `0${rest}`
      : `0${rest.slice(0, areaLength)} ${rest.slice(areaLength)}`;
  }
  return `+${countryCode} ${rest}`;
}

/** Display form of any parsed input: extensions as digits, invalid input as undefined. */
export function displayPhoneNumber(input: string): string | undefined {
  const parsed = parsePhoneNumber(input);
  if (parsed.kind === 'e164') return formatForDisplay(parsed.e164);
  if (parsed.kind === 'extension') return parsed.digits;
  return undefined;
}

/**
 * Neutralises caller-controlled text (SIP display names, URIs, transcripts) before it is shown
 * (SECURITY.md rule 11). The result is still plain text: callers MUST render it as a text node,
 * never as HTML; this function only removes what can mislead the agent in plain text too:
 * bidi overrides and isolates (a name reading "+49…" that is really something else), zero-width
 * characters (two names that look equal but are not), control characters, and absurd lengths.
 */

/** Default cap for a display name; long enough for "Dr. med. Anna-Lena Müller-Lüdenscheidt". */
export const DISPLAY_NAME_MAX_LENGTH = 64;

/**
 * U+202A–U+202E (embeddings/overrides), U+2066–U+2069 (isolates), U+200E/U+200F/U+061C (marks):
 * all can reorder what the agent reads.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Zero-width and invisible formatting characters. */
const INVISIBLES = /[\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad\u115f\u1160\u3164]|\u034f/g;
/** C0 and C1 control characters and DEL (tabs and newlines become spaces first). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g; // eslint-disable-line no-control-regex
/** Line and paragraph separators render as breaks in some places. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029\u0085]/g;

/**
 * Sanitises one line of caller-controlled text: line breaks become spaces, controls, bidi and
 * zero-width characters are removed, whitespace runs collapse, and the result is capped at
 * `maxLength` code points (never splitting a surrogate pair) with a trailing "…".
 */
export function sanitizeDisplayText(input: unknown, maxLength = DISPLAY_NAME_MAX_LENGTH): string {
  if (typeof input !== 'string') return '';
  // Bound the work on hostile input before any regular expression runs over it.
  const bounded = input.length > maxLength * 8 ? input.slice(0, maxLength * 8) : input;
  const cleaned = bounded
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLES, '')
    .replace(/\s+/g, ' ')
    .trim();
  const codePoints = Array.from(cleaned);
  if (codePoints.length <= maxLength) return cleaned;
  return `${codePoints
    .slice(0, Math.max(0, maxLength - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * A SIP display name as sent (`"Anna \"Ann\" Müller"` or a token list) turned into plain text:
 * surrounding quotes removed, quoted-pair escapes resolved, then {@link sanitizeDisplayText}.
 */
export function sanitizeSipDisplayName(
  raw: string | undefined,
  maxLength = DISPLAY_NAME_MAX_LENGTH,
): string {
  if (raw === undefined) return '';
  let text = raw.length > maxLength * 8 ? raw.slice(0, maxLength * 8) : raw;
  text = text.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  text = text.replace(/\\(.)/g, '$1');
  return sanitizeDisplayText(text, maxLength);
}

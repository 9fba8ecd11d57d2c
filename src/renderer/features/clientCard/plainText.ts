/**
 * Portal and caller text made safe to show as plain text (SECURITY.md rule 11): each line is
 * cleaned by the shared `sanitizeDisplayText` (bidi and zero-width characters, controls, length),
 * line breaks are kept for multi-line texts. Components render the result as text nodes only.
 */
import { sanitizeDisplayText } from '../../../shared/domain/displayText';

/** Multi-line text, at most `maxLines` lines of at most `maxLineLength` characters each. */
export function plainLines(text: string, maxLineLength = 500, maxLines = 200): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .slice(0, maxLines)
    .map((line) => sanitizeDisplayText(line, maxLineLength))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line (names, functions, numbers). */
export function plainLine(text: string, maxLength = 120): string {
  return sanitizeDisplayText(text, maxLength);
}

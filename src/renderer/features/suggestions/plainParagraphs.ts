/**
 * AI output and approved texts as plain-text paragraphs: each line neutralised like any
 * caller-controlled text (bidi, zero-width, controls, length; SECURITY.md rule 11) and rendered
 * by the caller as text nodes, never as HTML.
 */
import { sanitizeDisplayText } from '../../../shared/domain/displayText';

/** The contract caps a card's text at 4,000 characters. */
export const CARD_TEXT_MAX_LENGTH = 4000;

export function plainParagraphs(text: string, maxLength = CARD_TEXT_MAX_LENGTH): string[] {
  return text
    .slice(0, maxLength * 2)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => sanitizeDisplayText(line, maxLength))
    .filter((line) => line !== '');
}

/**
 * Splits one transcript line into plain and highlighted parts for the client's alert keywords,
 * using the same German-aware matching as the alerts ("Fristen" and "Fristablauf" light up for
 * "Frist", "Notfall" for "Notfälle"). The parts are rendered as text nodes, never as HTML.
 */
import { findKeywords } from '../../../shared/language/keywordMatcher';

export interface LinePart {
  text: string;
  /** The client's keyword this part matched, if any. */
  keyword?: string;
}

/** Longest keyword phrase, in words, that is looked for ("Wasser im Keller"). */
const MAXIMUM_PHRASE_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The keywords grouped by their number of words (phrases are looked for as a whole). */
function groupByWordCount(keywords: readonly string[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const keyword of keywords) {
    const count = Math.min(MAXIMUM_PHRASE_WORDS, wordCount(keyword));
    groups.set(count, [...(groups.get(count) ?? []), keyword]);
  }
  return groups;
}

export function highlightKeywords(text: string, keywords: readonly string[]): LinePart[] {
  if (keywords.length === 0 || text === '') return [{ text }];
  // Most lines hold no keyword: one check of the whole line saves the per-word search.
  const present = findKeywords(text, keywords);
  if (present.length === 0) return [{ text }];
  const groups = groupByWordCount(present);
  const words = [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const marks: { start: number; end: number; keyword: string }[] = [];
  for (let first = 0; first < words.length; first += 1) {
    // Prefer the longest phrase starting at this word.
    for (let count = Math.min(MAXIMUM_PHRASE_WORDS, words.length - first); count >= 1; count -= 1) {
      const start = words[first]!.start;
      const end = words[first + count - 1]!.end;
      const candidates = groups.get(count);
      if (!candidates) continue;
      const [keyword] = findKeywords(text.slice(start, end), candidates);
      if (keyword !== undefined) {
        marks.push({ start, end, keyword });
        first += count - 1;
        break;
      }
    }
  }
  if (marks.length === 0) return [{ text }];
  const parts: LinePart[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) parts.push({ text: text.slice(cursor, mark.start) });
    parts.push({ text: text.slice(mark.start, mark.end), keyword: mark.keyword });
    cursor = mark.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor) });
  return parts;
}

function wordCount(keyword: string): number {
  return Math.max(1, keyword.match(WORD)?.length ?? 1);
}

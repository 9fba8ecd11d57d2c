/**
 * Search over one client's approved texts for the client card: the shared German retrieval
 * (folding, stemming, compound splitting, BM25 — `buildApprovedTextIndex`) ranks whole-word
 * matches first; a folded substring match over title, tags and text adds what the agent has
 * only half typed ("Fri" → "Frist"). An empty query lists every text in the client's order.
 */
import type { ApprovedText, ClientProfile } from '../../../shared/domain/clientProfile';
import { foldGerman } from '../../../shared/language/germanNormalizer';
import {
  buildApprovedTextIndex,
  type ApprovedTextIndex,
} from '../../../shared/suggestions/approvedTextIndex';

export interface ApprovedTextSearch {
  search(query: string): ApprovedText[];
}

export function createApprovedTextSearch(
  client: Pick<ClientProfile, 'id' | 'approvedTexts'>,
): ApprovedTextSearch {
  const index: ApprovedTextIndex = buildApprovedTextIndex(client);
  const folded = client.approvedTexts.map((text) => ({
    text,
    haystack: foldGerman([text.title, ...text.tags, text.text].join(' ')),
  }));
  return {
    search(query) {
      const trimmed = query.trim();
      if (trimmed === '') return [...client.approvedTexts];
      const ranked = index.search(trimmed, client.approvedTexts.length).map((hit) => hit.text);
      const words = foldGerman(trimmed).split(/\s+/).filter(Boolean);
      const partial = folded
        .filter(({ haystack }) => words.every((word) => haystack.includes(word)))
        .map(({ text }) => text);
      return [...new Set([...ranked, ...partial])];
    },
  };
}

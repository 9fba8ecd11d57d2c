/**
 * Retrieval over one client's approved texts: BM25 over German terms (folded, stemmed,
 * compounds split against the client's own vocabulary), with title and tags weighted above the
 * body. Pure and synchronous: an index of a few hundred texts builds in well under a
 * millisecond per text and answers a query in microseconds.
 *
 * An index MUST hold one client's texts only; callers build one per client so that nothing
 * of one client can be suggested for another.
 */
import type { ApprovedText, ClientProfile } from '../domain/clientProfile';
import { createGermanTermAnalyzer, type GermanTermAnalyzer } from '../language/germanTerms';

/** Field weights: a term in the title or a tag says more about a text than one in its body. */
const TITLE_WEIGHT = 2;
const TAG_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** BM25 saturation and length normalisation; short texts, so length matters little. */
const K1 = 1.2;
const LENGTH_INFLUENCE = 0.4;

/** One approved text with its score for a query. */
export interface RankedText {
  readonly text: ApprovedText;
  readonly score: number;
}

export interface ApprovedTextIndex {
  readonly clientId: string;
  readonly analyzer: GermanTermAnalyzer;
  /** Ranks texts for weighted query terms (see `GermanTermAnalyzer.terms`); best first. */
  rank(queryTerms: ReadonlyMap<string, number>, limit?: number): RankedText[];
  /** Convenience: ranks texts for a plain query text. */
  search(query: string, limit?: number): RankedText[];
}

interface IndexedText {
  text: ApprovedText;
  terms: Map<string, number>;
  length: number;
}

function addWeighted(target: Map<string, number>, source: Map<string, number>, weight: number) {
  for (const [term, count] of source) target.set(term, (target.get(term) ?? 0) + count * weight);
}

export function buildApprovedTextIndex(
  client: Pick<ClientProfile, 'id' | 'approvedTexts'>,
): ApprovedTextIndex {
  const analyzer = createGermanTermAnalyzer(
    client.approvedTexts.map((text) => [text.title, text.text, ...text.tags].join(' ')),
  );
  const documents: IndexedText[] = client.approvedTexts.map((text) => {
    const terms = new Map<string, number>();
    addWeighted(terms, analyzer.terms(text.title), TITLE_WEIGHT);
    addWeighted(terms, analyzer.terms(text.tags.join(' . ')), TAG_WEIGHT);
    addWeighted(terms, analyzer.terms(text.text), BODY_WEIGHT);
    let length = 0;
    for (const count of terms.values()) length += count;
    return { text, terms, length };
  });
  const averageLength =
    documents.reduce((sum, document) => sum + document.length, 0) / Math.max(documents.length, 1);
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of document.terms.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const inverseFrequency = (term: string): number => {
    const frequency = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (documents.length - frequency + 0.5) / (frequency + 0.5));
  };

  const rank = (queryTerms: ReadonlyMap<string, number>, limit = 5): RankedText[] => {
    const ranked: RankedText[] = [];
    for (const document of documents) {
      let score = 0;
      for (const [term, queryWeight] of queryTerms) {
        const count = document.terms.get(term);
        if (count === undefined) continue;
        const normalisedLength =
          1 - LENGTH_INFLUENCE + (LENGTH_INFLUENCE * document.length) / averageLength;
        score +=
          inverseFrequency(term) *
          Math.min(queryWeight, 1) *
          ((count * (K1 + 1)) / (count + K1 * normalisedLength));
      }
      if (score > 0) ranked.push({ text: document.text, score });
    }
    ranked.sort((left, right) => right.score - left.score);
    return ranked.slice(0, limit);
  };

  return {
    clientId: client.id,
    analyzer,
    rank,
    search: (query, limit) => rank(analyzer.terms(query), limit),
  };
}

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
export const TITLE_WEIGHT = 2;
export const TAG_WEIGHT = 2;
const BODY_WEIGHT = 1;
/**
 * Weight of a query term that is a title or tag term of a text, scored by its rarity among
 * titles and tags: a caller naming a text's subject gets that text, not one that shares a
 * common word.
 */
const KEY_TERM_WEIGHT = 1;
/** A title names the subject; tags are helpers: a title term counts this much more. */
const TITLE_KEY_FACTOR = 2;
/** BM25 saturation and length normalisation; short texts, so length matters little. */
const K1 = 1.2;
const LENGTH_INFLUENCE = 0.4;

/** One approved text with its score for a query. */
export interface RankedText {
  readonly text: ApprovedText;
  readonly score: number;
}

/**
 * What the built-in suggester needs from a retrieval engine over one client's approved texts.
 * Scores are on the engine's own scale; the engine says from which score a text is the answer.
 * The benchmark plugs search libraries in through this interface to compare them in the same
 * pipeline (detectors, thresholds, cards).
 */
export interface ApprovedTextRetriever {
  readonly clientId: string;
  /** From this score on, the best text is offered as the answer. */
  readonly minimumAnswerScore: number;
  /** From this score on, a text may be offered to a model as a candidate. */
  readonly minimumCandidateScore: number;
  /**
   * Ranks texts for the caller's question, best first; `context` (the caller's previous line)
   * counts at half weight, so short follow-ups ("und was kostet das") keep their topic.
   */
  rankQuestion(question: string, context: string, limit: number): RankedText[];
}

/** Below this BM25 score no approved text is offered (set with the question sets, see the tests). */
export const MINIMUM_ANSWER_SCORE = 2;
/** Texts at or above this score may still be offered to a model as candidates. */
export const MINIMUM_CANDIDATE_SCORE = 1;
/** Weight of the caller's previous line. */
const CONTEXT_WEIGHT = 0.5;

export interface ApprovedTextIndex extends ApprovedTextRetriever {
  readonly analyzer: GermanTermAnalyzer;
  /** Ranks texts for weighted query terms (see `GermanTermAnalyzer.terms`); best first. */
  rank(queryTerms: ReadonlyMap<string, number>, limit?: number): RankedText[];
  /** Convenience: ranks texts for a plain query text. */
  search(query: string, limit?: number): RankedText[];
}

interface IndexedText {
  text: ApprovedText;
  terms: Map<string, number>;
  /** Terms of the title and tags (compound parts at their lower weight): what the text is about. */
  keyTerms: Map<string, number>;
  length: number;
}

/** Inverse document frequency (BM25's form) of a term in `frequency` of `count` texts. */
function inverseFrequencyOf(frequency: number, count: number): number {
  return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
}

function documentFrequencies(maps: readonly Map<string, number>[]): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const map of maps) {
    for (const term of map.keys()) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return frequencies;
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
    const title = analyzer.terms(text.title);
    const tags = analyzer.terms(text.tags.join(' . '));
    addWeighted(terms, title, TITLE_WEIGHT);
    addWeighted(terms, tags, TAG_WEIGHT);
    addWeighted(terms, analyzer.terms(text.text), BODY_WEIGHT);
    const keyTerms = new Map(tags);
    for (const [term, weight] of title) {
      keyTerms.set(term, Math.max(keyTerms.get(term) ?? 0, weight * TITLE_KEY_FACTOR));
    }
    let length = 0;
    for (const count of terms.values()) length += count;
    return { text, terms, keyTerms, length };
  });
  const averageLength =
    documents.reduce((sum, document) => sum + document.length, 0) / Math.max(documents.length, 1);
  const documentFrequency = documentFrequencies(documents.map((document) => document.terms));
  // Rarity among titles and tags only: a word that names one text's subject ("Angebot") stays
  // decisive even when the bodies of other texts mention it in passing.
  const keyFrequency = documentFrequencies(documents.map((document) => document.keyTerms));
  const inverseFrequency = (term: string): number =>
    inverseFrequencyOf(documentFrequency.get(term) ?? 0, documents.length);
  const keyInverseFrequency = (term: string): number =>
    inverseFrequencyOf(keyFrequency.get(term) ?? 0, documents.length);

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
        const keyWeight = document.keyTerms.get(term);
        if (keyWeight !== undefined) {
          score +=
            KEY_TERM_WEIGHT * keyInverseFrequency(term) * Math.min(queryWeight, 1) * keyWeight;
        }
      }
      if (score > 0) ranked.push({ text: document.text, score });
    }
    ranked.sort((left, right) => right.score - left.score);
    return ranked.slice(0, limit);
  };

  return {
    clientId: client.id,
    analyzer,
    minimumAnswerScore: MINIMUM_ANSWER_SCORE,
    minimumCandidateScore: MINIMUM_CANDIDATE_SCORE,
    rank,
    search: (query, limit) => rank(analyzer.queryTerms(query), limit),
    rankQuestion(question, context, limit) {
      const terms = analyzer.queryTerms(question);
      for (const [term, weight] of analyzer.queryTerms(context)) {
        terms.set(term, Math.max(terms.get(term) ?? 0, weight * CONTEXT_WEIGHT));
      }
      return rank(terms, limit);
    },
  };
}

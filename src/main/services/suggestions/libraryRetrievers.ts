/**
 * Search libraries behind the built-in suggester's retriever interface, for the benchmark and
 * the comparison test only (devDependencies): MiniSearch (BM25+, fuzzy and prefix matching)
 * and Orama (BM25 with `@orama/stemmers` German, Levenshtein tolerance). Each runs in the same
 * pipeline as the hand-written index — same detectors, same cards — so only retrieval differs.
 *
 * Every variant gets the same field boosts as the hand-written index (title and tags above
 * the body). Answer thresholds are on each library's own score scale; the benchmark prints how
 * each variant does at the threshold that suits it best, so no library loses to a bad guess.
 */
import MiniSearch from 'minisearch';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stemmer as germanSnowballStemmer } from '@orama/stemmers/german';
import type { ClientProfile } from '../../../shared/domain/clientProfile';
import { tokenizeGerman } from '../../../shared/language/germanNormalizer';
import { GERMAN_STOP_WORDS } from '../../../shared/language/germanStopWords';
import { createGermanTermAnalyzer } from '../../../shared/language/germanTerms';
import {
  TITLE_WEIGHT,
  TAG_WEIGHT,
  type ApprovedTextRetriever,
  type RankedText,
} from '../../../shared/suggestions/approvedTextIndex';

type Client = Pick<ClientProfile, 'id' | 'approvedTexts'>;
const CONTEXT_WEIGHT = 0.5;
const BOOST = { title: TITLE_WEIGHT, tags: TAG_WEIGHT };

/** A library variant: builds a retriever for one client with a given answer threshold. */
export interface LibraryVariant {
  readonly name: string;
  build(client: Client, minimumAnswerScore: number): ApprovedTextRetriever;
  /** Thresholds the benchmark tries, on this library's score scale. */
  readonly thresholds: readonly number[];
}

function merge(primary: RankedText[], context: RankedText[], limit: number): RankedText[] {
  const scores = new Map<string, RankedText>();
  for (const ranked of primary) scores.set(ranked.text.id, ranked);
  for (const ranked of context) {
    const known = scores.get(ranked.text.id);
    const score = (known?.score ?? 0) + ranked.score * CONTEXT_WEIGHT;
    scores.set(ranked.text.id, { text: ranked.text, score });
  }
  return [...scores.values()].sort((left, right) => right.score - left.score).slice(0, limit);
}

function retriever(
  client: Client,
  minimumAnswerScore: number,
  rank: (query: string) => RankedText[],
): ApprovedTextRetriever {
  return {
    clientId: client.id,
    minimumAnswerScore,
    minimumCandidateScore: minimumAnswerScore / 2,
    rankQuestion: (question, context, limit) =>
      merge(rank(question), context.trim() === '' ? [] : rank(context), limit),
  };
}

const documentsOf = (client: Client) =>
  client.approvedTexts.map((text) => ({
    id: text.id,
    title: text.title,
    tags: text.tags.join(' . '),
    text: text.text,
  }));

/**
 * MiniSearch with a tokenizer of our choice: `plain` folds and drops stop words only (the
 * library's own matching does the rest); `ourTerms` feeds it our analyzer's stems and
 * compound parts, so only BM25+ and the fuzzy/prefix matching are the library's.
 */
function miniSearchVariant(name: string, useOurTerms: boolean): LibraryVariant {
  return {
    name,
    thresholds: [1, 2, 4, 6, 8, 10],
    build(client, minimumAnswerScore) {
      const analyzer = createGermanTermAnalyzer(
        client.approvedTexts.map((text) => [text.title, text.text, ...text.tags].join(' ')),
      );
      const tokenize = useOurTerms
        ? (text: string) => [...analyzer.terms(text).keys()]
        : (text: string) => tokenizeGerman(text).filter((token) => !GERMAN_STOP_WORDS.has(token));
      const index = new MiniSearch({
        fields: ['title', 'tags', 'text'],
        tokenize,
        processTerm: (term) => term,
        searchOptions: {
          boost: BOOST,
          fuzzy: 0.2,
          prefix: true,
          combineWith: 'OR',
          ...(useOurTerms
            ? { tokenize: (text: string) => [...analyzer.queryTerms(text).keys()] }
            : {}),
        },
      });
      index.addAll(documentsOf(client));
      const byId = new Map(client.approvedTexts.map((text) => [text.id, text]));
      return retriever(client, minimumAnswerScore, (query) =>
        index.search(query).map((hit) => ({ text: byId.get(String(hit.id))!, score: hit.score })),
      );
    },
  };
}

/** Orama with the Snowball German stemmer from `@orama/stemmers` and tolerance 1. */
const oramaGerman: LibraryVariant = {
  name: 'Orama + @orama/stemmers German',
  thresholds: [0.5, 1, 1.5, 2, 3, 4],
  build(client, minimumAnswerScore) {
    const database = create({
      schema: { id: 'string', title: 'string', tags: 'string', text: 'string' } as const,
      components: {
        tokenizer: {
          language: 'german',
          stemming: true,
          stemmer: germanSnowballStemmer,
          stopWords: [...GERMAN_STOP_WORDS],
        },
      },
    });
    const inserted = insertMultiple(database, documentsOf(client));
    if (inserted instanceof Promise) throw new Error('Orama insert must be synchronous here');
    const byId = new Map(client.approvedTexts.map((text) => [text.id, text]));
    return retriever(client, minimumAnswerScore, (query) => {
      const results = oramaSearch(database, {
        term: query,
        properties: ['title', 'tags', 'text'],
        boost: BOOST,
        tolerance: 1,
        threshold: 1,
        limit: 10,
      });
      if (results instanceof Promise) throw new Error('Orama search must be synchronous here');
      return results.hits.map((hit) => ({ text: byId.get(hit.document.id)!, score: hit.score }));
    });
  },
};

/** The library variants the benchmark compares with the hand-written index. */
export const LIBRARY_VARIANTS: readonly LibraryVariant[] = [
  miniSearchVariant('MiniSearch (BM25+, fuzzy, prefix; folding only)', false),
  miniSearchVariant('MiniSearch (BM25+, fuzzy, prefix) on our German terms', true),
  oramaGerman,
];

/**
 * Benchmark: suggestion latency from a final transcript segment to the card, excluding model
 * time (no model configured), against a naive substring scan in the same run.
 *
 *   npx tsx src/main/services/suggestions/suggestionBenchmark.ts [repetitions]
 *
 * Prints median and p95 per method: the service call itself, the same call through the typed
 * contract over the in-memory RPC pair (schema validation both ways), and the baseline; plus
 * top-1 accuracy on every labelled set (written questions, colloquial questions, spoken
 * utterances) side by side for the built-in index, MiniSearch, Orama and the naive scan (see
 * `retrievalComparison.ts`), and index build and query time for a synthetic client with 500
 * approved texts.
 */
import { performance } from 'node:perf_hooks';
import { suggestionService } from '../../../shared/contract/services/suggestionService';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import type { ApprovedText, ClientProfile } from '../../../shared/domain/clientProfile';
import { createInMemoryProtocolPair } from '../../../shared/rpc/inMemoryProtocolPair';
import { createContractClient } from '../../../shared/rpc/rpcClient';
import { serveContract } from '../../../shared/rpc/rpcServer';
import { buildApprovedTextIndex } from '../../../shared/suggestions/approvedTextIndex';
import { comparisonLines, compareRetrievers, naiveSubstringScan } from './retrievalComparison';
import { SPOKEN_CALLER_UTTERANCES } from './spokenCallerUtterances';
import { HELD_OUT_QUESTIONS, LABELLED_QUESTIONS } from './suggestionQuestions';
import { createTestSuggestionService } from './suggestionTestSupport';

const repetitions = Number(process.argv[2] ?? '20');
const questions = [...LABELLED_QUESTIONS, ...HELD_OUT_QUESTIONS, ...SPOKEN_CALLER_UTTERANCES];
const clientOf = (clientId: string): ClientProfile =>
  DEMO_CLIENTS.find((client) => client.id === clientId)!;

/** A few lines of conversation before the caller's final line, as the renderer sends them. */
function transcriptFor(question: string) {
  return [
    {
      speaker: 'agent' as const,
      text: 'Guten Tag, Sie sprechen mit dem Telefonservice. Wie kann ich helfen?',
    },
    { speaker: 'caller' as const, text: 'Ja, guten Tag, ich habe eine Frage.' },
    { speaker: 'agent' as const, text: 'Gern, worum geht es denn?' },
    { speaker: 'caller' as const, text: question },
  ];
}

function summary(durations: number[]): { median: number; p95: number } {
  const sorted = [...durations].sort((left, right) => left - right);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const format = (milliseconds: number) => `${(milliseconds * 1000).toFixed(0)} µs`;

async function main(): Promise<void> {
  const service = createTestSuggestionService();
  const pair = createInMemoryProtocolPair();
  serveContract({ suggestions: suggestionService }, { suggestions: service }, pair.server);
  const client = createContractClient({ suggestions: suggestionService }, pair.client, {
    timeoutMilliseconds: 5000,
  });

  const direct: number[] = [];
  const overContract: number[] = [];
  const baseline: number[] = [];
  for (let round = -2; round < repetitions; round += 1) {
    for (const [index, question] of questions.entries()) {
      const request = {
        callId: `bench-${index}`,
        client: { clientId: question.clientId },
        transcript: transcriptFor(question.question),
      };
      let started = performance.now();
      await service.methods.suggest(request);
      const directTime = performance.now() - started;
      started = performance.now();
      await client.suggestions.suggest(request);
      const contractTime = performance.now() - started;
      started = performance.now();
      naiveSubstringScan(clientOf(question.clientId).approvedTexts, question.question);
      const baselineTime = performance.now() - started;
      if (round < 0) continue; // warm-up rounds
      direct.push(directTime);
      overContract.push(contractTime);
      baseline.push(baselineTime);
    }
  }

  const synthetic: ApprovedText[] = Array.from({ length: 500 }, (_, index) => {
    const source = DEMO_CLIENTS[index % 3]!.approvedTexts[index % 15]!;
    return { ...source, id: `synthetic-${index}`, title: `${source.title} ${index}` };
  });
  let started = performance.now();
  const index = buildApprovedTextIndex({ id: 'synthetic', approvedTexts: synthetic });
  const buildTime = performance.now() - started;
  const queryTimes: number[] = [];
  for (const question of questions) {
    started = performance.now();
    index.search(question.question, 4);
    queryTimes.push(performance.now() - started);
  }

  const rows = [
    ['built-in suggestion (service call)', summary(direct)],
    ['built-in suggestion (typed contract, in-memory RPC)', summary(overContract)],
    ['baseline: naive substring scan', summary(baseline)],
  ] as const;
  console.log(
    `suggestion latency, final caller segment → card, no model (${direct.length} samples each)`,
  );
  for (const [name, figures] of rows)
    console.log(
      `  ${name.padEnd(52)} median ${format(figures.median).padStart(7)}   p95 ${format(figures.p95).padStart(7)}`,
    );
  console.log(
    `  ratio service/baseline: median ${(summary(direct).median / summary(baseline).median).toFixed(1)}×, p95 ${(summary(direct).p95 / summary(baseline).p95).toFixed(1)}×`,
  );
  for (const line of comparisonLines(compareRetrievers())) console.log(line);
  console.log(
    `synthetic client with 500 approved texts: index build ${buildTime.toFixed(1)} ms, query median ${format(summary(queryTimes).median)}, p95 ${format(summary(queryTimes).p95)}`,
  );
}

void main();

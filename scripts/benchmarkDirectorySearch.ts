/**
 * Directory search figures (ARCHITECTURE.md: figures and ratios against a baseline in the same
 * run, no timed assertions): 500 clients × 30 staff × 10 approved texts, the directory's index
 * (`buildDirectoryIndex`) against a naive scan of the same pre-tokenised entries
 * (`naiveDirectorySearch`, identical answers), over a mix of name, function, number and text
 * queries, typed one character at a time as the search box sees them.
 *
 *   npx tsx scripts/benchmarkDirectorySearch.ts [--clients 500] [--staff 30] [--texts 10] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import {
  buildDirectoryIndex,
  naiveDirectorySearch,
  type DirectorySearch,
} from '../src/renderer/features/directory/directoryIndex';
import { syntheticClients } from '../src/renderer/features/directory/testing/syntheticClients';
import { summarise } from './sampleSummary';

const { values: options } = parseArgs({
  options: {
    clients: { type: 'string', default: '500' },
    staff: { type: 'string', default: '30' },
    texts: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
  },
});

const QUERIES = [
  'Müller',
  'Kanzlei Becker 42',
  'sekretariat anna',
  'Rechtsanwältin Yılmaz',
  '030 2300 0420',
  '+49 30 4000 1234',
  'notdienst',
  'frist unterlagen',
  'Hausverwaltung Krüger Meister',
];

/** Every prefix of every query: what a search box asks while the agent types. */
const TYPED = QUERIES.flatMap((query) =>
  Array.from({ length: query.length }, (_, length) => query.slice(0, length + 1)),
);

function timeSearches(search: DirectorySearch, rounds: number): number[] {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of TYPED) {
      const started = performance.now();
      search.search(query);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

const clients = syntheticClients(
  Number(options.clients),
  Number(options.staff),
  Number(options.texts),
);
const buildStarted = performance.now();
const index = buildDirectoryIndex(clients);
const buildMilliseconds = performance.now() - buildStarted;
const naive = naiveDirectorySearch(clients);
const rounds = Number(options.rounds);
// One warm-up round each, so both run compiled code.
timeSearches(index, 1);
timeSearches(naive, 1);
const indexed = summarise(timeSearches(index, rounds));
const scanned = summarise(timeSearches(naive, rounds));
const format = (value: number) => value.toFixed(3);

console.log(
  `Directory: ${clients.length} clients, ${Number(options.staff)} staff and ${Number(options.texts)} approved texts each; ${TYPED.length} typed queries × ${rounds} rounds`,
);
console.log(`index build: ${buildMilliseconds.toFixed(0)} ms`);
console.log('search           median ms   p95 ms   max ms');
console.log(
  `index            ${format(indexed.median).padStart(9)} ${format(indexed.p95).padStart(8)} ${format(indexed.max).padStart(8)}`,
);
console.log(
  `naive scan       ${format(scanned.median).padStart(9)} ${format(scanned.p95).padStart(8)} ${format(scanned.max).padStart(8)}`,
);
console.log(
  `naive / index: ${(scanned.median / indexed.median).toFixed(1)}× (median), ${(scanned.p95 / indexed.p95).toFixed(1)}× (p95)`,
);

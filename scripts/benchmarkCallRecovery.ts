/**
 * Call recovery figures (issue 11, item 2): two desks talk through Kamailio and rtpengine, both
 * lose SIP and media for 8 s, the network returns. Printed over all runs: how many recovered,
 * and median / p95 / max of restore → new ICE session on both desks and restore → audio both
 * ways. Baseline in the same run: the same cut of one desk only (no race between two desks
 * re-registering), with the ratio both desks / one desk.
 *
 * Run inside the lab (after `npm run build`):
 *   bash lab/run-isolated.sh npx tsx scripts/benchmarkCallRecovery.ts [runs=20] [baselineRuns=runs]
 * Each run is one test of e2e/telephony/callRecovery.spec.ts (Playwright `--repeat-each`); the
 * figures are the `recovery (…)` annotations those tests write. Figures only: a failed run is
 * counted and shown, nothing is asserted here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labSkipReason } from '../e2e/support/lab';
import { summarise } from './sampleSummary';

const RUNS = Math.max(1, Number(process.argv[2] ?? process.env.EMPFANG_BENCHMARK_RUNS ?? '20'));
/** The one-desk baseline can run fewer times (it only gives the ratio's denominator). */
const BASELINE_RUNS = Math.max(1, Number(process.argv[3] ?? RUNS));
const SPEC = 'e2e/telephony/callRecovery.spec.ts';

interface RunFigures {
  passed: number;
  failed: number;
  newIce: number[];
  audio: number[];
}

interface JsonResult {
  status: string;
  annotations?: { type: string; description?: string }[];
}
interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { tests: { results: JsonResult[] }[] }[];
}

function resultsOf(suite: JsonSuite): JsonResult[] {
  return [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.flatMap((test) => test.results)),
    ...(suite.suites ?? []).flatMap(resultsOf),
  ];
}

/** Runs the tests whose title matches `grep` `runs` times and reads their recovery annotations. */
function measure(grep: string, runs: number): RunFigures {
  const directory = mkdtempSync(join(tmpdir(), 'empfang-recovery-'));
  const report = join(directory, 'report.json');
  spawnSync(
    'npx',
    [
      'playwright',
      'test',
      '--project=telephony',
      SPEC,
      '--grep',
      grep,
      '--repeat-each',
      String(runs),
      '--reporter=list,json',
    ],
    { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report } },
  );
  const figures: RunFigures = { passed: 0, failed: 0, newIce: [], audio: [] };
  const suites = (JSON.parse(readFileSync(report, 'utf8')) as { suites: JsonSuite[] }).suites;
  for (const result of suites.flatMap(resultsOf)) {
    if (result.status === 'passed') figures.passed += 1;
    else figures.failed += 1;
    const line = result.annotations?.find((annotation) => annotation.type.startsWith('recovery ('));
    const match = /new ice-ufrag ([\d /]+) ms and audio both ways (\d+) ms/.exec(
      line?.description ?? '',
    );
    if (result.status !== 'passed' || !match) continue;
    figures.newIce.push(Math.max(...match[1]!.split('/').map(Number)));
    figures.audio.push(Number(match[2]));
  }
  rmSync(directory, { recursive: true, force: true });
  return figures;
}

function main(): void {
  const skip = labSkipReason();
  if (skip) {
    console.error(`benchmarkCallRecovery: ${skip}`);
    process.exit(2);
  }
  const both = measure('8 s cut of SIP and media on both desks.*run 1 of', RUNS);
  const one = measure('8 s cut of one desk', BASELINE_RUNS);
  console.log(
    `\nEmpfang call recovery benchmark (lab, ${RUNS} runs both desks, ${BASELINE_RUNS} one desk, 8 s cut; ms after restore)`,
  );
  console.log(
    'cut'.padEnd(14),
    'recovered'.padStart(10),
    'metric'.padEnd(24),
    'median'.padStart(8),
    'p95'.padStart(8),
    'max'.padStart(8),
  );
  const cell = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));
  for (const [name, figures] of [
    ['both desks', both],
    ['one desk', one],
  ] as const) {
    for (const [metric, values] of [
      ['restore → new ICE', figures.newIce],
      ['restore → audio both ways', figures.audio],
    ] as const) {
      const summary = values.length > 0 ? summarise(values) : undefined;
      console.log(
        name.padEnd(14),
        `${figures.passed}/${figures.passed + figures.failed}`.padStart(10),
        metric.padEnd(24),
        cell(summary?.median).padStart(8),
        cell(summary?.p95).padStart(8),
        cell(summary?.max).padStart(8),
      );
    }
  }
  if (both.audio.length > 0 && one.audio.length > 0) {
    const ratio = summarise(both.audio).median / summarise(one.audio).median;
    console.log(`audio both ways, median both desks / one desk: ${ratio.toFixed(2)}`);
  }
}

main();

/**
 * Hybrid reception figures (issue 9), median / p95 / max over `runs`:
 *
 * 1. accept click → first audio from the caller at the agent (first unmute of the handed-over
 *    leg's remote track = its first RTP packet; the caller streams speech without pause);
 * 2. bot event → visible on the desk (bot API POST → marker text in the bots board, seen by a
 *    MutationObserver in the page; 5 samples per run);
 * 3. queue claim under 50 concurrent take-overs of one call: exactly one winner per round, and
 *    the time per claim (each request, and a round's wall time / 50), against the same claim uncontended (one agent, one call) as baseline.
 *
 * 1 and 2 are annotations of e2e/telephony/hybridTakeover.spec.ts (Playwright `--repeat-each`,
 * real lab: Kamailio, rtpengine, SIPp, the lab voicebot, a web shell desk); they are skipped
 * outside the lab. 3 runs a portal in this process on SQLite, and on PostgreSQL too when
 * EMPFANG_TEST_POSTGRES_URL is set (scripts/with-postgres.sh). Figures only, nothing asserted:
 *
 *   npm run build
 *   bash lab/run-isolated.sh npx tsx scripts/benchmarkHybrid.ts [runs=20]
 *   bash scripts/with-postgres.sh npx tsx scripts/benchmarkHybrid.ts [runs=20]   # claims only
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labSkipReason } from '../e2e/support/lab';
import { ACCEPT_TO_AUDIO, BOT_EVENT_TO_DESK } from '../e2e/telephony/support/hybridFigures';
import { startHybridKit, switchBot, type HybridKit } from '../src/portal/testing/hybridTestKit';
import { testDatabaseTargets } from '../src/portal/testing/testDatabases';
import { resultsOf, type JsonSuite } from './playwrightReport';
import { summarise } from './sampleSummary';

const RUNS = Math.max(1, Number(process.argv[2] ?? process.env.EMPFANG_BENCHMARK_RUNS ?? '20'));
const SPEC = 'e2e/telephony/hybridTakeover.spec.ts';
const CONTENDERS = 50;

interface LabFigures {
  passed: number;
  failed: number;
  acceptToAudio: number[];
  botEventToDesk: number[];
}

/** Runs the lab spec RUNS times and reads its figure annotations. */
function measureLab(): LabFigures {
  const directory = mkdtempSync(join(tmpdir(), 'empfang-hybrid-'));
  const report = join(directory, 'report.json');
  spawnSync(
    'npx',
    [
      'playwright',
      'test',
      '--project=telephony',
      SPEC,
      '--repeat-each',
      String(RUNS),
      '--reporter=list,json',
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    },
  );
  const figures: LabFigures = { passed: 0, failed: 0, acceptToAudio: [], botEventToDesk: [] };
  const suites = (JSON.parse(readFileSync(report, 'utf8')) as { suites: JsonSuite[] }).suites;
  for (const result of suites.flatMap(resultsOf)) {
    if (result.status === 'passed') figures.passed += 1;
    else figures.failed += 1;
    for (const annotation of result.annotations ?? []) {
      const value = Number(annotation.description);
      if (!Number.isFinite(value)) continue;
      if (annotation.type === ACCEPT_TO_AUDIO) figures.acceptToAudio.push(value);
      if (annotation.type === BOT_EVENT_TO_DESK) figures.botEventToDesk.push(value);
    }
  }
  rmSync(directory, { recursive: true, force: true });
  return figures;
}

interface ClaimFigures {
  database: string;
  rounds: number;
  roundsWithOneWinner: number;
  contended: number[];
  /** Wall time of a whole round divided by the contenders (throughput view). */
  perClaimOfRound: number[];
  alone: number[];
}

async function timedTakeOver(kit: HybridKit, callId: string, token: string) {
  const started = performance.now();
  const answer = await kit.test.request('POST', `/bot-calls/${callId}/take-over`, { token });
  return { status: answer.status, milliseconds: performance.now() - started };
}

/** RUNS rounds of 50 concurrent take-overs of a fresh bot call, plus one uncontended each. */
async function measureClaims(): Promise<ClaimFigures[]> {
  const all: ClaimFigures[] = [];
  for (const target of testDatabaseTargets()) {
    if (target.skipReason) continue;
    const kit = await startHybridKit(target);
    try {
      await switchBot(kit, 'on');
      const agents = [];
      for (let index = 0; index < CONTENDERS; index += 1)
        agents.push(await kit.agent(String(5000 + index)));
      const figures: ClaimFigures = {
        database: target.name,
        rounds: RUNS,
        roundsWithOneWinner: 0,
        contended: [],
        perClaimOfRound: [],
        alone: [],
      };
      for (let round = 0; round < RUNS; round += 1) {
        const lone = await kit.botCall();
        figures.alone.push(
          (await timedTakeOver(kit, lone, agents[round % CONTENDERS]!.token)).milliseconds,
        );
        const callId = await kit.botCall();
        const roundStarted = performance.now();
        const answers = await Promise.all(
          agents.map((agent) => timedTakeOver(kit, callId, agent.token)),
        );
        const winners = answers.filter((answer) => answer.status === 200).length;
        const losers = answers.filter((answer) => answer.status === 409).length;
        if (winners === 1 && losers === CONTENDERS - 1) figures.roundsWithOneWinner += 1;
        figures.contended.push(...answers.map((answer) => answer.milliseconds));
        figures.perClaimOfRound.push((performance.now() - roundStarted) / CONTENDERS);
      }
      all.push(figures);
    } finally {
      await kit.test.close();
    }
  }
  return all;
}

const cell = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));

function printRow(name: string, values: readonly number[], target: string): void {
  const summary = values.length > 0 ? summarise(values) : undefined;
  console.log(
    name.padEnd(44),
    String(values.length).padStart(7),
    cell(summary?.median).padStart(8),
    cell(summary?.p95).padStart(8),
    cell(summary?.max).padStart(8),
    ` ${target}`,
  );
}

async function main(): Promise<void> {
  const skip = labSkipReason();
  const lab = skip ? undefined : measureLab();
  const claims = await measureClaims();

  console.log(`\nEmpfang hybrid reception benchmark (${RUNS} runs; milliseconds)`);
  console.log(
    'figure'.padEnd(44),
    'samples'.padStart(7),
    'median'.padStart(8),
    'p95'.padStart(8),
    'max'.padStart(8),
    ' target',
  );
  if (lab) {
    console.log(`lab runs passed: ${lab.passed}/${lab.passed + lab.failed}`);
    printRow('accept → first caller audio at the agent', lab.acceptToAudio, '≤ 1000 median');
    printRow('bot event → visible on the desk', lab.botEventToDesk, '≤ 300 p95');
  } else {
    console.log(`lab figures skipped: ${skip}`);
  }
  for (const figures of claims) {
    console.log(
      `${figures.database}: rounds with exactly one winner of ${CONTENDERS}: ` +
        `${figures.roundsWithOneWinner}/${figures.rounds}`,
    );
    printRow(`claim, ${CONTENDERS} concurrent (${figures.database})`, figures.contended, '');
    printRow(`round wall time / ${CONTENDERS} (${figures.database})`, figures.perClaimOfRound, '');
    printRow(`claim, uncontended (${figures.database})`, figures.alone, 'baseline');
    if (figures.contended.length > 0 && figures.alone.length > 0) {
      const ratio = summarise(figures.contended).median / summarise(figures.alone).median;
      console.log(`claim median, ${CONTENDERS} concurrent / uncontended: ${ratio.toFixed(2)}`);
    }
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

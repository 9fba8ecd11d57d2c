/**
 * Hybrid reception benchmark (prints figures; asserts nothing):
 *   npx tsx src/portal/benchmarks/hybridBenchmark.ts
 *   bash scripts/with-postgres.sh npx tsx src/portal/benchmarks/hybridBenchmark.ts     (adds PostgreSQL)
 *   bash lab/run-isolated.sh npx tsx src/portal/benchmarks/hybridBenchmark.ts          (adds Kamailio)
 * Per database:
 * - routing decision: POST /routing/decisions round trip (median / p95 / max over RUNS calls)
 *   against GET /health in the same run (a direct answer: what routing adds is the difference);
 * - queue claim: RUNS rounds of 50 agents taking one bot call over at once: winners per round
 *   (must be exactly 1), wall time per round and per claim.
 * Inside the lab also: the time Kamailio spends asking the portal per call (from its own log,
 * `routing-decision … started= now=`), routed calls against direct calls (no portal) in the
 * same run, SIPp INVITE → 200 OK as the caller sees it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setAgentState, setSipUser } from '../hybrid/agentStates';
import { OWN_CLIENT } from '../testing/portalFixtures';
import {
  startHybridKit,
  switchBot,
  ROUTING_SECRET,
  type HybridKit,
} from '../testing/hybridTestKit';
import { testDatabaseTargets, type TestDatabaseTarget } from '../testing/testDatabases';
import { testClientProfile } from '../testing/testClientProfile';

const RUNS = 20;
const CONCURRENT_ACCEPTS = 50;

function figures(values: number[]): string {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`;
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function routingDecisions(kit: HybridKit): Promise<void> {
  await kit.agent('1002');
  // Warm-up: the first requests compile the route and prepare statements.
  for (let index = 0; index < 5; index += 1) await kit.route({ line: OWN_CLIENT.line });
  const decisions: number[] = [];
  const direct: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    direct.push(await timed(() => kit.test.request('GET', '/health')));
    decisions.push(await timed(() => kit.route({ line: OWN_CLIENT.line })));
  }
  console.log(`  routing decision (agents):  ${figures(decisions)}`);
  console.log(`  direct answer (/health):    ${figures(direct)}`);
  const sorted = (values: number[]) => [...values].sort((left, right) => left - right);
  const p = (values: number[], quantile: number) =>
    sorted(values)[Math.floor(quantile * values.length)] ?? NaN;
  console.log(
    `  added by routing:           median ${(p(decisions, 0.5) - p(direct, 0.5)).toFixed(1)} ms, p95 ${(p(decisions, 0.95) - p(direct, 0.95)).toFixed(1)} ms`,
  );
}

async function queueClaims(kit: HybridKit): Promise<void> {
  await switchBot(kit, 'on');
  const agents = [];
  for (let index = 0; index < CONCURRENT_ACCEPTS; index += 1)
    agents.push(await kit.agent(String(5000 + index)));
  const rounds: number[] = [];
  const perRequest: number[] = [];
  const winners: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const callId = await kit.botCall();
    const started = performance.now();
    const answers = await Promise.all(
      agents.map(async (agent) => {
        const begin = performance.now();
        const answer = await kit.test.request('POST', `/bot-calls/${callId}/take-over`, {
          token: agent.token,
        });
        perRequest.push(performance.now() - begin);
        return answer.status;
      }),
    );
    rounds.push(performance.now() - started);
    winners.push(answers.filter((status) => status === 200).length);
  }
  const exact = winners.every((count) => count === 1);
  console.log(
    `  ${CONCURRENT_ACCEPTS} concurrent take-overs × ${RUNS}: winners per round ${[...new Set(winners)].join('/')} (${exact ? 'exactly one every time' : 'NOT exactly one'})`,
  );
  console.log(`  per round (all ${CONCURRENT_ACCEPTS} answered): ${figures(rounds)}`);
  console.log(`  per claim request:          ${figures(perRequest)}`);
  console.log(
    `  per claim (round / ${CONCURRENT_ACCEPTS}):     median ${([...rounds].sort((a, b) => a - b)[Math.floor(RUNS / 2)]! / CONCURRENT_ACCEPTS).toFixed(2)} ms`,
  );
}

async function kamailioRouting(target: TestDatabaseTarget): Promise<void> {
  const { restartKamailio } = await import('../../../lab/support/labControl');
  const { LAB_CLIENT_LINE, labRunDirectory } = await import('../../../lab/support/labConstants');
  const { runCall, startAnswering } = await import('../../../lab/support/sippRun');
  const kit = await startHybridKit(target);
  try {
    await kit.test.saveClient(
      testClientProfile('lab-client', LAB_CLIENT_LINE, {
        openingHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          opens: '00:00',
          closes: '23:59',
        })),
      }),
    );
    kit.clock.now = Date.now();
    const context = kit.test.portal.context;
    const agent = await kit.test.createUser('bench-agent', 'agent', ['lab-client']);
    await setSipUser(context.database, agent.id, '1001');
    await setAgentState(context.database, context.events, {
      userId: agent.id,
      state: 'available',
      at: new Date().toISOString(),
    });
    const setUp = async () => {
      const answering = await startAnswering({
        user: '1001',
        ringMilliseconds: 0,
        timeoutSeconds: 30,
      });
      const started = performance.now();
      await runCall({ target: LAB_CLIENT_LINE, callSeconds: 0, audio: 'silence' });
      const elapsed = performance.now() - started;
      await answering.stop();
      return elapsed;
    };
    await restartKamailio({ portal: null });
    const direct: number[] = [];
    for (let run = 0; run < RUNS; run += 1) direct.push(await setUp());
    await restartKamailio({ portal: { url: kit.test.url, routingSecret: ROUTING_SECRET } });
    const routed: number[] = [];
    for (let run = 0; run < RUNS; run += 1) routed.push(await setUp());
    const log = readFileSync(path.join(labRunDirectory(), 'kamailio.log'), 'utf8');
    const asked = [
      ...log.matchAll(/routing-decision[^\n]*started=([\d.]+)[^\n]*now=([\d.]+)/g),
    ].map((match) => (Number(match[2]) - Number(match[1])) * 1000);
    console.log(
      `  Kamailio asking the portal: ${figures(asked.slice(1))} (${asked.length} calls, first excluded)`,
    );
    console.log(`  SIPp call, direct route:    ${figures(direct)}`);
    console.log(`  SIPp call, portal-routed:   ${figures(routed)}`);
    await restartKamailio({ portal: null });
  } finally {
    await kit.test.close();
  }
}

for (const target of testDatabaseTargets()) {
  if (target.skipReason) {
    console.log(`${target.name}: skipped (${target.skipReason})`);
    continue;
  }
  console.log(`${target.name}:`);
  const routing = await startHybridKit(target);
  try {
    await routingDecisions(routing);
  } finally {
    await routing.test.close();
  }
  const claims = await startHybridKit(target);
  try {
    await queueClaims(claims);
  } finally {
    await claims.test.close();
  }
  if (process.env.EMPFANG_LAB === '1' && target.name === 'sqlite') await kamailioRouting(target);
}

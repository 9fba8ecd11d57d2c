/**
 * Routing figures (issues 9 and 10), real Kamailio + SIPp + portal (SQLite), printed, never
 * asserted. Run inside the lab:
 *   bash lab/run-isolated.sh npx tsx scripts/benchmarkRouting.ts [runs=20]
 *
 * 1. Routing decision time added to call set-up: SIPp INVITE → 180 Ringing (from SIPp's own
 *    message trace) with the portal deciding, against the same calls with routing off, in the
 *    same run; plus the time Kamailio itself spent waiting for the portal (its log,
 *    `routing-decision … started= now=`).
 * 2. Switch → first call routed by the new state: the line's bot switch is flipped through the
 *    portal's API (PUT /bot-switch/lines/:line, as the desk does) and a call is placed at once;
 *    measured from the API request to the INVITE arriving at the endpoint the new state picks
 *    (the "bot", a SIPp answerer as `botUri`, or the agent).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { restartKamailio } from '../lab/support/labControl';
import { LAB_CLIENT_LINE, labRunDirectory, labSkipReason } from '../lab/support/labConstants';
import { runCall, startAnswering } from '../lab/support/sippRun';
import { setAgentState, setSipUser } from '../src/portal/hybrid/agentStates';
import {
  saveAlwaysOpenClient,
  startHybridKit,
  ROUTING_SECRET,
  type HybridKit,
} from '../src/portal/testing/hybridTestKit';
import { SQLITE_TARGET } from '../src/portal/testing/testDatabases';
import { summarise } from './sampleSummary';

const RUNS = Math.max(1, Number(process.argv[2] ?? process.env.EMPFANG_BENCHMARK_RUNS ?? '20'));
const AGENT_USER = '1001';
const BOT_USER = '1002';

function show(label: string, values: readonly number[]): string {
  if (values.length === 0) return `  ${label.padEnd(34)} no samples`;
  const { median, p95, max, count } = summarise(values);
  return `  ${label.padEnd(34)} median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms (n=${count})`;
}

/** Wall-clock milliseconds of SIPp's trace lines (`----- 2026-12-06 05:20:52.999052`, local). */
function traceTimes(workDirectory: string): { at: number; firstLine: string }[] {
  const text = readFileSync(path.join(workDirectory, 'messages.log'), 'utf8');
  return [
    ...text.matchAll(/^-+ (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})\d*\n[^\n]*\n\s*([^\n]*)/gm),
  ].map((match) => ({ at: Date.parse(`${match[1]}T${match[2]}`), firstLine: match[3] ?? '' }));
}

/** INVITE sent → first 180 received, from the caller's trace. */
function inviteToRinging(workDirectory: string): number | undefined {
  const lines = traceTimes(workDirectory);
  const invite = lines.find((line) => line.firstLine.startsWith('INVITE '));
  const ringing = lines.find((line) => line.firstLine.startsWith('SIP/2.0 180'));
  return invite && ringing ? ringing.at - invite.at : undefined;
}

/** When the answerer received its (first) INVITE. */
function inviteArrival(workDirectory: string): number | undefined {
  return traceTimes(workDirectory).find((line) => line.firstLine.startsWith('INVITE '))?.at;
}

function kamailioWaits(fromByte: number): number[] {
  const log = readFileSync(path.join(labRunDirectory(), 'kamailio.log'), 'utf8').slice(fromByte);
  return [...log.matchAll(/routing-decision[^\n]*started=([\d.]+)[^\n]*now=([\d.]+)/g)].map(
    (match) => (Number(match[2]) - Number(match[1])) * 1000,
  );
}

function kamailioLogSize(): number {
  return readFileSync(path.join(labRunDirectory(), 'kamailio.log')).length;
}

let unanswered = 0;

async function ringingTimes(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const answering = await startAnswering({ user: AGENT_USER, timeoutSeconds: 30 });
    const result = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 0, audio: 'silence' });
    await answering.stop();
    const time = inviteToRinging(result.workDirectory);
    if (time === undefined) unanswered += 1;
    else times.push(time);
  }
  return times;
}

async function setUpFigures(kit: HybridKit): Promise<void> {
  await restartKamailio({ portal: null });
  await ringingTimes(2);
  const direct = await ringingTimes(RUNS);
  await restartKamailio({ portal: { url: kit.test.url, routingSecret: ROUTING_SECRET } });
  await ringingTimes(2);
  const from = kamailioLogSize();
  const routed = await ringingTimes(RUNS);
  const waits = kamailioWaits(from);
  console.log('Routing decision added to call set-up (INVITE → 180 at the caller):');
  console.log(show('routing off (reception user)', direct));
  console.log(show('routed by the portal', routed));
  console.log(show('Kamailio waiting for the portal', waits));
  const added = summarise(routed).median - summarise(direct).median;
  const addedP95 = summarise(routed).p95 - summarise(direct).p95;
  console.log(
    `  added: median ${added.toFixed(1)} ms, p95 ${addedP95.toFixed(1)} ms; ratio routed/off (median) ${(summarise(routed).median / summarise(direct).median).toFixed(2)}`,
  );
}

async function switchFigures(kit: HybridKit): Promise<void> {
  const shiftLead = await kit.test.createUser('bench-shift-lead', 'shift-lead', ['lab-client']);
  const { accessToken } = await kit.test.login(shiftLead.userName);
  const bot = await startAnswering({ user: BOT_USER, ringMilliseconds: 0, timeoutSeconds: 600 });
  const agent = await startAnswering({
    user: AGENT_USER,
    ringMilliseconds: 0,
    timeoutSeconds: 600,
  });
  await bot.stop();
  await agent.stop();
  const apiTimes: number[] = [];
  const routeTimes: number[] = [];
  const totals: number[] = [];
  let misrouted = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const mode = run % 2 === 0 ? 'off' : 'on';
    const expected = mode === 'on' ? BOT_USER : AGENT_USER;
    const other = mode === 'on' ? AGENT_USER : BOT_USER;
    const target = await startAnswering({
      user: expected,
      ringMilliseconds: 0,
      timeoutSeconds: 30,
    });
    const wrong = await startAnswering({ user: other, ringMilliseconds: 0, timeoutSeconds: 30 });
    const clicked = performance.now();
    const answer = await kit.test.request(
      'PUT',
      `/bot-switch/lines/${encodeURIComponent(LAB_CLIENT_LINE)}`,
      { body: { mode, reason: 'benchmark' }, token: accessToken },
    );
    if (answer.status !== 200) throw new Error(`switch answered ${answer.status}`);
    apiTimes.push(performance.now() - clicked);
    const call = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 0, audio: 'silence' });
    const sent = traceTimes(call.workDirectory).find((line) =>
      line.firstLine.startsWith('INVITE '),
    );
    const arrived = inviteArrival((await target.stop()).workDirectory);
    if (inviteArrival((await wrong.stop()).workDirectory) !== undefined) misrouted += 1;
    if (arrived !== undefined && sent !== undefined) {
      routeTimes.push(arrived - sent.at);
      totals.push(apiTimes.at(-1)! + arrived - sent.at);
    }
  }
  console.log('Bot switch → first call routed by the new state:');
  console.log(show('switch API (click → stored)', apiTimes));
  console.log(show('next INVITE → at the new target', routeTimes));
  console.log(show('switch effective for a call', totals));
  console.log(`  calls that reached the old target: ${misrouted} of ${RUNS}`);
  console.log(
    '  (starting the SIPp caller, 0.3–2 s on a loaded machine, is left out: it is not part of the system)',
  );
}

const skip = labSkipReason();
if (skip) {
  console.log(`benchmarkRouting: skipped (${skip})`);
} else {
  const started = performance.now();
  const kit = await startHybridKit(SQLITE_TARGET, {
    hybrid: { botUri: `sip:${BOT_USER}@lab.empfang.test` },
  });
  try {
    kit.clock.now = Date.now();
    await saveAlwaysOpenClient(kit, 'lab-client', LAB_CLIENT_LINE);
    const context = kit.test.portal.context;
    const agent = await kit.test.createUser('bench-agent', 'agent', ['lab-client']);
    await setSipUser(context.database, agent.id, AGENT_USER);
    await setAgentState(context.database, context.events, {
      userId: agent.id,
      state: 'available',
      at: new Date().toISOString(),
    });
    await setUpFigures(kit);
    await switchFigures(kit);
  } finally {
    await restartKamailio({ portal: null });
    await kit.test.close();
  }
  if (unanswered > 0) console.log(`  (${unanswered} calls without a 180 were left out)`);
  console.log(`(benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  // SIPp children and the portal's timers would keep Node alive.
  process.exit(0);
}

/**
 * Kamailio asks the portal where a client-line call goes and honours the answer; with the
 * portal down it rings the reception user at once (routing-fallback), and with a portal that
 * accepts but never answers it falls back on tm's 250 ms timer of the suspended transaction
 * (not http_client's whole second). Times are printed, not asserted (a loaded machine would make
 * them flaky); the log line says which path was taken. Real Kamailio, SIPp and
 * portal; runs only inside the lab: bash lab/run-isolated.sh npx vitest run lab/support/portalRouting.test.ts
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  saveAlwaysOpenClient,
  startHybridKit,
  ROUTING_SECRET,
  type HybridKit,
} from '../../src/portal/testing/hybridTestKit';
import { SQLITE_TARGET } from '../../src/portal/testing/testDatabases';
import { setAgentState, setSipUser } from '../../src/portal/hybrid/agentStates';
import { ROUTED_PATH_TIMEOUT_MS, restartKamailio } from './labControl';
import { LAB_CLIENT_LINE, labRunDirectory, labSkipReason } from './labConstants';
import { runCall, startAnswering } from './sippRun';

const skip = labSkipReason();
const AGENT_USER = '1003';
/** Stands in for the voicebot (the kit's botUri is sip:bot@…): a SIPp answerer registered as `bot`. */
const BOT_USER = 'bot';

/** Kamailio's routing log lines since `from` (byte offset), with their measured milliseconds. */
function routingLines(from: number): { line: string; milliseconds: number }[] {
  const log = readFileSync(path.join(labRunDirectory(), 'kamailio.log'), 'utf8').slice(from);
  return [
    ...log.matchAll(/routing-(?:decision|fallback)[^\n]*started=([\d.]+)[^\n]*now=([\d.]+)/g),
  ].map((match) => ({
    line: match[0],
    milliseconds: (Number(match[2]) - Number(match[1])) * 1000,
  }));
}

function logSize(): number {
  return readFileSync(path.join(labRunDirectory(), 'kamailio.log')).length;
}

/** One call to the lab line while only the reception user answers; its routing log line. */
async function callReceptionOnly(): Promise<{ line: string; milliseconds: number } | undefined> {
  const from = logSize();
  const reception = await startAnswering({ user: '1001', timeoutSeconds: 30 });
  const result = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 1, audio: 'silence' });
  expect(result.exitCode).toBe(0);
  expect(reception.events()).toContain('invited');
  await reception.stop();
  return routingLines(from)[0];
}

describe.skipIf(skip)('Kamailio routing through the portal', () => {
  let kit: HybridKit;
  let hung: Server;
  let hungPort = 0;

  beforeAll(async () => {
    kit = await startHybridKit(SQLITE_TARGET);
    // The lab line belongs to a client that is always open.
    await saveAlwaysOpenClient(kit, 'lab-client', LAB_CLIENT_LINE);
    const agent = await kit.test.createUser('lab-agent', 'agent', ['lab-client']);
    const context = kit.test.portal.context;
    await setSipUser(context.database, agent.id, AGENT_USER);
    await setAgentState(context.database, context.events, {
      userId: agent.id,
      state: 'available',
      at: new Date().toISOString(),
    });
    hung = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => hung.once('listening', resolve));
    hungPort = (hung.address() as { port: number }).port;
  }, 60_000);

  afterAll(async () => {
    await restartKamailio({ portal: null });
    hung?.close();
    await kit?.test.close();
  }, 60_000);

  it('rings the agent the portal chose (the reception user is not even registered)', async () => {
    await restartKamailio({
      portal: {
        url: kit.test.url,
        routingSecret: ROUTING_SECRET,
        routingTimeoutMs: ROUTED_PATH_TIMEOUT_MS,
      },
    });
    // Warm the portal up (route compiled, statements prepared) before the measured call.
    for (let index = 0; index < 3; index += 1) await kit.route({ line: LAB_CLIENT_LINE });
    const from = logSize();
    const chosen = await startAnswering({ user: AGENT_USER, timeoutSeconds: 30 });
    const result = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 1, audio: 'silence' });
    // On a failure, say whether Kamailio fell back (the portal took longer than 250 ms).
    expect({ exitCode: result.exitCode, routing: routingLines(from)[0]?.line }).toMatchObject({
      exitCode: 0,
      routing: expect.stringMatching(/routing-decision target=agents call=[0-9a-f-]{36}/),
    });
    expect(chosen.events()).toContain('invited');
    await chosen.stop();
    const [decision] = routingLines(from);
    expect(decision?.line).toMatch(/routing-decision target=agents call=[0-9a-f-]{36}/);
    console.log(`[lab] routing decision took ${decision?.milliseconds.toFixed(1)} ms in Kamailio`);
  }, 60_000);

  it('a shift lead switches the line: bot off → the next call rings the agent, on → the bot', async () => {
    await restartKamailio({
      portal: {
        url: kit.test.url,
        routingSecret: ROUTING_SECRET,
        routingTimeoutMs: ROUTED_PATH_TIMEOUT_MS,
      },
    });
    const lead = await kit.test.createUser('lab-shift-lead', 'shift-lead', ['lab-client']);
    const { accessToken } = await kit.test.login(lead.userName);
    const linePath = `/bot-switch/lines/${encodeURIComponent(LAB_CLIENT_LINE)}`;
    const callWith = async (mode: 'on' | 'off') => {
      const switched = await kit.test.request('PUT', linePath, {
        token: accessToken,
        body: { mode, reason: 'lab test' },
      });
      expect(switched.status).toBe(200);
      const bot = await startAnswering({ user: BOT_USER, timeoutSeconds: 30 });
      const agent = await startAnswering({ user: AGENT_USER, timeoutSeconds: 30 });
      const result = await runCall({ target: LAB_CLIENT_LINE, callSeconds: 1, audio: 'silence' });
      expect(result.exitCode).toBe(0);
      return {
        bot: (await bot.stop()).events.includes('invited'),
        agent: (await agent.stop()).events.includes('invited'),
      };
    };
    expect(await callWith('off')).toEqual({ bot: false, agent: true });
    expect(await callWith('on')).toEqual({ bot: true, agent: false });
  }, 90_000);

  it('falls back to the reception user within 300 ms when the portal is down', async () => {
    // Nothing listens on the closed portal's port: the connection is refused.
    await restartKamailio({ portal: { url: 'http://127.0.0.1:9', routingSecret: ROUTING_SECRET } });
    const fallback = await callReceptionOnly();
    // curl's CURLE_COULDNT_CONNECT (7): the refused connection, before any timer.
    expect(fallback?.line).toMatch(/routing-fallback status=7 /);
    console.log(`[lab] fallback (portal down) after ${fallback?.milliseconds.toFixed(1)} ms`);
  }, 60_000);

  it('falls back to the reception user on its own timer when the portal accepts but never answers', async () => {
    await restartKamailio({
      portal: { url: `http://127.0.0.1:${hungPort}`, routingSecret: ROUTING_SECRET },
    });
    const fallback = await callReceptionOnly();
    // tm's timer (ROUTING_TIMEOUT_MS, 250 ms), not curl's timeout of 1 s (status=28).
    expect(fallback?.line).toMatch(/routing-fallback status=timeout /);
    console.log(`[lab] fallback (portal hung) after ${fallback?.milliseconds.toFixed(1)} ms`);
  }, 60_000);
});

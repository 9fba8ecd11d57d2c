/**
 * The routing API (docs/hybrid.md): the bot switch globally and per line, the client's opening
 * hours across the DST change, holidays, available agents longest idle first, the queue when
 * nobody is available, handover tokens, and the proxy's credential. SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getClient } from '../domain/clientStore';
import { OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startHybridKit, switchBot, type HybridKit } from '../testing/hybridTestKit';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { isClientOpen } from './routingDecision';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe('opening hours in Europe/Berlin', () => {
  const profile = testClientProfile('c', '+4930999999', {
    openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
    holidays: ['2025-04-21'],
  });
  it.each([
    ['winter, 08:30 CET', '2025-01-06T07:30:00Z', true],
    ['winter, 07:30 CET', '2025-01-06T06:30:00Z', false],
    ['summer, 08:30 CEST', '2025-03-31T06:30:00Z', true],
    ['summer, 07:30 CEST (08:30 in CET)', '2025-03-31T05:30:00Z', false],
    ['summer, 16:59 CEST', '2025-03-31T14:59:00Z', true],
    ['summer, 17:00 CEST', '2025-03-31T15:00:00Z', false],
    ['Easter Monday (holiday)', '2025-04-21T08:00:00Z', false],
    ['Tuesday (no hours)', '2025-04-01T08:00:00Z', false],
  ])('%s', (_name, instant, open) => {
    expect(isClientOpen(profile, new Date(instant))).toBe(open);
  });
});

describe.each(targets)('routing decisions on $name', (target) => {
  let kit: HybridKit;
  afterEach(async () => kit?.test.close());
  const start = async () => {
    if (target.skipReason) return false;
    kit = await startHybridKit(target);
    return true;
  };

  it('refuses a proxy without the routing secret', async () => {
    if (!(await start())) return;
    expect((await kit.route({ line: OWN_CLIENT.line }, 'wrong-secret-0123456789')).status).toBe(
      401,
    );
    const unauthenticated = await kit.test.request('POST', '/routing/decisions', {
      body: { sipCallId: 'x', line: OWN_CLIENT.line },
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('sends the call to the bot when the bot is on globally, with the call ID header', async () => {
    if (!(await start())) return;
    await switchBot(kit, 'on');
    const answer = await kit.route({ line: OWN_CLIENT.line, callerNumber: '+4915112345678' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ target: 'bot', botUri: 'sip:bot@lab.empfang.test' });
    expect(answer.body.routes[0]?.headers.extra).toContain(
      `X-Empfang-Call-Id: ${answer.body.callId}`,
    );
    const board = kit.events.filter((event) => event.type === 'bot-call.updated');
    expect(board.at(-1)).toMatchObject({ callId: answer.body.callId, state: 'with-bot' });
    expect(JSON.stringify(kit.events)).not.toContain('4915112345678');
  });

  it('follows the per-line switch over the global one', async () => {
    if (!(await start())) return;
    await kit.agent('1002');
    await switchBot(kit, 'on', 'off');
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('agents');
    await switchBot(kit, 'off', 'on');
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('bot');
    await switchBot(kit, 'off', 'inherit');
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('agents');
  });

  it('rings available agents of the client longest idle first, serially', async () => {
    if (!(await start())) return;
    await kit.agent('1003', kit.clock.now - 60_000);
    await kit.agent('1002', kit.clock.now - 120_000);
    const answer = await kit.route({ line: OWN_CLIENT.line });
    expect(answer.body).toMatchObject({
      target: 'agents',
      agents: ['1002', '1003'],
      strategy: 'longest-idle',
      routing: 'serial',
    });
    expect(answer.body.routes.map((route) => route.uri)).toEqual([
      'sip:1002@lab.empfang.test',
      'sip:1003@lab.empfang.test',
    ]);
  });

  it('queues the call (bot holds the caller) when nobody is available and the bot is off', async () => {
    if (!(await start())) return;
    const answer = await kit.route({ line: OWN_CLIENT.line });
    expect(answer.body.target).toBe('queue');
    expect(answer.body.routes[0]?.headers.extra).toContain('X-Empfang-Bot-Mode: hold');
    const queue = kit.events.filter((event) => event.type === 'queue.updated').at(-1);
    expect(queue).toMatchObject({ clientId: OWN_CLIENT.id });
    expect(queue?.type === 'queue.updated' && queue.waitingCalls[0]?.callId).toBe(
      answer.body.callId,
    );
  });

  it('sends calls outside opening hours and on holidays to the bot', async () => {
    if (!(await start())) return;
    await kit.agent('1002');
    kit.clock.now = Date.parse('2025-03-31T05:30:00Z'); // 07:30 CEST
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('bot');
    kit.clock.now = Date.parse('2025-03-31T06:30:00Z'); // 08:30 CEST
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('agents');
    const profile = await getClient(kit.test.portal.context.database, OWN_CLIENT.id);
    if (!profile) throw new Error('no profile');
    await kit.test.saveClient({ ...profile, holidays: ['2025-03-31'] });
    expect((await kit.route({ line: OWN_CLIENT.line })).body.target).toBe('bot');
  });

  it('never rings agents of another client', async () => {
    if (!(await start())) return;
    await kit.agent('1002');
    const answer = await kit.route({ line: OTHER_CLIENT.line });
    expect(answer.body.target).not.toBe('agents');
  });

  it('routes a handover token to exactly the accepting agent, and refuses unknown tokens', async () => {
    if (!(await start())) return;
    await switchBot(kit, 'on');
    const callId = await kit.botCall();
    const agent = await kit.agent('1004');
    await kit.agent('1002', kit.clock.now - 600_000);
    const taken = await kit.test.request<{ handoverToken: string }>(
      'POST',
      `/bot-calls/${callId}/take-over`,
      { token: agent.token },
    );
    expect(taken.status).toBe(200);
    const handover = await kit.route({ line: null, handoverToken: taken.body.handoverToken });
    expect(handover.body).toMatchObject({
      target: 'agents',
      callId,
      agents: ['1004'],
      handoverToken: taken.body.handoverToken,
    });
    expect(handover.body.routes[0]?.headers.extra).toContain(
      `X-Empfang-Handover: ${taken.body.handoverToken}`,
    );
    const unknown = await kit.route({ line: null, handoverToken: 'A'.repeat(24) });
    expect(unknown.body).toMatchObject({ target: 'reject', status: 404 });
  });
});

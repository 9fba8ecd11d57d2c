/**
 * The shift lead's bot switch through the HTTP API (issue 10): reason and auto-revert in the
 * audit trail, the client's schedule deciding what routing does, hostile schedules, unknown
 * lines, two shift leads at once. SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BotSwitchState } from '../../domain/botSwitchStore';
import { OTHER_CLIENT, OWN_CLIENT } from '../../testing/portalFixtures';
import { startHybridKit, switchBot, type HybridKit } from '../../testing/hybridTestKit';
import { reportSkippedTargets, testDatabaseTargets } from '../../testing/testDatabases';
import type { AuditEntry } from '../../../shared/portalWire/operationsSchemas';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const LINE_PATH = `/bot-switch/lines/${encodeURIComponent(OWN_CLIENT.line)}`;

describe.each(targets)('bot switch API on $name', (target) => {
  let kit: HybridKit;
  afterEach(async () => kit?.test.close());
  const start = async () => {
    if (target.skipReason) return false;
    kit = await startHybridKit(target);
    await kit.agent('1002');
    return true;
  };
  const userToken = async (name: string, role: 'shift-lead' | 'agent') => {
    const user = await kit.test.createUser(name, role, [OWN_CLIENT.id]);
    return { id: user.id, token: (await kit.test.login(user.userName)).accessToken };
  };
  const routedTo = async () => (await kit.route({ line: OWN_CLIENT.line })).body.target;
  const audit = async (token: string) =>
    (await kit.test.request<AuditEntry[]>('GET', '/bot-switch/audit', { token })).body;

  it('switches a line off for two hours: audited with reason, routed at once, reverted by itself', async () => {
    if (!(await start())) return;
    await switchBot(kit, 'on');
    const lead = await userToken('lead-one', 'shift-lead');
    expect(await routedTo()).toBe('bot');
    const answer = await kit.test.request<BotSwitchState>('PUT', LINE_PATH, {
      token: lead.token,
      body: { mode: 'off', reason: 'Bot hört schlecht', revertAfterMinutes: 120 },
    });
    expect(answer.status).toBe(200);
    const line = answer.body.lines.find((item) => item.line === OWN_CLIENT.line);
    expect(line).toMatchObject({
      mode: 'off',
      botAnswers: false,
      reason: 'Bot hört schlecht',
      availableAgents: 1,
    });
    expect(line?.revert).toEqual({
      at: new Date(kit.clock.now + 120 * 60_000).toISOString(),
      to: 'inherit',
    });
    expect(await routedTo()).toBe('agents');
    const entry = (await audit(lead.token)).find((item) => item.action === 'bot-switch.line');
    expect(entry).toMatchObject({
      action: 'bot-switch.line',
      actorUserId: lead.id,
      targetId: OWN_CLIENT.line,
      details: { previousMode: 'inherit', mode: 'off', reason: 'Bot hört schlecht' },
    });
    const switchEvents = () => kit.events.filter((event) => event.type === 'bot-switch.changed');
    expect(switchEvents().at(-1)).toMatchObject({ mode: 'off', changedBy: lead.id });

    kit.clock.now += 119 * 60_000;
    expect(await routedTo()).toBe('agents');
    kit.clock.now += 60_000;
    expect(await routedTo()).toBe('bot');
    const token = (await kit.test.login('lead-one')).accessToken;
    const reverted = (await audit(token)).find((item) => item.actorUserId === null);
    expect(reverted).toMatchObject({
      actorUserId: null,
      details: { previousMode: 'off', mode: 'inherit', reason: 'auto-revert' },
    });
    expect(switchEvents().at(-1)).toMatchObject({ mode: 'inherit', changedBy: 'auto-revert' });
  });

  it('lets the client schedule decide while the line follows a global on', async () => {
    if (!(await start())) return;
    await switchBot(kit, 'on');
    const lead = await userToken('lead-schedule', 'shift-lead');
    // The kit's clock: Monday 2025-03-31 10:00 CEST.
    const schedule = {
      weekly: [{ weekday: 1, from: '18:00', to: '24:00' }],
      holidays: [],
      exceptions: [{ date: '2025-03-31', from: '09:00', to: '10:30', botAnswers: true }],
    };
    const saved = await kit.test.request('PUT', `/bot-switch/schedules/${OWN_CLIENT.id}`, {
      token: lead.token,
      body: { schedule, reason: 'Abenddienst' },
    });
    expect(saved.status).toBe(200);
    expect(await routedTo()).toBe('bot');
    kit.clock.now += 45 * 60_000; // 10:45: outside every window
    expect(await routedTo()).toBe('agents');
    kit.clock.now += 8 * 3_600_000; // 18:45: the evening window
    expect(await routedTo()).toBe('bot');
    // The access token from 10:00 has expired by now.
    const token = (await kit.test.login('lead-schedule')).accessToken;
    const state = await kit.test.request<BotSwitchState>('GET', '/bot-switch', { token });
    expect(state.status, JSON.stringify(state.body)).toBe(200);
    expect(state.body.lines[0]).toMatchObject({ scheduled: true, botAnswers: true });
    const entries = await audit(token);
    expect(entries.find((entry) => entry.action === 'bot-switch.schedule')).toMatchObject({
      details: { previous: 'none', next: 'schedule', reason: 'Abenddienst' },
    });
  });

  it('refuses hostile schedules with 400, unknown lines with 404, agents with 403', async () => {
    if (!(await start())) return;
    const lead = await userToken('lead-hostile', 'shift-lead');
    const agent = await userToken('agent-hostile', 'agent');
    const put = (body: unknown) =>
      kit.test.request('PUT', `/bot-switch/schedules/${OWN_CLIENT.id}`, {
        token: lead.token,
        body,
      });
    const overlapping = {
      weekly: [
        { weekday: 2, from: '08:00', to: '12:00' },
        { weekday: 2, from: '11:00', to: '13:00' },
      ],
      holidays: [],
      exceptions: [],
    };
    const lateHour = { ...overlapping, weekly: [{ weekday: 2, from: '08:00', to: '25:00' }] };
    const dstGap = {
      weekly: [],
      holidays: [],
      exceptions: [{ date: '2025-03-30', from: '02:30', to: '05:00', botAnswers: true }],
    };
    for (const schedule of [overlapping, lateHour, dstGap])
      expect((await put({ schedule })).status).toBe(400);
    const unknown = await kit.test.request('PUT', '/bot-switch/lines/%2B4930999000', {
      token: lead.token,
      body: { mode: 'off' },
    });
    expect(unknown.status).toBe(404);
    const otherClient = await kit.test.request(
      'PUT',
      `/bot-switch/lines/${encodeURIComponent(OTHER_CLIENT.line)}`,
      { token: lead.token, body: { mode: 'off' } },
    );
    expect(otherClient.status).toBe(404);
    expect(
      (await kit.test.request('PUT', LINE_PATH, { token: agent.token, body: { mode: 'off' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await kit.test.request('PUT', '/bot-switch/global', {
          token: agent.token,
          body: { mode: 'on' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await kit.test.request('GET', '/bot-switch/audit', { token: agent.token })).status,
    ).toBe(403);
    expect(
      (
        await kit.test.request('GET', `/bot-switch/schedules/${OTHER_CLIENT.id}`, {
          token: lead.token,
        })
      ).status,
    ).toBe(403);
  });

  it('two shift leads at once: the last write wins, both are audited and announced', async () => {
    if (!(await start())) return;
    const first = await userToken('lead-first', 'shift-lead');
    const second = await userToken('lead-second', 'shift-lead');
    const before = kit.events.length;
    const answers = await Promise.all([
      kit.test.request<BotSwitchState>('PUT', LINE_PATH, {
        token: first.token,
        body: { mode: 'on' },
      }),
      kit.test.request<BotSwitchState>('PUT', LINE_PATH, {
        token: second.token,
        body: { mode: 'off' },
      }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const entries = (await audit(first.token)).filter(
      (entry) => entry.action === 'bot-switch.line',
    );
    expect(entries.map((entry) => entry.actorUserId).sort()).toEqual([first.id, second.id].sort());
    // Both happen within one clock tick; the later write saw the earlier one's mode as its
    // "from" (the writes are serialised), and the state is the later write's mode.
    const later = entries.find((entry) => entry.details.previousMode !== 'inherit');
    expect(later?.details.previousMode).not.toBe(later?.details.mode);
    const state = await kit.test.request<BotSwitchState>('GET', '/bot-switch', {
      token: second.token,
    });
    expect(state.body.lines[0]?.mode).toBe(later?.details.mode);
    const announced = kit.events
      .slice(before)
      .filter((event) => event.type === 'bot-switch.changed');
    expect(announced).toHaveLength(2);
  });
});

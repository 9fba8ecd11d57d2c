/**
 * `POST /line-calls` and `GET /reports/unassigned-lines`: every call reaches the call log
 * exactly once, also calls to a line no client owns and to a client the agent is not assigned
 * to; the answer reveals no client; reads stay scoped; the billing views count them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  BillingReport,
  UnassignedLinesReport,
} from '../../../shared/portalWire/billingSchemas';
import type { LineCallReceipt } from '../../../shared/portalWire/callSchemas';
import { OTHER_CLIENT, OWN_CLIENT } from '../../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../../testing/portalTestHarness';
import { testClientProfile } from '../../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../../testing/testDatabases';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const UNKNOWN_LINE = '+4989555000';

describe.each(targets)('calls logged by line on $name', (target) => {
  let portal: TestPortal;
  let agent: string;
  let agentId: string;
  let supervisor: string;
  let admin: string;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    agentId = (await portal.createUser('line-agent', 'agent', [OWN_CLIENT.id])).id;
    await portal.createUser('line-supervisor', 'supervisor', [OWN_CLIENT.id]);
    await portal.createUser('line-admin', 'admin', []);
    agent = (await portal.login('line-agent')).accessToken;
    supervisor = (await portal.login('line-supervisor')).accessToken;
    admin = (await portal.login('line-admin')).accessToken;
  });
  afterAll(async () => portal?.close());

  const logByLine = (token: string, body: Record<string, unknown>) =>
    portal.request<LineCallReceipt>('POST', '/line-calls', { token, body });

  it.skipIf(target.skipReason)(
    'logs an unknown line once, lets its desk complete it, and refuses other facts',
    async () => {
      const id = randomUUID();
      const ring = { id, line: UNKNOWN_LINE, ringAt: '2025-04-01T10:00:00+02:00' };
      const first = await logByLine(agent, { ...ring, callerNumber: '+4917012345' });
      expect(first.status).toBe(201);
      // A scoped user learns nothing about a line outside its clients.
      expect(first.body).toEqual({ id, routed: 'outside-scope' });
      const final = {
        ...ring,
        answerAt: '2025-04-01T10:00:05+02:00',
        endAt: '2025-04-01T10:02:05+02:00',
        agentId,
        wrapUpSeconds: 30,
      };
      const second = await logByLine(agent, final);
      expect(second.status).toBe(200);
      expect(second.body).toEqual({ id, routed: 'outside-scope' });
      // The same body again: the same answer.
      expect(await logByLine(agent, final)).toMatchObject({ status: 200, body: second.body });
      // Other facts for a known call are a conflict and change nothing.
      const replay = await logByLine(agent, { ...final, endAt: '2025-04-01T11:00:00+02:00' });
      expect(replay.status).toBe(409);
      // Another user may not complete this desk's unassigned-line call.
      expect((await logByLine(supervisor, { ...final, outcome: 'spam' })).status).toBe(409);
      const rows = await portal.portal.context.database
        .selectFrom('unassigned_line_calls')
        .selectAll()
        .where('id', '=', id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        end_at: '2025-04-01T08:02:05.000Z',
        agent_id: agentId,
        wrap_up_seconds: 30,
        outcome: null,
      });
      // Audited without personal data: the logging and the completion.
      const audit = await portal.portal.context.database
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', id)
        .orderBy('at')
        .execute();
      expect(audit.map((entry) => entry.action).sort()).toEqual([
        'call.completed-by-line',
        'call.logged-by-line',
      ]);
      expect(JSON.stringify(audit)).not.toContain('+49');
      // The same ID cannot become a client call, nor a call on another line.
      const reuse = await portal.request('POST', '/calls', {
        token: agent,
        body: { ...ring, clientId: OWN_CLIENT.id, line: OWN_CLIENT.line },
      });
      expect(reuse.status).toBe(409);
      expect((await logByLine(agent, { ...ring, line: '+4989555001' })).status).toBe(409);
    },
  );

  it.skipIf(target.skipReason)(
    "logs a not-assigned client's call under that client without revealing it",
    async () => {
      const id = randomUUID();
      const answer = await logByLine(agent, {
        id,
        line: OTHER_CLIENT.line,
        ringAt: '2025-04-01T11:00:00+02:00',
        outcome: 'caller-hung-up',
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id, routed: 'outside-scope' });
      expect(JSON.stringify(answer.body)).not.toContain(OTHER_CLIENT.id);
      // Reads stay scoped: the agent may not read it, an admin sees it in the client's log.
      expect((await portal.request('GET', `/calls/${id}`, { token: agent })).status).toBe(403);
      const stored = await portal.request<{ clientId: string; outcome: string }>(
        'GET',
        `/calls/${id}`,
        { token: admin },
      );
      expect(stored.body).toMatchObject({ clientId: OTHER_CLIENT.id, outcome: 'caller-hung-up' });
      const again = await logByLine(agent, {
        id,
        line: OTHER_CLIENT.line,
        ringAt: '2025-04-01T11:00:00+02:00',
      });
      expect(again).toMatchObject({ status: 200, body: { id, routed: 'outside-scope' } });
      // Completing a call outside the agent's scope is refused: PATCH would be 403.
      const completing = await logByLine(agent, {
        id,
        line: OTHER_CLIENT.line,
        ringAt: '2025-04-01T11:00:00+02:00',
        outcome: 'caller-hung-up',
        wrapUpSeconds: 86_400,
      });
      expect(completing.status).toBe(409);
      const billing = await portal.request<BillingReport>(
        'GET',
        `/reports/billing?clientId=${OTHER_CLIENT.id}&from=2025-04-01&to=2025-04-01`,
        { token: admin },
      );
      expect(billing.body.totals).toMatchObject({ calls: 1, answeredCalls: 0 });
      expect(billing.body.totals.outcomes['caller-hung-up']).toBe(1);
    },
  );

  it.skipIf(target.skipReason)('completes a call of an own client logged before', async () => {
    const id = randomUUID();
    const ring = { id, line: OWN_CLIENT.line, ringAt: '2025-04-01T12:00:00+02:00' };
    const created = await portal.request('POST', '/calls', {
      token: agent,
      body: { ...ring, clientId: OWN_CLIENT.id },
    });
    expect(created.status).toBe(201);
    const logged = await logByLine(agent, { ...ring, endAt: '2025-04-01T12:00:20+02:00' });
    expect(logged.status).toBe(200);
    expect(logged.body.routed).toBe('client');
    const stored = await portal.request<{ endAt: string }>('GET', `/calls/${id}`, {
      token: agent,
    });
    expect(stored.body.endAt).toBe('2025-04-01T10:00:20.000Z');
  });

  it.skipIf(target.skipReason)(
    'an agent may not log a line call in the name of another agent',
    async () => {
      const answer = await logByLine(agent, {
        id: randomUUID(),
        line: UNKNOWN_LINE,
        ringAt: '2025-04-01T13:00:00+02:00',
        agentId: 'someone-else',
      });
      expect(answer.status).toBe(403);
    },
  );

  it.skipIf(target.skipReason)(
    'bills unassigned-line calls per line and local day, JSON and CSV',
    async () => {
      const calls = [
        { line: '+4940777001', ringAt: '2025-05-01T23:30:00+02:00', outcome: 'wrong-number' },
        {
          line: '+4940777001',
          ringAt: '2025-05-01T21:59:00Z',
          answerAt: '2025-05-01T22:00:00Z',
          endAt: '2025-05-01T22:01:00Z',
        },
        { line: '+4940777001', ringAt: '2025-05-02T00:30:00+02:00' },
        { line: '+4940777002', ringAt: '2025-05-02T09:00:00+02:00', outcome: 'caller-hung-up' },
      ];
      for (const call of calls) {
        expect((await logByLine(agent, { id: randomUUID(), ...call })).status).toBe(201);
      }
      const report = await portal.request<UnassignedLinesReport>(
        'GET',
        '/reports/unassigned-lines?from=2025-05-01&to=2025-05-02',
        { token: supervisor },
      );
      expect(report.status).toBe(200);
      expect(report.body.rows.map((row) => [row.line, row.day, row.calls])).toEqual([
        ['+4940777001', '2025-05-01', 2],
        ['+4940777001', '2025-05-02', 1],
        ['+4940777002', '2025-05-02', 1],
      ]);
      expect(report.body.rows[0]).toMatchObject({ answeredCalls: 1, talkSeconds: 60 });
      expect(report.body.rows[0]?.outcomes).toMatchObject({ 'wrong-number': 1, unclassified: 1 });
      expect(report.body.totals).toMatchObject({ calls: 4, talkMinutes: 1 });
      expect(report.body.totals.outcomes['caller-hung-up']).toBe(1);
      const csv = await portal.request<string>(
        'GET',
        '/reports/unassigned-lines?from=2025-05-01&to=2025-05-02&format=csv',
        { token: admin },
      );
      expect(csv.status).toBe(200);
      const lines = String(csv.body).trim().split('\r\n');
      expect(lines[0]).toMatch(/^line,day,calls,answered_calls,/);
      expect(lines[1]).toMatch(/^\+4940777001,2025-05-01,2,1,60,1\.00,/);
      expect(lines.at(-1)).toMatch(/^total,,4,1,60,/);
      expect(
        (
          await portal.request('GET', '/reports/unassigned-lines?from=2025-05-01&to=2025-05-02', {
            token: agent,
          })
        ).status,
      ).toBe(403);
    },
  );
});

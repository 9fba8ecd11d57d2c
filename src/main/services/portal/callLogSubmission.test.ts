/** The host's call-log submission against a real portal (SQLite): routing and classification. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../shared/contract/services/portalService';
import { OTHER_CLIENT, OWN_CLIENT } from '../../../portal/testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../../../portal/testing/portalTestHarness';
import { testClientProfile } from '../../../portal/testing/testClientProfile';
import { testDatabaseTargets } from '../../../portal/testing/testDatabases';
import { submitCall } from './callLogSubmission';
import type { PortalAuth } from './portalAuth';
import { PortalUnreachableError, type PortalResponse } from './portalHttpClient';

const sqlite = testDatabaseTargets().find((target) => target.name === 'sqlite')!;

function entry(overrides: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id: randomUUID(),
    clientId: null,
    line: '+4969123000',
    callerNumber: '+4917099999',
    ringAt: '2025-06-02T08:00:00.000Z',
    answerAt: null,
    endAt: '2025-06-02T08:00:20.000Z',
    outcome: 'caller-hung-up',
    wrapUpSeconds: 0,
    ...overrides,
  };
}

describe('submitCall', () => {
  let portal: TestPortal;
  let auth: Pick<PortalAuth, 'user' | 'request'>;
  let agentId: string;
  let failNext: 'unreachable' | 503 | null = null;

  beforeAll(async () => {
    portal = await startTestPortal(sqlite);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    const user = await portal.createUser('host-agent', 'agent', [OWN_CLIENT.id]);
    agentId = user.id;
    const token = (await portal.login('host-agent')).accessToken;
    auth = {
      user: { id: user.id } as PortalAuth['user'],
      async request(request): Promise<PortalResponse> {
        if (failNext === 'unreachable') {
          failNext = null;
          throw new PortalUnreachableError('network');
        }
        if (failNext === 503) {
          failNext = null;
          return { status: 503, body: { error: { code: 'unavailable' } }, retryAfterSeconds: 3 };
        }
        const answer = await portal.request(request.method, request.path, {
          token,
          body: request.body,
        });
        return { status: answer.status, body: answer.body, retryAfterSeconds: undefined };
      },
    };
  });
  afterAll(async () => portal?.close());

  const countCalls = async (table: 'calls' | 'unassigned_line_calls', id: string) =>
    (
      await portal.portal.context.database
        .selectFrom(table)
        .select('id')
        .where('id', '=', id)
        .execute()
    ).length;

  it('logs an unknown line once, also when sent again', async () => {
    const call = entry();
    expect(await submitCall(auth, call)).toEqual({ kind: 'accepted', callId: call.id });
    expect(await submitCall(auth, call)).toEqual({ kind: 'accepted', callId: call.id });
    expect(await countCalls('unassigned_line_calls', call.id)).toBe(1);
  });

  it("logs a not-assigned client's call under that client by its line", async () => {
    const call = entry({ line: OTHER_CLIENT.line });
    expect((await submitCall(auth, call)).kind).toBe('accepted');
    expect(await countCalls('calls', call.id)).toBe(1);
  });

  it('completes an own client call logged live before, naming the agent', async () => {
    const call = entry({
      clientId: OWN_CLIENT.id,
      line: OWN_CLIENT.line,
      answerAt: '2025-06-02T08:00:05.000Z',
      outcome: null,
    });
    const ring = await portal.request('POST', '/calls', {
      token: (await portal.login('host-agent')).accessToken,
      body: { id: call.id, clientId: OWN_CLIENT.id, line: OWN_CLIENT.line, ringAt: call.ringAt },
    });
    expect(ring.status).toBe(201);
    expect((await submitCall(auth, call)).kind).toBe('accepted');
    const stored = await portal.portal.context.database
      .selectFrom('calls')
      .selectAll()
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ end_at: call.endAt, agent_id: agentId });
  });

  it('accepts a call another agent took over as logged, and changes none of its facts', async () => {
    const call = entry({
      clientId: OWN_CLIENT.id,
      line: OWN_CLIENT.line,
      answerAt: '2025-06-02T08:00:05.000Z',
    });
    await portal.createUser('takeover-supervisor', 'supervisor', [OWN_CLIENT.id]);
    const supervisor = (await portal.login('takeover-supervisor')).accessToken;
    const logged = await portal.request('POST', '/calls', {
      token: supervisor,
      body: { id: call.id, clientId: OWN_CLIENT.id, line: OWN_CLIENT.line, ringAt: call.ringAt },
    });
    expect(logged.status).toBe(201);
    const takeover = await portal.request('PATCH', `/calls/${call.id}`, {
      token: supervisor,
      body: { agentId: 'another-agent', outcome: 'forwarded' },
    });
    expect(takeover.status).toBe(200);
    expect(await submitCall(auth, call)).toEqual({ kind: 'accepted', callId: call.id });
    const stored = await portal.portal.context.database
      .selectFrom('calls')
      .selectAll()
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ agent_id: 'another-agent', outcome: 'forwarded', end_at: null });
  });

  it('classifies failures as data: offline and 503 retry, invalid data is rejected', async () => {
    failNext = 'unreachable';
    expect(await submitCall(auth, entry())).toMatchObject({
      kind: 'retry',
      code: 'unreachable',
      countsTowardLimit: false,
    });
    failNext = 503;
    expect(await submitCall(auth, entry())).toMatchObject({
      kind: 'retry',
      httpStatus: 503,
      retryAfterSeconds: 3,
    });
    expect(await submitCall(auth, entry({ ringAt: 'yesterday' }))).toMatchObject({
      kind: 'rejected',
      httpStatus: 400,
    });
    expect(await submitCall({ ...auth, user: null }, entry())).toMatchObject({
      kind: 'retry',
      code: 'not-logged-in',
    });
  });
});

/** Billing: every call counts (hang-ups, wrong numbers, spam, fax), per German calendar day. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingReport } from '../../shared/portalWire/billingSchemas';
import { OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { startOfLocalDay } from '../../shared/domain/zonedDays';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

/** Calls on 30 and 31 March 2025 (Berlin switches to summer time on the 30th at 02:00). */
const CALLS = [
  // 30 March, Berlin time
  {
    ringAt: '2025-03-30T09:00:00+02:00',
    answerAt: '2025-03-30T09:00:05+02:00',
    endAt: '2025-03-30T09:03:05+02:00',
    outcome: 'message-taken',
    wrapUpSeconds: 90,
  },
  { ringAt: '2025-03-30T10:00:00+02:00', outcome: 'caller-hung-up' },
  {
    ringAt: '2025-03-30T11:00:00+02:00',
    answerAt: '2025-03-30T11:00:02+02:00',
    endAt: '2025-03-30T11:00:32+02:00',
    outcome: 'spam',
    wrapUpSeconds: 10,
  },
  {
    ringAt: '2025-03-30T23:59:00+02:00',
    answerAt: '2025-03-30T23:59:01+02:00',
    endAt: '2025-03-30T23:59:11+02:00',
    outcome: 'fax',
  },
  // 31 March, Berlin time (still 30 March in UTC)
  {
    ringAt: '2025-03-30T22:30:00Z',
    answerAt: '2025-03-30T22:30:10Z',
    endAt: '2025-03-30T22:31:10Z',
    outcome: 'wrong-number',
    wrapUpSeconds: 5,
  },
  {
    ringAt: '2025-03-31T08:00:00+02:00',
    answerAt: '2025-03-31T08:00:03+02:00',
    endAt: '2025-03-31T08:10:03+02:00',
    outcome: 'forwarded',
    wrapUpSeconds: 120,
  },
  { ringAt: '2025-03-31T09:00:00+02:00', answerAt: '2025-03-31T09:00:03+02:00' },
];

describe('zoned days', () => {
  it('finds local midnight across the summer-time switch', () => {
    expect(new Date(startOfLocalDay('2025-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2025-03-29T23:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2025-03-31', 'Europe/Berlin')).toISOString()).toBe(
      '2025-03-30T22:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2025-10-27', 'Europe/Berlin')).toISOString()).toBe(
      '2025-10-26T23:00:00.000Z',
    );
  });
});

describe.each(targets)('billing report on $name', (target) => {
  let portal: TestPortal;
  let token: string;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    await portal.createUser('supervisor-billing', 'supervisor', [OWN_CLIENT.id]);
    token = (await portal.login('supervisor-billing')).accessToken;
    for (const call of CALLS) {
      const answer = await portal.request('POST', '/calls', {
        token,
        body: { clientId: OWN_CLIENT.id, line: OWN_CLIENT.line, ...call },
      });
      expect(answer.status).toBe(201);
    }
    const admin = await portal.createUser('admin-billing', 'admin', []);
    expect(admin.role).toBe('admin');
    const adminToken = (await portal.login('admin-billing')).accessToken;
    await portal.request('POST', '/calls', {
      token: adminToken,
      body: {
        clientId: OTHER_CLIENT.id,
        line: OTHER_CLIENT.line,
        ringAt: '2025-03-30T12:00:00+02:00',
        outcome: 'spam',
      },
    });
  });
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)(
    'counts every call per local day, with talk and wrap-up minutes',
    async () => {
      const answer = await portal.request<BillingReport>(
        'GET',
        `/reports/billing?clientId=${OWN_CLIENT.id}&from=2025-03-30&to=2025-03-31`,
        { token },
      );
      expect(answer.status).toBe(200);
      const [first, second] = answer.body.days;
      expect(first).toMatchObject({
        day: '2025-03-30',
        calls: 4,
        answeredCalls: 3,
        talkSeconds: 180 + 30 + 10,
        talkMinutes: 3.67,
        wrapUpSeconds: 100,
        wrapUpMinutes: 1.67,
      });
      expect(first?.outcomes).toMatchObject({
        'message-taken': 1,
        'caller-hung-up': 1,
        spam: 1,
        fax: 1,
        'wrong-number': 0,
        unclassified: 0,
      });
      expect(second).toMatchObject({
        day: '2025-03-31',
        calls: 3,
        answeredCalls: 3,
        talkSeconds: 60 + 600,
        wrapUpSeconds: 125,
      });
      expect(second?.outcomes).toMatchObject({ 'wrong-number': 1, forwarded: 1, unclassified: 1 });
      expect(answer.body.totals).toMatchObject({ calls: 7, talkSeconds: 880, wrapUpSeconds: 225 });
    },
  );

  it.skipIf(target.skipReason)(
    'gives the same figures as CSV, one row per day and a total',
    async () => {
      const answer = await portal.request<string>(
        'GET',
        `/reports/billing?clientId=${OWN_CLIENT.id}&from=2025-03-30&to=2025-03-31&format=csv`,
        { token },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/csv');
      const rows = answer.body
        .trim()
        .split('\r\n')
        .map((row) => row.split(','));
      const header = rows[0] ?? [];
      expect(rows.map((row) => row[0])).toEqual(['day', '2025-03-30', '2025-03-31', 'total']);
      const column = (name: string) => header.indexOf(name);
      expect(rows[1]?.[column('calls')]).toBe('4');
      expect(rows[1]?.[column('outcome_caller_hung_up')]).toBe('1');
      expect(rows[1]?.[column('outcome_spam')]).toBe('1');
      expect(rows[1]?.[column('outcome_fax')]).toBe('1');
      expect(rows[3]?.[column('calls')]).toBe('7');
      expect(rows[3]?.[column('wrap_up_minutes')]).toBe('3.75');
    },
  );
});

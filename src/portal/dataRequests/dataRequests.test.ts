/**
 * Issue 13: a caller's data request end to end on the real portal (SQLite and PostgreSQL).
 * One number is spread over calls (written three ways), a call to an unassigned line, a note
 * with deliveries, a bot call with transcript, collected fields and summary, and audit entries;
 * a second number's records must survive. Search (JSON and HTML), roles and scope, deletion,
 * receipt, audit by keyed hash, a later search that finds nothing, and the rate limit.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DataRequestFindings,
  DataRequestReceipt,
} from '../../shared/portalWire/dataRequestSchemas';
import { noteSubmission, OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { startHybridKit, switchBot, type HybridKit } from '../testing/hybridTestKit';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { subjectHash } from './subjectHash';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const tag = randomBytes(5).toString('hex');
const digits = String(parseInt(tag.slice(0, 7), 16))
  .padStart(8, '0')
  .slice(0, 8);
const CANARY = {
  e164: `+49171${digits}`,
  national: `0171${digits}`,
  name: `Kanarienvogel <b>${tag}</b>`,
  text: `Geheimnis ${tag} bitte vertraulich`,
};
const OTHER_NUMBER = '+4917255555555';
/** User names must not contain the canary tag: they stay in the database. */
const USER_SUFFIX = randomBytes(4).toString('hex');

function databaseFilesContain(location: string, needle: string): boolean {
  const folder = dirname(location);
  return readdirSync(folder).some((name) => readFileSync(join(folder, name)).includes(needle));
}

describe.each(targets)('data requests on $name', (target) => {
  let kit: HybridKit;
  let tokens: { admin: string; supervisor: string; agent: string };

  async function as<T>(token: string, path: string, body: unknown) {
    return kit.test.request<T>('POST', path, { token, body });
  }

  async function logCall(callerNumber: string, id = randomUUID()) {
    const answer = await kit.test.request('POST', '/calls', {
      token: tokens.admin,
      body: {
        id,
        clientId: OWN_CLIENT.id,
        line: OWN_CLIENT.line,
        callerNumber,
        ringAt: '2025-03-31T08:00:00Z',
      },
    });
    expect(answer.status).toBe(201);
    return id;
  }

  beforeAll(async () => {
    if (target.skipReason) return;
    kit = await startHybridKit(target);
    await kit.test.saveClient(
      testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, {
        openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
        delivery: { portal: true, emailAddresses: ['kanzlei@example.test'] },
      }),
    );
    const users = {
      admin: await kit.test.createUser(`admin-${USER_SUFFIX}`, 'admin', []),
      supervisor: await kit.test.createUser(`supervisor-${USER_SUFFIX}`, 'supervisor', [
        OWN_CLIENT.id,
      ]),
      agent: await kit.test.createUser(`agent-${USER_SUFFIX}`, 'agent', [OWN_CLIENT.id]),
    };
    tokens = {
      admin: (await kit.test.login(users.admin.userName)).accessToken,
      supervisor: (await kit.test.login(users.supervisor.userName)).accessToken,
      agent: (await kit.test.login(users.agent.userName)).accessToken,
    };
    // The same number as the desk, a SIP header and a person would write it.
    const callId = await logCall(CANARY.e164);
    await logCall(CANARY.national);
    await logCall(`00${CANARY.e164.slice(1)}`);
    await logCall(OTHER_NUMBER);
    const lineCall = await kit.test.request('POST', '/line-calls', {
      token: tokens.admin,
      body: {
        id: randomUUID(),
        line: '+4930999999',
        callerNumber: CANARY.e164,
        ringAt: '2025-03-31T08:00:00Z',
      },
    });
    expect(lineCall.status).toBe(201);
    for (const [callbackNumber, callerName, linked] of [
      [`+49 (0)171 ${digits}`, CANARY.name, null],
      ['', 'Ohne Rückrufnummer', callId],
      [OTHER_NUMBER, 'Jemand anderes', null],
    ] as const) {
      const note = await kit.test.request('POST', '/notes', {
        token: tokens.admin,
        body: noteSubmission(OWN_CLIENT.id, {
          callbackNumber,
          callerName,
          callId: linked,
          freeText: callbackNumber === OTHER_NUMBER ? '' : CANARY.text,
        }),
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(note.status).toBe(201);
    }
    await switchBot(kit, 'on');
    const botCallId = await kit.botCall();
    for (const event of [
      {
        type: 'transcript-segment',
        segmentId: 's1',
        speaker: 'caller',
        text: CANARY.text,
        startMs: 0,
        endMs: 900,
        final: true,
      },
      {
        type: 'field-collected',
        field: 'callbackNumber',
        value: `0171 ${digits}`,
        confidence: 0.9,
      },
      { type: 'field-collected', field: 'name', value: CANARY.name, confidence: 0.9 },
    ]) {
      expect((await kit.botEvent({ callId: botCallId, ...event })).status).toBe(201);
    }
    // A supervisor's whisper and review note on that call quote the caller (free text).
    const supervision = { call_id: botCallId, client_id: OWN_CLIENT.id, text: CANARY.text };
    const database = kit.test.portal.context.database;
    await database
      .insertInto('whispers')
      .values({
        ...supervision,
        id: randomUUID(),
        from_user_id: users.supervisor.id,
        to_user_id: users.agent.id,
        sent_at: new Date().toISOString(),
      })
      .execute();
    await database
      .insertInto('review_notes')
      .values({
        ...supervision,
        id: randomUUID(),
        segment_id: 's1',
        author_user_id: users.supervisor.id,
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  afterAll(async () => kit?.test.close());

  it.skipIf(target.skipReason)(
    'finds every record of the number, in scope, as JSON and HTML',
    async () => {
      const supervisor = await as<DataRequestFindings>(tokens.supervisor, '/data-requests/search', {
        callerNumber: `0171 / ${digits}`,
      });
      expect(supervisor.status).toBe(200);
      expect(supervisor.body.callerNumber).toBe(CANARY.e164);
      expect(supervisor.body.counts).toMatchObject({
        calls: 3,
        lineCalls: 0,
        notes: 2,
        deliveries: 2,
        botCalls: 1,
        botTranscriptSegments: 1,
        botFields: 2,
        botEvents: 3 + 1,
        // The whisper and the review note on the bot call, a kind of their own.
        supervisorNotes: 2,
      });
      const admin = await as<DataRequestFindings>(tokens.admin, '/data-requests/search', {
        callerNumber: CANARY.e164,
      });
      expect(admin.body.counts.lineCalls).toBe(1);
      expect(admin.body.counts.auditEntries).toBeGreaterThanOrEqual(1);
      const report = await kit.test.request<string>('POST', '/data-requests/report', {
        token: tokens.supervisor,
        body: { callerNumber: CANARY.national, clientId: OWN_CLIENT.id },
      });
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toMatch(/^text\/html/);
      expect(report.body).toContain('Auskunft nach Art. 15 DSGVO');
      expect(report.body).toContain(`Kanarienvogel &lt;b&gt;${tag}&lt;/b&gt;`);
      expect(report.body).not.toContain('<b>');
    },
  );

  it.skipIf(target.skipReason)(
    'refuses agents, other clients and hostile numbers clearly',
    async () => {
      const body = { callerNumber: CANARY.e164 };
      expect((await as(tokens.agent, '/data-requests/search', body)).status).toBe(403);
      const other = await as<{ error: { message: string } }>(
        tokens.supervisor,
        '/data-requests/search',
        {
          ...body,
          clientId: OTHER_CLIENT.id,
        },
      );
      expect(other.status).toBe(403);
      const hostile = await as<{ error: { fieldErrors: { path: string; message: string }[] } }>(
        tokens.supervisor,
        '/data-requests/search',
        { callerNumber: '<img src=x onerror=alert(1)>' },
      );
      expect(hostile.status).toBe(400);
      expect(hostile.body.error.fieldErrors[0]).toEqual({
        path: 'body.callerNumber',
        message: 'Only digits, +, spaces and ( ) / - are allowed',
      });
    },
  );

  it.skipIf(target.skipReason)(
    'deletes it all with a receipt; a later search finds nothing',
    async () => {
      const unconfirmed = await as(tokens.admin, '/data-requests/deletions', {
        callerNumber: CANARY.e164,
      });
      expect(unconfirmed.status).toBe(400);
      const deletion = await as<DataRequestReceipt>(tokens.admin, '/data-requests/deletions', {
        callerNumber: CANARY.national,
        confirm: true,
      });
      expect(deletion.status).toBe(201);
      expect(deletion.body.counts).toMatchObject({
        calls: 3,
        lineCalls: 1,
        notes: 2,
        botCalls: 1,
        botFields: 2,
        supervisorNotes: 2,
      });
      const receiptText = JSON.stringify(deletion.body);
      for (const needle of [digits, tag, CANARY.text]) expect(receiptText).not.toContain(needle);
      const again = await as<DataRequestFindings>(tokens.admin, '/data-requests/search', {
        callerNumber: CANARY.e164,
      });
      expect(again.body.records).toEqual([]);
      const database = kit.test.portal.context.database;
      for (const table of ['whispers', 'review_notes'] as const) {
        const left = await database.selectFrom(table).select('id').execute();
        expect({ table, left: left.length }).toEqual({ table, left: 0 });
      }
      const shown = await kit.test.request<DataRequestReceipt[]>(
        'GET',
        `/data-requests/receipts/${deletion.body.requestId}`,
        { token: tokens.admin },
      );
      expect(shown.body).toEqual([deletion.body]);
      // The other number's call and note are untouched.
      const survivor = await as<DataRequestFindings>(tokens.admin, '/data-requests/search', {
        callerNumber: OTHER_NUMBER,
      });
      expect(survivor.body.counts).toMatchObject({ calls: 1, notes: 1 });
      // The audit names the caller by keyed hash only.
      const audit = await kit.test.request<{ action: string; details: Record<string, unknown> }[]>(
        'GET',
        '/audit-log?limit=500',
        { token: tokens.admin },
      );
      const entries = audit.body.filter((entry) => entry.action.startsWith('data-request.'));
      expect(entries.map((entry) => entry.action)).toContain('data-request.deleted');
      const subject = subjectHash(kit.test.portal.context.tokenSecret, CANARY.e164);
      expect(entries.every((entry) => entry.details.subject !== undefined)).toBe(true);
      expect(entries.filter((entry) => entry.details.subject === subject).length).toBeGreaterThan(
        3,
      );
      expect(JSON.stringify(audit.body)).not.toContain(digits);
      if (target.name === 'sqlite') {
        const onDisk = [digits, tag, CANARY.text].filter((needle) =>
          databaseFilesContain(kit.test.database.location, needle),
        );
        expect(onDisk).toEqual([]);
      }
    },
  );

  it.skipIf(target.skipReason)('limits data requests per user (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 25; index += 1)
      statuses.push(
        (await as(tokens.supervisor, '/data-requests/search', { callerNumber: OTHER_NUMBER }))
          .status,
      );
    expect(statuses).toContain(429);
    const refused = await as(tokens.supervisor, '/data-requests/search', {
      callerNumber: OTHER_NUMBER,
    });
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

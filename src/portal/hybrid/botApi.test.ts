/**
 * The bot API with bad input and faults: no or wrong credentials, duplicated events, events out
 * of order, unknown calls, a line of another client, hostile text, and what a message-taken
 * event leaves behind. Also the RAM-only retention rule. SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import {
  BOT_TOKEN,
  OTHER_BOT_TOKEN,
  startHybridKit,
  switchBot,
  type HybridKit,
} from '../testing/hybridTestKit';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { sweepBotCallContent } from './botCallRetention';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);
const HOSTILE = '<img src=x onerror=alert(1)> "; DROP TABLE notes; -- \u202e ${7*7} {{7*7}}';

describe.each(targets)('bot API on $name', (target) => {
  let kit: HybridKit;
  afterEach(async () => kit?.test.close());
  const start = async () => {
    if (target.skipReason) return false;
    kit = await startHybridKit(target);
    await switchBot(kit, 'on');
    return true;
  };

  it('refuses events and command polls without a valid bot credential', async () => {
    if (!(await start())) return;
    const callId = await kit.botCall();
    const event = { type: 'disclosure-played', callId };
    expect((await kit.botEvent(event, 'not-a-bot-token-0123456789abcdef')).status).toBe(401);
    const bare = await kit.test.request('POST', '/bot/v1/events', {
      body: { eventId: randomUUID(), at: new Date().toISOString(), ...event },
    });
    expect(bare.status).toBe(401);
    const poll = await kit.test.request('GET', `/bot/v1/calls/${callId}/commands?wait=0`);
    expect(poll.status).toBe(401);
  });

  it('applies a duplicated event once and refuses its ID with another body', async () => {
    if (!(await start())) return;
    const callId = await kit.botCall();
    const eventId = randomUUID();
    const body = {
      eventId,
      type: 'field-collected',
      callId,
      field: 'name',
      value: 'Frau Beispiel',
      confidence: 0.9,
    };
    expect((await kit.botEvent(body)).status).toBe(201);
    const replay = await kit.botEvent(body);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await kit.botEvent({ ...body, value: 'Herr Anders' })).status).toBe(409);
    const detail = await kit.test.request<{ collectedFields: unknown[] }>(
      'GET',
      `/bot-calls/${callId}`,
      { token: (await kit.agent('1002')).token },
    );
    expect(detail.body.collectedFields).toEqual([
      { field: 'name', value: 'Frau Beispiel', confidence: 0.9 },
    ]);
  });

  it('keeps segments that arrive before call-started and never undoes an ended call', async () => {
    if (!(await start())) return;
    const routed = await kit.route({ line: OWN_CLIENT.line });
    const callId = routed.body.callId;
    const segment = {
      type: 'transcript-segment',
      callId,
      segmentId: 's2',
      speaker: 'caller',
      text: 'zweiter Satz',
      startMs: 2000,
      endMs: 3000,
      final: true,
    };
    expect((await kit.botEvent(segment)).status).toBe(201);
    expect(
      (await kit.botEvent({ ...segment, segmentId: 's1', text: 'erster', startMs: 0 })).status,
    ).toBe(201);
    const started = await kit.botEvent({
      type: 'call-started',
      callId,
      line: OWN_CLIENT.line,
      sipCallId: 'abc',
    });
    expect(started.status).toBe(201);
    expect((await kit.botEvent({ type: 'ended', callId, by: 'caller' })).status).toBe(201);
    const late = await kit.botEvent({
      type: 'escalation-requested',
      callId,
      reason: 'emergency',
      urgency: 'emergency',
      summary: 'zu spät',
    });
    expect(late.status).toBe(409);
    const agent = await kit.agent('1002');
    const detail = await kit.test.request<{ state: string; transcript: { segmentId: string }[] }>(
      'GET',
      `/bot-calls/${callId}`,
      { token: agent.token },
    );
    expect(detail.body.state).toBe('ended');
    expect(detail.body.transcript.map((item) => item.segmentId)).toEqual(['s1', 's2']);
  });

  it('answers 404 for events of unknown calls and 403 for a line of another client', async () => {
    if (!(await start())) return;
    expect((await kit.botEvent({ type: 'disclosure-played', callId: randomUUID() })).status).toBe(
      404,
    );
    const foreign = await kit.botEvent({
      type: 'call-started',
      callId: randomUUID(),
      line: OTHER_CLIENT.line,
      sipCallId: 'x',
    });
    expect(foreign.status).toBe(403);
    const ownCall = await kit.botCall();
    const crossBot = await kit.botEvent(
      { type: 'consent', callId: ownCall, given: true },
      OTHER_BOT_TOKEN,
    );
    expect(crossBot.status).toBe(403);
    const unknownLine = await kit.botEvent({
      type: 'call-started',
      callId: randomUUID(),
      line: '+4940999999',
      sipCallId: 'y',
    });
    expect(unknownLine.status).toBe(404);
  });

  it('stores hostile text verbatim as data and turns a taken message into a portal note', async () => {
    if (!(await start())) return;
    const callId = await kit.botCall();
    for (const [field, value] of [
      ['name', HOSTILE],
      ['callbackNumber', '+49 30 1234567'],
      ['concern', 'Rückruf wegen Termin'],
    ] as const)
      expect(
        (await kit.botEvent({ type: 'field-collected', callId, field, value, confidence: 0.8 }))
          .status,
      ).toBe(201);
    expect((await kit.botEvent({ type: 'message-taken', callId })).status).toBe(201);
    const agent = await kit.agent('1002');
    const notes = await kit.test.request<{ callerName: string; concern: string; callId: string }[]>(
      'GET',
      `/notes?clientId=${OWN_CLIENT.id}`,
      { token: agent.token },
    );
    expect(notes.body).toHaveLength(1);
    expect(notes.body[0]).toMatchObject({
      callerName: HOSTILE,
      concern: 'Rückruf wegen Termin',
      callId,
    });
  });

  it("keeps RAM-only clients' transcripts out of the database and deletes them with a receipt", async () => {
    if (!(await start())) return;
    await kit.test.saveClient(
      testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line, {
        openingHours: [{ weekday: 1, opens: '08:00', closes: '17:00' }],
        retention: { mode: 'ram-only' },
      }),
    );
    const callId = await kit.botCall();
    const event = {
      type: 'transcript-segment',
      callId,
      segmentId: 'a',
      speaker: 'caller',
      text: 'vertraulich',
      startMs: 0,
      endMs: 900,
      final: true,
    };
    expect((await kit.botEvent(event)).status).toBe(201);
    const context = kit.test.portal.context;
    const stored = await context.database.selectFrom('bot_call_segments').selectAll().execute();
    expect(stored).toHaveLength(0);
    const agent = await kit.agent('1002');
    const detail = await kit.test.request<{ transcript: unknown[] }>(
      'GET',
      `/bot-calls/${callId}`,
      {
        token: agent.token,
      },
    );
    expect(detail.body.transcript).toHaveLength(1);
    expect((await kit.botEvent({ type: 'ended', callId, by: 'bot' })).status).toBe(201);
    expect(await sweepBotCallContent(context)).toBe(1);
    const receipts = await context.database.selectFrom('deletion_receipts').selectAll().execute();
    expect(receipts).toMatchObject([
      { client_id: OWN_CLIENT.id, record_type: 'transcript', reason: 'ram-only' },
    ]);
    expect(JSON.stringify(receipts)).not.toContain('vertraulich');
    expect(context.botContent.holdsInMemory(callId)).toBe(false);
  });

  it('deletes kept transcripts only after the retention time', async () => {
    if (!(await start())) return;
    const callId = await kit.botCall();
    const event = {
      type: 'transcript-segment',
      callId,
      segmentId: 'a',
      speaker: 'bot',
      text: 'Guten Tag',
      startMs: 0,
      endMs: 900,
      final: true,
    };
    expect((await kit.botEvent(event, BOT_TOKEN)).status).toBe(201);
    expect((await kit.botEvent({ type: 'ended', callId, by: 'bot' })).status).toBe(201);
    const context = kit.test.portal.context;
    expect(await sweepBotCallContent(context)).toBe(0);
    kit.clock.now += 24 * 3600_000 + 1;
    expect(await sweepBotCallContent(context)).toBe(1);
    expect(
      await context.database.selectFrom('bot_call_segments').selectAll().execute(),
    ).toHaveLength(0);
  });
});

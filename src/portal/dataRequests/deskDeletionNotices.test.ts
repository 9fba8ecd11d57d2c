/**
 * Issue 13 item 2 on the real portal (SQLite and PostgreSQL): a deletion publishes
 * `data-request.deletion-requested` to the desks of its client only, with a salted hash a desk
 * can match and never the number; the pending list shows it until that desk's receipt arrives;
 * the receipt (counts only) is stored once as `desk:<userId>` and shown with the portal's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DataRequestReceipt,
  DeskDeletionNotice,
} from '../../shared/portalWire/dataRequestSchemas';
import { deskMatchHash } from '../../shared/domain/deskMatchHash';
import { noteSubmission, OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { listenToEvents } from '../testing/eventListener';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

const NUMBER = '+4915112345678';
const COUNTS = { historyEntries: 2, outboxNotes: 1, drafts: 0 };

describe.each(targets)('desk deletions on $name', (target) => {
  let portal: TestPortal;
  const tokens: Record<'supervisor' | 'agent' | 'stranger', string> = {
    supervisor: '',
    agent: '',
    stranger: '',
  };
  let agentId = '';

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    await portal.createUser('desk-supervisor', 'supervisor', [OWN_CLIENT.id]);
    agentId = (await portal.createUser('desk-agent', 'agent', [OWN_CLIENT.id])).id;
    await portal.createUser('desk-stranger', 'agent', [OTHER_CLIENT.id]);
    tokens.supervisor = (await portal.login('desk-supervisor')).accessToken;
    tokens.agent = (await portal.login('desk-agent')).accessToken;
    tokens.stranger = (await portal.login('desk-stranger')).accessToken;
  });
  afterAll(async () => {
    await portal?.close();
  });

  it.skipIf(target.skipReason)(
    'announces a deletion to its client only, lists it until the desk confirms',
    async () => {
      const agentEvents = await listenToEvents(portal.url, tokens.agent);
      const strangerEvents = await listenToEvents(portal.url, tokens.stranger);
      const deletion = await portal.request<DataRequestReceipt>(
        'POST',
        '/data-requests/deletions',
        {
          token: tokens.supervisor,
          body: { callerNumber: '0151 12345678', clientId: OWN_CLIENT.id, confirm: true },
        },
      );
      expect(deletion.status).toBe(201);
      await agentEvents.flush();
      await strangerEvents.flush();
      const announced = agentEvents.events.filter(
        (event) => event.type === 'data-request.deletion-requested',
      );
      expect(announced).toHaveLength(1);
      const event = announced[0];
      if (event?.type !== 'data-request.deletion-requested') throw new Error('no event');
      expect(event.requestId).toBe(deletion.body.requestId);
      // A desk matches its own normalised number; the number itself is not in the event.
      expect(event.numberHash).toBe(await deskMatchHash(event.salt, NUMBER));
      expect(event.numberHash).not.toBe(await deskMatchHash(event.salt, '+4915112345679'));
      expect(JSON.stringify(event)).not.toContain('12345678');
      expect(strangerEvents.events.map((each) => each.type)).not.toContain(
        'data-request.deletion-requested',
      );
      agentEvents.socket.close();
      strangerEvents.socket.close();

      const pending = await portal.request<DeskDeletionNotice[]>(
        'GET',
        '/data-requests/desk-deletions',
        { token: tokens.agent },
      );
      expect(pending.status).toBe(200);
      expect(pending.body.map((notice) => notice.requestId)).toEqual([deletion.body.requestId]);
      expect(pending.body[0]?.numberHash).toBe(event.numberHash);
      const strangerPending = await portal.request<DeskDeletionNotice[]>(
        'GET',
        '/data-requests/desk-deletions',
        { token: tokens.stranger },
      );
      expect(strangerPending.body).toEqual([]);
      const path = `/data-requests/desk-deletions/${deletion.body.requestId}/receipt`;
      expect(
        (
          await portal.request('POST', path, {
            token: tokens.stranger,
            body: { counts: COUNTS, note: null },
          })
        ).status,
      ).toBe(403);

      // The desk's queued note of that number reaches the portal after the deletion…
      const lateNote = await portal.request<{ id: string }>('POST', '/notes', {
        token: tokens.agent,
        body: noteSubmission(OWN_CLIENT.id, { callbackNumber: '0151 / 123 456 78' }),
        headers: { 'idempotency-key': '5d0c1e8a-7a35-4f0e-8a53-2b6a8f0c9d11' },
      });
      expect(lateNote.status).toBe(201);
      const otherNote = await portal.request<{ id: string }>('POST', '/notes', {
        token: tokens.agent,
        body: noteSubmission(OWN_CLIENT.id, { callbackNumber: '0172 5555555' }),
        headers: { 'idempotency-key': '5d0c1e8a-7a35-4f0e-8a53-2b6a8f0c9d12' },
      });
      expect(otherNote.status).toBe(201);
      const receipt = await portal.request<DataRequestReceipt>('POST', path, {
        token: tokens.agent,
        body: { counts: COUNTS, note: 'waited-for-queued-note' },
      });
      expect(receipt.status).toBe(201);
      expect(receipt.body).toMatchObject({
        source: `desk:${agentId}`,
        counts: COUNTS,
        note: 'waited-for-queued-note',
      });
      // …and its receipt removes it there; another number's note stays.
      const noteStatus = async (id: string) =>
        (await portal.request('GET', `/notes/${id}`, { token: tokens.supervisor })).status;
      expect(await noteStatus(lateNote.body.id)).toBe(404);
      expect(await noteStatus(otherNote.body.id)).toBe(200);
      // A retry changes nothing: the first receipt stands.
      const replay = await portal.request<DataRequestReceipt>('POST', path, {
        token: tokens.agent,
        body: { counts: { historyEntries: 9, outboxNotes: 9, drafts: 9 }, note: null },
      });
      expect(replay.body).toEqual(receipt.body);
      const after = await portal.request<DeskDeletionNotice[]>(
        'GET',
        '/data-requests/desk-deletions',
        { token: tokens.agent },
      );
      expect(after.body).toEqual([]);
      // The supervisor's desk has not confirmed yet; both receipts show under the request.
      const supervisorPending = await portal.request<DeskDeletionNotice[]>(
        'GET',
        '/data-requests/desk-deletions',
        { token: tokens.supervisor },
      );
      expect(supervisorPending.body).toHaveLength(1);
      const receipts = await portal.request<DataRequestReceipt[]>(
        'GET',
        `/data-requests/receipts/${deletion.body.requestId}`,
        { token: tokens.supervisor },
      );
      expect(receipts.body.map((each) => each.source).sort()).toEqual(
        ['portal', `desk:${agentId}`].sort(),
      );
    },
  );
});

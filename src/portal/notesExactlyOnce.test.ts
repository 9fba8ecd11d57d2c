/**
 * SECURITY.md test "sync": the portal fails 30 % of requests, half of them after it committed
 * (response lost); 1,000 notes sent through the outbox engine arrive exactly once each.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpNoteSender } from '../shared/sync/httpNoteSender';
import { InMemoryOutboxStorageFake } from '../shared/sync/inMemoryOutboxStorageFake';
import { NoteOutbox } from '../shared/sync/noteOutbox';
import type { Note, NoteSubmission } from '../shared/portalWire/noteSchemas';
import { startFaultInjectingProxy } from './testing/faultInjectingProxy';
import { noteSubmission, OWN_CLIENT } from './testing/portalFixtures';
import { startTestPortal, type TestPortal } from './testing/portalTestHarness';
import { testClientProfile } from './testing/testClientProfile';
import { seededRandom } from './testing/seededRandom';
import { reportSkippedTargets, testDatabaseTargets } from './testing/testDatabases';

const NOTE_COUNT = 1_000;
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('notes exactly once on $name', (target) => {
  let portal: TestPortal;
  let token: string;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.createUser('agent-notes', 'agent', [OWN_CLIENT.id]);
    token = (await portal.login('agent-notes')).accessToken;
  });
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)(
    'stores one note for racing requests with the same key',
    async () => {
      const key = randomUUID();
      const body = noteSubmission(OWN_CLIENT.id, { concern: 'Rennen' });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          portal.request<Note>('POST', '/notes', {
            token,
            body,
            headers: { 'idempotency-key': key },
          }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(19);
      expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
      const changed = await portal.request('POST', '/notes', {
        token,
        body: { ...body, concern: 'anders' },
        headers: { 'idempotency-key': key },
      });
      expect(changed.status).toBe(409);
    },
  );

  it.skipIf(target.skipReason)(
    `delivers ${NOTE_COUNT} notes exactly once through 30 % faults`,
    async () => {
      const proxy = await startFaultInjectingProxy({
        target: portal.url,
        failureRate: 0.3,
        afterCommitShare: 0.5,
      });
      const storage = new InMemoryOutboxStorageFake<NoteSubmission>();
      const outbox = new NoteOutbox<NoteSubmission>({
        storage,
        sender: createHttpNoteSender<NoteSubmission>({
          baseUrl: proxy.url,
          fetch,
          getAccessToken: () => token,
        }),
        concurrency: 8,
        backoff: { baseMilliseconds: 5, capMilliseconds: 100 },
        maxAttempts: 50,
        random: seededRandom(7),
      });
      const started = performance.now();
      try {
        await outbox.start();
        for (let index = 0; index < NOTE_COUNT; index += 1) {
          await outbox.submitNew(noteSubmission(OWN_CLIENT.id, { concern: `Notiz ${index}` }));
        }
        await outbox.whenIdle();
      } finally {
        outbox.stop();
        await proxy.close();
      }
      const seconds = (performance.now() - started) / 1000;
      const entries = outbox.list();
      const rows = await portal.portal.context.database
        .selectFrom('notes')
        .select(['id', 'idempotency_key', 'concern'])
        .where('concern', 'like', 'Notiz %')
        .execute();
      const rowsByKey = new Map(rows.map((row) => [row.idempotency_key, row]));
      const attempts = entries.reduce((sum, entry) => sum + entry.attempts, 0);
      console.log(
        `[exactly-once ${target.name}] notes=${NOTE_COUNT} accepted=${entries.filter((entry) => entry.remoteId !== null).length} ` +
          `stored=${rows.length} distinctKeys=${rowsByKey.size} distinctConcerns=${new Set(rows.map((row) => row.concern)).size} ` +
          `attempts=${attempts} proxy=${JSON.stringify(proxy.counts)} seconds=${seconds.toFixed(1)}`,
      );
      // This client has no e-mail or SMS, so the portal reports notes delivered on arrival.
      expect(
        entries.every((entry) => entry.status === 'sent' || entry.status === 'delivered'),
      ).toBe(true);
      expect(rows).toHaveLength(NOTE_COUNT);
      expect(rowsByKey.size).toBe(NOTE_COUNT);
      expect(new Set(rows.map((row) => row.concern)).size).toBe(NOTE_COUNT);
      for (const entry of entries) {
        const row = rowsByKey.get(entry.idempotencyKey as string);
        expect(row?.id).toBe(entry.remoteId);
        expect(row?.concern).toBe(entry.payload.concern);
      }
      // The faults really happened, including "committed, then the response was lost".
      expect(proxy.counts.droppedAfterPortal).toBeGreaterThan(100);
      expect(proxy.counts.droppedBeforePortal + proxy.counts.refusedWith503).toBeGreaterThan(100);
      expect(attempts).toBe(proxy.counts.requests);
    },
    120_000,
  );
});

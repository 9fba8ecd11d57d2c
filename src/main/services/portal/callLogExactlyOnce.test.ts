/**
 * Calls without a note reach the call log exactly once: 300 call-log entries (unknown lines, a
 * client the agent is not assigned to, the own client) go through the outbox engine and the
 * host's `submitCall` to a real portal behind a proxy that fails 30 % of requests, half of them
 * after the portal committed. Every call is stored once, in the right table.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallLogEntry } from '../../../shared/contract/services/portalService';
import { InMemoryOutboxStorageFake } from '../../../shared/sync/inMemoryOutboxStorageFake';
import { NoteOutbox } from '../../../shared/sync/noteOutbox';
import type { SendResult } from '../../../shared/sync/outboxTypes';
import { startFaultInjectingProxy } from '../../../portal/testing/faultInjectingProxy';
import { OTHER_CLIENT, OWN_CLIENT } from '../../../portal/testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../../../portal/testing/portalTestHarness';
import { seededRandom } from '../../../portal/testing/seededRandom';
import { testClientProfile } from '../../../portal/testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../../../portal/testing/testDatabases';
import { submitCall } from './callLogSubmission';
import type { PortalAuth } from './portalAuth';
import { PortalUnreachableError } from './portalHttpClient';

const CALL_COUNT = 300;
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

function proxiedAuth(baseUrl: string, token: string, userId: string) {
  const auth: Pick<PortalAuth, 'user' | 'request'> = {
    user: { id: userId } as PortalAuth['user'],
    async request(request) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${request.path}`, {
          method: request.method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
      } catch {
        throw new PortalUnreachableError('network');
      }
      const text = await response.text().catch(() => '');
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        status: response.status,
        body,
        retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      };
    },
  };
  return auth;
}

describe.each(targets)('call log exactly once on $name', (target) => {
  let portal: TestPortal;
  let token: string;
  let agentId: string;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.saveClient(testClientProfile(OTHER_CLIENT.id, OTHER_CLIENT.line));
    agentId = (await portal.createUser('agent-call-log', 'agent', [OWN_CLIENT.id])).id;
    token = (await portal.login('agent-call-log')).accessToken;
  });
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)(
    `logs ${CALL_COUNT} calls exactly once through 30 % faults`,
    async () => {
      const proxy = await startFaultInjectingProxy({
        target: portal.url,
        failureRate: 0.3,
        afterCommitShare: 0.5,
      });
      const auth = proxiedAuth(proxy.url, token, agentId);
      const outbox = new NoteOutbox<CallLogEntry>({
        storage: new InMemoryOutboxStorageFake<CallLogEntry>(),
        sender: {
          async send({ payload }): Promise<SendResult> {
            const result = await submitCall(auth, payload);
            if (result.kind === 'accepted') return { kind: 'accepted', remoteId: result.callId };
            if (result.kind === 'retry') {
              return {
                kind: 'retry',
                code: result.code,
                countsTowardLimit: result.countsTowardLimit,
                ...(result.retryAfterSeconds ? { retryAfterMilliseconds: 5 } : {}),
              };
            }
            return { kind: 'rejected', code: result.code };
          },
        },
        concurrency: 8,
        backoff: { baseMilliseconds: 5, capMilliseconds: 100 },
        maxAttempts: 50,
        random: seededRandom(11),
      });
      const expected = new Map<string, 'unknown' | 'other' | 'own'>();
      try {
        await outbox.start();
        for (let index = 0; index < CALL_COUNT; index += 1) {
          const kind = (['unknown', 'other', 'own'] as const)[index % 3]!;
          const id = randomUUID();
          expected.set(id, kind);
          const line =
            kind === 'unknown'
              ? `+49891000${String(index % 7).padStart(3, '0')}`
              : kind === 'other'
                ? OTHER_CLIENT.line
                : OWN_CLIENT.line;
          await outbox.submitNew({
            id,
            clientId: kind === 'own' ? OWN_CLIENT.id : null,
            line,
            callerNumber: null,
            ringAt: new Date(Date.UTC(2025, 5, 2, 8, 0, index)).toISOString(),
            answerAt:
              index % 2 === 0
                ? null
                : new Date(Date.UTC(2025, 5, 2, 8, 0, index + 1)).toISOString(),
            endAt: new Date(Date.UTC(2025, 5, 2, 8, 1, index)).toISOString(),
            outcome: index % 2 === 0 ? 'caller-hung-up' : null,
            wrapUpSeconds: 0,
          });
        }
        await outbox.whenIdle();
      } finally {
        outbox.stop();
        await proxy.close();
      }
      const database = portal.portal.context.database;
      const ids = [...expected.keys()];
      const clientRows = await database
        .selectFrom('calls')
        .select(['id', 'client_id', 'end_at'])
        .where('id', 'in', ids)
        .execute();
      const lineRows = await database
        .selectFrom('unassigned_line_calls')
        .select(['id', 'end_at'])
        .where('id', 'in', ids)
        .execute();
      const attempts = outbox.list().reduce((sum, entry) => sum + entry.attempts, 0);
      console.log(
        `[call-log exactly-once ${target.name}] calls=${CALL_COUNT} clientRows=${clientRows.length} ` +
          `unassignedRows=${lineRows.length} attempts=${attempts} proxy=${JSON.stringify(proxy.counts)}`,
      );
      expect(outbox.list().every((entry) => entry.status === 'sent')).toBe(true);
      expect(clientRows.length + lineRows.length).toBe(CALL_COUNT);
      expect(new Set([...clientRows, ...lineRows].map((row) => row.id)).size).toBe(CALL_COUNT);
      for (const row of clientRows) {
        expect(row.client_id).toBe(
          expected.get(row.id) === 'own' ? OWN_CLIENT.id : OTHER_CLIENT.id,
        );
        expect(row.end_at).not.toBeNull();
      }
      for (const row of lineRows) expect(expected.get(row.id)).toBe('unknown');
      expect(lineRows).toHaveLength(CALL_COUNT / 3);
      expect(proxy.counts.droppedAfterPortal).toBeGreaterThan(10);
    },
    120_000,
  );
});

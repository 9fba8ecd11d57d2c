/** SMS gateway answers: Retry-After is honoured, a 4xx dead-letters, a retry by hand delivers. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/portalWire/noteSchemas';
import { noteSubmission } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { startLocalSmsGateway, type LocalSmsGateway } from '../testing/localSmsGateway';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';

const CLIENT_ID = 'handwerk-sms';
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

interface DeliveriesAnswer {
  status: string;
  deliveries: Array<{
    status: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string;
  }>;
}

describe.each(targets)('SMS gateway delivery on $name', (target) => {
  let portal: TestPortal;
  let gateway: LocalSmsGateway;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    if (target.skipReason) return;
    gateway = await startLocalSmsGateway();
    portal = await startTestPortal(target, {
      smsGatewayUrl: gateway.url,
      delivery: {
        enabled: true,
        pollIntervalMilliseconds: 50,
        baseDelayMilliseconds: 10,
        capDelayMilliseconds: 20,
        maxAttempts: 5,
      },
    });
    await portal.saveClient(
      testClientProfile(CLIENT_ID, '+4989555555', {
        delivery: { portal: true, emailAddresses: [], smsNumber: '+491609876543' },
      }),
    );
    await portal.createUser('agent-sms', 'agent', [CLIENT_ID]);
    await portal.createUser('supervisor-sms', 'supervisor', [CLIENT_ID]);
    agent = (await portal.login('agent-sms')).accessToken;
    supervisor = (await portal.login('supervisor-sms')).accessToken;
  });
  afterAll(async () => {
    await portal?.close();
    await gateway?.close();
  });

  it.skipIf(target.skipReason)(
    'waits for Retry-After, dead-letters on 400, delivers after a retry by hand',
    async () => {
      gateway.script.push({ status: 429, headers: { 'retry-after': '1' } }, { status: 400 });
      const note = await portal.request<Note>('POST', '/notes', {
        token: agent,
        body: noteSubmission(CLIENT_ID),
        headers: { 'idempotency-key': randomUUID() },
      });
      const deliveries = async () =>
        (
          await portal.request<DeliveriesAnswer>('GET', `/notes/${note.body.id}/deliveries`, {
            token: agent,
          })
        ).body;
      await waitFor(async () => (await deliveries()).deliveries[0]?.attempts === 1);
      expect((await deliveries()).deliveries[0]).toMatchObject({
        status: 'pending',
        lastError: 'sms-http-429',
      });

      await waitFor(async () => (await deliveries()).status === 'delivery-failed');
      // Backoff alone would retry within 20 ms; Retry-After: 1 holds it back a full second.
      const [first, second] = gateway.requests;
      expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1_000);
      expect(gateway.requests.length).toBe(2);
      expect(gateway.requests[1]?.body.messageId).toBe(gateway.requests[0]?.body.messageId);
      expect((await deliveries()).deliveries[0]).toMatchObject({
        status: 'failed',
        attempts: 2,
        lastError: 'sms-http-400',
      });

      expect(
        (await portal.request('POST', `/notes/${note.body.id}/deliveries/retry`, { token: agent }))
          .status,
      ).toBe(403);
      const retried = await portal.request<DeliveriesAnswer>(
        'POST',
        `/notes/${note.body.id}/deliveries/retry`,
        { token: supervisor },
      );
      expect(retried.status).toBe(200);
      await waitFor(async () => (await deliveries()).status === 'delivered');
      expect(gateway.requests).toHaveLength(3);
      const audit = await portal.request<Array<{ action: string; targetId: string }>>(
        'GET',
        `/audit-log?clientId=${CLIENT_ID}`,
        { token: supervisor },
      );
      expect(
        audit.body.some(
          (entry) => entry.action === 'delivery.retried' && entry.targetId === note.body.id,
        ),
      ).toBe(true);
    },
    20_000,
  );
});

/**
 * Delivery to the client: e-mail over a real SMTP server and SMS through a local HTTP gateway.
 * SMTP down → retried with backoff, status visible, nothing lost (also across a portal restart);
 * SMTP up → delivered with the note's content.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/portalWire/noteSchemas';
import { startPortal, type RunningPortal } from '../startPortal';
import { noteSubmission } from '../testing/portalFixtures';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../testing/portalTestHarness';
import {
  findFreePort,
  startLocalSmtpServer,
  type LocalSmtpServer,
} from '../testing/localSmtpServer';
import { startLocalSmsGateway, type LocalSmsGateway } from '../testing/localSmsGateway';
import { testClientProfile } from '../testing/testClientProfile';
import {
  reportSkippedTargets,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/testDatabases';
import { waitFor } from '../testing/waitFor';
import { saveClient } from '../domain/clientStore';
import { createUser } from '../domain/userStore';

const CLIENT_ID = 'kanzlei-delivery';
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

interface DeliveriesAnswer {
  status: string;
  deliveries: Array<{
    channel: string;
    status: string;
    attempts: number;
    lastError: string | null;
    segments: number | null;
  }>;
}

describe.each(targets)('note delivery on $name', (target) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(
    database: TestDatabase,
    smtpPort: number,
    gateway: LocalSmsGateway,
    secret: string,
  ) {
    const portal: RunningPortal = await startPortal({
      database: database.location,
      port: 0,
      tokenSecret: secret,
      passwordCost: TEST_PASSWORD_COST,
      smtp: { host: '127.0.0.1', port: smtpPort, from: 'Empfang <notizen@empfang.test>' },
      smsGatewayUrl: gateway.url,
      delivery: {
        enabled: true,
        pollIntervalMilliseconds: 50,
        baseDelayMilliseconds: 50,
        capDelayMilliseconds: 200,
        maxAttempts: 1000,
      },
    });
    return portal;
  }

  async function api<T>(
    portal: RunningPortal,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${portal.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  it.skipIf(target.skipReason)(
    'retries while SMTP is down, keeps the status visible, delivers once it is up',
    async () => {
      const database = await target.create();
      cleanups.push(() => database.drop());
      const gateway = await startLocalSmsGateway();
      cleanups.push(() => gateway.close());
      const smtpPort = await findFreePort();
      const secret = randomBytes(32).toString('hex');
      let portal = await start(database, smtpPort, gateway, secret);
      cleanups.push(() => portal.close());
      const at = new Date().toISOString();
      await saveClient(
        portal.context.database,
        testClientProfile(CLIENT_ID, '+4940123456', {
          delivery: {
            portal: true,
            emailAddresses: ['kanzlei@example.test', 'partner@example.test'],
            smsNumber: '+491701234567',
          },
        }),
        at,
      );
      await createUser(
        portal.context.database,
        {
          userName: 'agent-mail',
          displayName: 'Agent',
          role: 'agent',
          password: TEST_PASSWORD,
          clientIds: [CLIENT_ID],
        },
        TEST_PASSWORD_COST,
        at,
      );
      const login = await fetch(`${portal.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'agent-mail', password: TEST_PASSWORD }),
      });
      const token = ((await login.json()) as { accessToken: string }).accessToken;
      const concern =
        `Bitte Rückruf wegen Fristverlängerung ${'im Verfahren 4711 '.repeat(10)}`.trim();
      const submitted = await api<Note>(
        portal,
        'POST',
        '/notes',
        token,
        noteSubmission(CLIENT_ID, { concern }),
        { 'idempotency-key': randomUUID() },
      );
      expect(submitted.status).toBe(201);
      const noteId = submitted.body.id;
      const deliveries = () =>
        api<DeliveriesAnswer>(portal, 'GET', `/notes/${noteId}/deliveries`, token);

      // SMTP is down: the e-mail is retried, with attempts and an abstract error visible.
      await waitFor(
        async () =>
          ((await deliveries()).body.deliveries.find((delivery) => delivery.channel === 'email')
            ?.attempts ?? 0) >= 3,
      );
      const whileDown = (await deliveries()).body;
      const email = whileDown.deliveries.find((delivery) => delivery.channel === 'email');
      // Retries run every 50–200 ms here, so a read can land while the next attempt is in flight.
      expect(['pending', 'sending']).toContain(email?.status);
      expect(email?.lastError).toBe('smtp-unreachable');
      expect(whileDown.deliveries.find((delivery) => delivery.channel === 'sms')).toMatchObject({
        status: 'sent',
        attempts: 1,
      });
      expect(whileDown.status).toBe('delivering');

      // The portal restarts while SMTP is still down: the pending delivery survives in the database.
      await portal.close();
      let smtp: LocalSmtpServer | undefined = await startLocalSmtpServer(smtpPort);
      cleanups.push(() => smtp?.close() ?? Promise.resolve());
      portal = await start(database, smtpPort, gateway, secret);
      await waitFor(async () => (await deliveries()).body.status === 'delivered');
      const delivered = (await deliveries()).body;
      expect(delivered.deliveries.every((delivery) => delivery.status === 'sent')).toBe(true);
      expect(smtp.messages).toHaveLength(1);
      const mail = smtp.messages[0];
      expect(mail?.to.sort()).toEqual(['kanzlei@example.test', 'partner@example.test']);
      const unfolded = mail?.raw.replace(/=\r?\n/g, '') ?? '';
      expect(unfolded).toContain('Fristverl');
      expect(unfolded).toContain('+49 30 1234567');
      const subject = /^Subject: (.*)$/m.exec(mail?.raw ?? '')?.[1] ?? '';
      expect(subject).not.toContain('Mustermann');

      // The SMS went out once, with its segment count and the delivery ID as idempotency key.
      expect(gateway.requests).toHaveLength(1);
      const sms = gateway.requests[0];
      expect(sms?.body.to).toBe('+491701234567');
      expect(sms?.body.segments).toBe(Math.ceil([...(sms?.body.text ?? '')].length / 160));
      expect(sms?.body.segments).toBeGreaterThanOrEqual(2);
      expect(sms?.headers['idempotency-key']).toBe(sms?.body.messageId);
      expect(delivered.deliveries.find((delivery) => delivery.channel === 'sms')?.segments).toBe(
        sms?.body.segments,
      );
      await smtp.close();
      smtp = undefined;
    },
    30_000,
  );
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noteSubmission } from '../../src/portal/testing/portalFixtures';
import { DEMO_CLIENTS, DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { demoLogin, startDemoPortal, type DemoPortal } from './demoPortal';
import { startMailCatcher, type MailCatcher } from './mailCatcher';

let folder: string | undefined;
let portal: DemoPortal | undefined;
let catcher: MailCatcher | undefined;
afterEach(async () => {
  await portal?.portal.close();
  await catcher?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function logIn(url: string, role: 'agent' | 'shift-lead'): Promise<string> {
  const { userName, password } = demoLogin(role);
  const answer = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

describe('the demo portal', () => {
  it('routes every demo line to the bot and mails a saved note into the catcher folder', async () => {
    folder = await mkdtemp(join(tmpdir(), 'empfang-demo-portal-'));
    catcher = await startMailCatcher(join(folder, 'mail'));
    portal = await startDemoPortal({
      database: join(folder, 'portal.sqlite'),
      smtpPort: catcher.port,
      passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    });

    // Kamailio's question for each demo line: the bot answers, whatever the time of day.
    for (const client of DEMO_CLIENTS) {
      const decision = await fetch(`${portal.url}/routing/decisions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${portal.routingSecret}`,
        },
        body: JSON.stringify({
          sipCallId: randomUUID(),
          line: client.lines[0],
          callerNumber: '+4915901234567',
          handoverToken: null,
        }),
      });
      expect(await decision.json()).toMatchObject({ target: 'bot' });
    }

    // The shift lead can sign in (the second window's other login).
    await logIn(portal.url, 'shift-lead');
    const token = await logIn(portal.url, 'agent');
    const saved = await fetch(`${portal.url}/notes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(noteSubmission(DEMO_LAW_FIRM.id, { concern: 'Kündigung erhalten' })),
    });
    expect(saved.status).toBeLessThan(300);
    await portal.portal.drainDeliveries();
    await expect.poll(() => catcher!.caught().length, { timeout: 10_000 }).toBe(1);
    const mail = await readFile(catcher.caught()[0]!, 'utf8');
    expect(mail).toContain(DEMO_LAW_FIRM.delivery.emailAddresses[0]);
    expect(mail.replace(/=\r?\n/g, '')).toContain('K=C3=BCndigung erhalten');
  }, 60_000);
});

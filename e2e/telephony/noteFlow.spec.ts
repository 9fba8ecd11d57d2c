/**
 * The whole note flow on real SIP, inside the lab: SIPp dials the law firm's line (Kamailio
 * routes DIDs to the reception user 1001 with P-Called-Party-ID), the agent's web shell shows
 * that client's card while it rings, the agent answers, the caller hangs up, the agent completes
 * the note → the portal has it (with the call's log entry) → the e-mail arrives at a local SMTP
 * server with the note's content.
 * The history then lists the call once, from the desk and the portal, with its note.
 *
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/noteFlow.spec.ts
 */
import type { Browser } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { startLocalSmtpServer } from '../../src/portal/testing/localSmtpServer';
import { generateLabAudio, labSkipReason, startCall } from '../support/lab';
import { AGENT, AGENT_DISPLAY_NAME, mailText, portalNotes } from '../support/portalDesk';
import { incomingCard, launchTelephonyBrowser } from './support/agentDesk';
import { openReceptionDesk } from './support/receptionDesk';
import { expect, test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

const CLIENT_LINE = DEMO_LAW_FIRM.lines[0]!;
const CALLER = '+4915112345678';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
});
test.afterAll(async () => {
  await browser?.close();
});

test('SIPp call on a client line → client card → note → portal → e-mail', async () => {
  test.setTimeout(120_000);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const smtp = await startLocalSmtpServer();
    cleanups.unshift(() => smtp.close());
    const desk = await openReceptionDesk(browser, {
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'Empfang <notizen@empfang.test>' },
    });
    cleanups.unshift(() => desk.close());
    const { page, portal } = desk;

    const caller = startCall({
      target: CLIENT_LINE,
      scenario: 'caller',
      callerNumber: CALLER,
      callSeconds: 3,
      timeoutSeconds: 60,
    });
    cleanups.unshift(() => caller.stop());

    // While it rings: the law firm's card with the greeting to read out.
    await expect(incomingCard(page)).toBeVisible({ timeout: 15_000 });
    const card = page.getByTestId('client-card');
    await expect(card.getByRole('heading', { name: DEMO_LAW_FIRM.name })).toBeVisible();
    // The greeting as the agent says it: the client's text with the agent's name filled in.
    await expect(card.getByTestId('client-card-greeting')).toHaveText(
      DEMO_LAW_FIRM.greeting.trim().replace('{agentName}', AGENT_DISPLAY_NAME),
    );
    await incomingCard(page).first().locator('[data-action="answer"]').click();

    // The caller hangs up after 3 s: the note form opens for this client and call.
    const form = page.getByTestId('note-form');
    await expect(form).toBeVisible({ timeout: 20_000 });
    await expect(form).toContainText(`Für ${DEMO_LAW_FIRM.name}`);
    await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
      'data-presence',
      'after-call-work',
    );
    const marker = `Fristsache Rückruf ${Date.now()}`;
    await page.getByLabel('Ergebnis').selectOption('message-taken');
    await page.getByLabel('Name des Anrufers').fill('Erika Mustermann');
    await page.getByLabel('Rückrufnummer').fill('0151 12345678');
    await page.getByLabel('Anliegen').fill(marker);
    await page.getByLabel('Dringlichkeit').selectOption('high');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect(page.getByTestId('note-saved')).toBeVisible();
    await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
      'data-presence',
      'available',
    );

    // The portal has the note once, linked to the logged call.
    await expect
      .poll(async () => (await portalNotes(portal.url, DEMO_LAW_FIRM.id)).length, {
        timeout: 20_000,
      })
      .toBe(1);
    const [note] = await portalNotes(portal.url, DEMO_LAW_FIRM.id);
    expect(note!.concern).toBe(marker);
    const calls = await portalCalls(portal.url);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      line: CLIENT_LINE,
      callerNumber: CALLER,
      outcome: 'message-taken',
    });
    expect(calls[0]!.answerAt).not.toBeNull();
    expect(calls[0]!.endAt).not.toBeNull();
    expect(calls[0]!.wrapUpSeconds).toBeGreaterThan(0);

    // … and the client's e-mail arrived with the note's content.
    await expect.poll(() => smtp.messages.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const mail = mailText(smtp.messages[0]!.raw);
    expect(smtp.messages[0]!.to).toEqual(DEMO_LAW_FIRM.delivery.emailAddresses);
    expect(mail).toContain('Erika Mustermann');
    expect(await caller.exited).toMatchObject({ exitCode: 0 });
    await expect(page.locator('[data-status="delivered"]')).toHaveCount(1, { timeout: 20_000 });

    // History: the call appears once, known to the desk and the portal, with its note.
    await page.getByRole('button', { name: /Verlauf/ }).click();
    await page.getByRole('button', { name: 'Aktualisieren' }).click();
    const history = page.getByTestId('call-history');
    const row = history.locator('[data-history-entry]', { hasText: DEMO_LAW_FIRM.name });
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-history-source', 'both', { timeout: 20_000 });
    await expect(row.locator('[data-history-note]')).toHaveAttribute(
      'data-history-note',
      'delivered',
    );
    await expect(row).toContainText('Erika Mustermann');
    await expect(row).toContainText('Nachricht aufgenommen');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
});

async function portalCalls(portalUrl: string) {
  const login = await fetch(`${portalUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${portalUrl}/calls?clientId=${DEMO_LAW_FIRM.id}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return (await answer.json()) as {
    line: string;
    callerNumber: string | null;
    outcome: string | null;
    answerAt: string | null;
    endAt: string | null;
    wrapUpSeconds: number;
  }[];
}

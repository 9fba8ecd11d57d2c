/**
 * A whole call with the keyboard only, in the lab: the ring is announced in a live region; the
 * agent answers (Alt+A), puts the caller on hold and back (Alt+H), reaches the staff member's
 * transfer button with Tab and transfers the caller (a SIPp UAS as 2001), then fills the note
 * that opened and sends it, all from the keyboard, with a visible focus at every stop. axe-core
 * checks the call view (call card, client card, transcript, suggestions, note) on the way.
 * Second test, the hybrid call: the lab voicebot escalates, the offer is announced, Alt+A takes
 * it over, the agent Tabs to the caller's words in the bot's part of the timeline and quotes
 * them into the note with Enter, holds and resumes (Alt+H), hangs up (Alt+E) and sends the
 * note — the quote reaches the portal.
 *
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/keyboardCall.spec.ts
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { generateLabAudio, labSkipReason, startAnswering, startCall } from '../support/lab';
import { expectVisibleFocus, tabTo } from '../support/keyboard';
import { portalNotes } from '../support/portalDesk';
import { callIn, incomingCard, launchTelephonyBrowser } from './support/agentDesk';
import { startDeepgramServerFake } from '../../lab/providers/deepgramServerFake';
import { LAW_FIRM_LINE, openHybridLab } from './support/hybridLab';
import { askForHuman, disclosedBotCall } from './support/hybridFlow';
import { openReceptionDesk, type ReceptionDesk } from './support/receptionDesk';
import { expect, test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

let browser: Browser;
let desk: ReceptionDesk | undefined;
const stops: (() => Promise<unknown>)[] = [];
test.beforeAll(async () => {
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
});
test.afterEach(async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined);
  await desk?.close();
  desk = undefined;
});
test.afterAll(async () => {
  await browser?.close();
});

/** Tabs to "Notiz speichern", presses Enter, and waits for a note containing `text` at the portal. */
async function sendNoteWithKeyboard(page: Page, portalUrl: string, text: string): Promise<void> {
  const send = page.getByRole('button', { name: 'Notiz speichern' });
  await tabTo(page, send);
  await expectVisibleFocus(send);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-saved')).toBeVisible();
  await expect
    .poll(
      async () =>
        (await portalNotes(portalUrl, DEMO_LAW_FIRM.id)).some((note) =>
          JSON.stringify(note).includes(text),
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

test('answer, hold, transfer and send the note with the keyboard only', async () => {
  test.setTimeout(300_000);
  desk = await openReceptionDesk(browser, { viewport: { width: 1366, height: 768 } });
  const { page, portal } = desk;
  const staff = DEMO_LAW_FIRM.staff[0]!;
  const colleague = await startAnswering({ user: '2001', scenario: 'uas', timeoutSeconds: 200 });
  stops.push(() => colleague.stop());
  const caller = startCall({
    target: DEMO_LAW_FIRM.lines[0]!,
    scenario: 'caller-transferable',
    audio: 'tone',
    // Long enough for the axe run mid-call on a loaded machine (30 s ended the call before hold).
    callSeconds: 120,
    timeoutSeconds: 180,
  });
  stops.push(() => caller.stop());

  await expect(incomingCard(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('announce-ringing')).toContainText('Anruf klingelt');
  await expect(page.getByTestId('announce-ringing')).toContainText('030 23125101');

  await page.keyboard.press('Alt+A');
  const active = callIn(page, 'active');
  await expect(active).toBeVisible();

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    axe.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
      ),
  ).toEqual([]);

  await page.keyboard.press('Alt+H');
  await expect(callIn(page, 'held')).toBeVisible();
  await page.keyboard.press('Alt+H');
  await expect(callIn(page, 'active')).toBeVisible();

  const transfer = page
    .getByTestId('client-card')
    .getByRole('button', { name: `Direkt durchstellen: ${staff.name}` });
  await tabTo(page, transfer);
  await expectVisibleFocus(transfer);
  await page.keyboard.press('Enter');
  await caller.waitForEvent('transferred', 20_000);

  const form = page.getByTestId('note-form');
  await expect(form).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('Ergebnis')).toHaveValue('forwarded');
  const concern = page.getByLabel('Anliegen');
  await tabTo(page, concern);
  await expectVisibleFocus(concern);
  const marker = `Tastatur ${Date.now()}`;
  await page.keyboard.type(marker);
  await sendNoteWithKeyboard(page, portal.url, marker);
});

test('take over from the bot, quote the caller from the timeline and send the note with the keyboard only', async () => {
  test.setTimeout(420_000);
  const botEar = await startDeepgramServerFake();
  stops.push(() => botEar.close());
  const lab = await openHybridLab(browser, { botDeepgramUrl: botEar.baseUrl });
  stops.push(() => lab.close());
  const { page } = lab;
  const caller = startCall({
    target: LAW_FIRM_LINE,
    scenario: 'caller-bot',
    callSeconds: 150,
    timeoutSeconds: 280,
  });
  stops.push(() => caller.stop());
  const callId = await disclosedBotCall(lab);
  await askForHuman(lab, botEar, callId);

  const offer = page.getByTestId('escalation-offer');
  await expect(offer).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('offer-announcement')).toContainText('Übergabe angeboten');
  await page.keyboard.press('Alt+A');
  await expect(callIn(page, 'active')).toHaveCount(1, { timeout: 30_000 });
  await caller.waitForEvent('transferred', 20_000);

  // The caller's words to the bot, quoted with Tab and Enter.
  const spoken = 'Ich möchte einen Menschen sprechen.';
  const line = page
    .getByTestId('handover-timeline')
    .locator('[data-timeline-part="bot"]')
    .filter({ hasText: spoken })
    .getByRole('button');
  await tabTo(page, line);
  await expectVisibleFocus(line);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline-quote-notice')).not.toBeEmpty();

  await page.keyboard.press('Alt+H');
  await expect(callIn(page, 'held')).toBeVisible();
  await page.keyboard.press('Alt+H');
  await expect(callIn(page, 'active')).toBeVisible();
  await page.keyboard.press('Alt+E');

  const form = page.getByTestId('note-form');
  await expect(form).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Notiz', { exact: true })).toHaveValue(new RegExp(spoken));
  const confirm = form.getByRole('button', { name: 'Alle KI-Felder bestätigen' });
  if (await confirm.isVisible()) {
    await tabTo(page, confirm);
    await page.keyboard.press('Enter');
  }
  const outcome = page.getByLabel('Ergebnis');
  await tabTo(page, outcome, { backwards: true });
  await expectVisibleFocus(outcome);
  // A closed select takes type-ahead from the keyboard, as in every desktop form.
  await page.keyboard.type('Nachricht');
  await expect(outcome).toHaveValue('message-taken');
  await sendNoteWithKeyboard(page, lab.portal.url, spoken);
});

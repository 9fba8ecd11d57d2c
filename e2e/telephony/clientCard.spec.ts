/**
 * The client card on real calls, inside the lab: an unknown dialled line gets the "unknown line"
 * card with the number; on a client line one click in the staff directory blind-transfers the
 * caller to that staff member (a SIPp UAS registered as 2001), and the note opens pre-set to
 * "forwarded".
 *
 *   bash lab/run-isolated.sh npx playwright test --project telephony e2e/telephony/clientCard.spec.ts
 */
import type { Browser } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { generateLabAudio, labSkipReason, startAnswering, startCall } from '../support/lab';
import { callIn, incomingCard, launchTelephonyBrowser } from './support/agentDesk';
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

test('an unknown dialled line shows the "unknown line" card with the number', async () => {
  desk = await openReceptionDesk(browser);
  const caller = startCall({ target: '+4930999999999', scenario: 'caller', callSeconds: 2 });
  stops.push(() => caller.stop());
  await expect(incomingCard(desk.page)).toBeVisible({ timeout: 15_000 });
  const card = desk.page.getByTestId('client-card-unknown');
  await expect(card.getByRole('heading')).toHaveText('Unbekannte Leitung');
  await expect(card).toContainText('030 999999999');
});

test('one click in the staff directory transfers the caller; the note says forwarded', async () => {
  desk = await openReceptionDesk(browser);
  const { page } = desk;
  const staff = DEMO_LAW_FIRM.staff[0]!;
  const colleague = await startAnswering({ user: '2001', scenario: 'uas', timeoutSeconds: 60 });
  stops.push(() => colleague.stop());
  const caller = startCall({
    target: DEMO_LAW_FIRM.lines[0]!,
    scenario: 'caller-transferable',
    audio: 'tone',
    callSeconds: 8,
    timeoutSeconds: 60,
  });
  stops.push(() => caller.stop());
  await expect(incomingCard(page)).toBeVisible({ timeout: 15_000 });
  const card = page.getByTestId('client-card');
  const transfer = card.getByRole('button', { name: `Direkt durchstellen: ${staff.name}` });
  await expect(transfer).toBeDisabled();
  await incomingCard(page).first().locator('[data-action="answer"]').click();
  await expect(callIn(page, 'active')).toBeVisible();
  await expect(transfer).toBeEnabled();
  await transfer.click();
  await caller.waitForEvent('transferred', 15_000);
  await expect(
    page.locator('[data-testid="softphone-call"][data-outcome="transferred"]'),
  ).toBeVisible();
  const form = page.getByTestId('note-form');
  await expect(form).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel('Ergebnis')).toHaveValue('forwarded');
});

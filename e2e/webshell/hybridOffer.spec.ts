/**
 * Issue 9, the desk half, end to end in the web shell against a real portal (no SIP here): the
 * portal's bot API reports a bot call and an escalation; the offer rings at the desk with the
 * bot's transcript, fields and consent; one click accepts it, and the handover token the desk
 * holds is the one the bot is told to REFER the caller to. The bot-calls board lists a live bot
 * call with a transcript peek and takes it over. Screenshots at 1366×768.
 */
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { setAgentState } from '../../src/portal/hybrid/agentStates';
import { AGENT, startControlledPortal } from '../support/portalDesk';
import { openSignedInDesk } from '../support/signedInDesk';
import { createDataDirectory, removeDataDirectory } from '../support/webShell';
import { botApi } from '../support/bot';

const BOT_TOKEN = 'bot-token-for-the-desk-e2e-0123456789abcdef';
const LINE = DEMO_LAW_FIRM.lines[0]!;

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.EMPFANG_SCREENSHOT_DIR ?? test.info().outputPath();
  await page.screenshot({ path: join(folder, name) });
}

test('an escalation offer rings with the bot part, is accepted with one click, and the board takes a call over', async ({
  browser,
}) => {
  test.skip(test.info().project.name !== 'webshell', 'starts its own host and portal');
  // Its own portal, host and browser context: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const dataDirectory = await createDataDirectory();
  cleanups.push(() => removeDataDirectory(dataDirectory));
  const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'), {
    hybrid: {
      bots: [{ id: 'lab-bot', token: BOT_TOKEN, clientIds: [DEMO_LAW_FIRM.id] }],
      botUri: 'sip:bot@lab.empfang.test',
      // Long enough that a loaded machine never lets the offer move on while the test looks.
      offerSeconds: 120,
      connectSeconds: 120,
      tickMilliseconds: 200,
    },
    agentSipUser: '1001',
  });
  cleanups.push(() => portal.stop());
  const page = await openSignedInDesk(browser, portal.url, AGENT, cleanups);

  // Without SIP the desk reports itself not available; the agent is made available in the
  // portal directly, once the desk's own report is in (so it cannot overwrite this).
  const { database, events } = portal.current().context;
  const presenceOf = async () =>
    (
      await database
        .selectFrom('presence')
        .select('state')
        .where('user_id', '=', portal.agentId)
        .executeTakeFirst()
    )?.state;
  await expect.poll(presenceOf, { timeout: 20_000 }).toBeDefined();
  await setAgentState(database, events, {
    userId: portal.agentId,
    state: 'available',
    at: new Date().toISOString(),
  });

  const bot = botApi(portal.url, BOT_TOKEN);
  const callId = await bot.call(LINE, [
    ['bot', 'Guten Tag, Sie sprechen mit dem KI-Assistenten der Kanzlei.'],
    ['caller', 'Ich möchte einen Menschen sprechen, es geht um eine Frist.'],
  ]);
  await bot.send({
    type: 'field-collected',
    callId,
    field: 'name',
    value: 'Petra Lindner',
    confidence: 0.93,
  });
  await bot.send({
    type: 'field-collected',
    callId,
    field: 'concern',
    value: 'Frist im Mietstreit',
    confidence: 0.72,
  });
  await bot.send({
    type: 'escalation-requested',
    callId,
    reason: 'caller-asked-for-human',
    urgency: 'high',
    summary: 'Anruferin möchte einen Menschen; Frist im Mietstreit läuft Freitag ab.',
  });

  // The offer appears with everything the agent needs before accepting.
  const offer = page.getByTestId('escalation-offer');
  await expect(offer).toBeVisible({ timeout: 20_000 });
  await expect(offer.getByTestId('offer-client')).toHaveText(DEMO_LAW_FIRM.name);
  await expect(offer.getByTestId('offer-reason')).toHaveText('Anrufer möchte einen Menschen');
  await expect(offer.getByTestId('offer-summary')).toContainText('Frist im Mietstreit');
  await expect(offer.getByTestId('collected-name')).toContainText('Petra Lindner');
  await expect(offer.getByTestId('consent-badge')).toHaveText('Einwilligung erteilt');
  const botPart = offer.getByRole('list', { name: 'Gespräch mit dem KI-Assistenten' });
  await expect(botPart.getByRole('listitem')).toHaveText([
    'KI-Assistent: Guten Tag, Sie sprechen mit dem KI-Assistenten der Kanzlei.',
    'Anrufer: Ich möchte einen Menschen sprechen, es geht um eine Frist.',
  ]);
  await expect(page.getByTestId('offer-announcement')).toContainText('Übergabe angeboten');
  await expect(offer.getByTestId('offer-countdown')).toHaveText(/Noch \d+ s/);
  await offer.getByRole('button', { name: 'Übernehmen' }).focus();
  await screenshot(page, 'hybrid-offer-1366x768.png');

  // One click (here: the keyboard) accepts; the desk now holds the token the bot REFERs to.
  await page.keyboard.press('Enter');
  await expect(offer).toHaveAttribute('data-offer-phase', 'accepted');
  await expect(offer.getByTestId('offer-accepted')).toBeVisible();
  const token = await offer.getAttribute('data-handover-token');
  expect(token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  const command = await bot.command(callId);
  expect(command).toMatchObject({ type: 'hand-over', handoverToken: token });
  expect(String(command?.referTo)).toContain(`handover.${token}@`);
  // The transcript still shows the bot's part after the accept.
  await expect(botPart.getByRole('listitem')).toHaveCount(2);

  // The board: a live bot call of the agent's client, with a peek, taken over in one click.
  const liveCall = await bot.call(LINE, [
    ['bot', 'Guten Tag, hier ist der KI-Assistent.'],
    ['caller', 'Ich hätte gern einen Termin nächste Woche.'],
    ['bot', 'Gern. Wie ist Ihr Name?'],
  ]);
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Bot-Gespräche' })).toBeFocused();
  const row = page.locator(`[data-testid="bot-call-row"][data-call-id="${liveCall}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(DEMO_LAW_FIRM.name);
  await expect(row.getByTestId('bot-call-state')).toHaveText('beim KI-Assistenten');
  await expect(row.getByRole('listitem').last()).toHaveText(
    'KI-Assistent: Gern. Wie ist Ihr Name?',
  );
  await bot.send({
    type: 'transcript-segment',
    callId: liveCall,
    segmentId: 'live-1',
    speaker: 'caller',
    text: 'Petra Lindner.',
    startMs: 12_000,
    endMs: 13_000,
    final: true,
  });
  await expect(row.getByRole('listitem').last()).toHaveText('Anrufer: Petra Lindner.');
  await screenshot(page, 'hybrid-board-1366x768.png');
  await row.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(row).toContainText('Übernommen – der Anruf kommt gleich.');
  expect(await bot.command(liveCall)).toMatchObject({ type: 'hand-over' });
});

/**
 * WCAG 2.2 AA, checked by axe-core over every main view and dialog of the desk, in light and
 * dark: the login, the calls area idle and with a note open, the discard confirmation, the
 * escalation offer, history, directory, bot calls with a live bot call, settings and the
 * shortcut help; the offer is accepted with the keyboard alone. Fails on any serious or
 * critical violation and names each one; every finding
 * (also minor ones) is written to test-results/accessibility/ for the record.
 *
 * The call itself (call card, transcript, suggestions) needs SIP: the keyboard-only lab spec
 * runs axe there too (e2e/telephony/keyboardCall.spec.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { botApi, makeAgentAvailable } from '../support/bot';
import { expectVisibleFocus, tabTo } from '../support/keyboard';
import { openPortalWebDesk, type PortalWebDesk } from '../support/portalWebDesk';
import { REPOSITORY_ROOT } from '../support/webShell';

const BOT_TOKEN = 'bot-token-for-the-accessibility-e2e-0123456789';
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let desk: PortalWebDesk | undefined;
test.afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

interface Finding {
  view: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

const FINDINGS_FOLDER = join(REPOSITORY_ROOT, 'test-results', 'accessibility');

async function audit(page: Page, view: string, findings: Finding[]): Promise<void> {
  // Let transitions and focus settle: axe reads computed colours.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        (
          globalThis as unknown as { requestAnimationFrame(callback: () => void): void }
        ).requestAnimationFrame(() => resolve(undefined)),
      ),
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const violation of results.violations) {
    findings.push({
      view,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    });
  }
  // Written after every view, so a slow machine that times out still leaves the record.
  await mkdir(FINDINGS_FOLDER, { recursive: true });
  await writeFile(
    join(FINDINGS_FOLDER, `axe-${test.info().title.match(/\((\w+)\)$/)?.[1] ?? 'run'}.json`),
    JSON.stringify(findings, null, 2),
  );
}

async function showArea(page: Page, key: string, heading: string): Promise<void> {
  await page.keyboard.press(`Alt+${key}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

for (const theme of ['light', 'dark'] as const) {
  test(`every main view and dialog has no serious or critical WCAG 2.2 AA violation (${theme})`, async ({
    browser,
  }) => {
    test.skip(test.info().project.name !== 'webshell', 'starts its own host and portal');
    test.setTimeout(600_000);
    const findings: Finding[] = [];

    const loggedOut = await openPortalWebDesk(browser, { theme, stayLoggedOut: true });
    await expect(loggedOut.page.getByLabel('Benutzername')).toBeVisible({ timeout: 20_000 });
    await audit(loggedOut.page, 'login', findings);
    await loggedOut.close();

    desk = await openPortalWebDesk(browser, {
      theme,
      hybrid: {
        bots: [{ id: 'lab-bot', token: BOT_TOKEN, clientIds: [DEMO_LAW_FIRM.id] }],
        botUri: 'sip:bot@lab.empfang.test',
        offerSeconds: 120,
        connectSeconds: 120,
        tickMilliseconds: 200,
      },
      agentSipUser: '1001',
    });
    const { page, portal } = desk;
    await audit(page, 'calls (idle)', findings);

    await page.getByRole('button', { name: 'Notiz ohne Anruf' }).click();
    await audit(page, 'new note without a call', findings);
    await page.getByRole('combobox', { name: 'Auftraggeber' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Notiz beginnen' }).click();
    await expect(page.getByTestId('note-form')).toBeVisible();
    await audit(page, 'note form', findings);
    await page.getByRole('button', { name: 'Notiz verwerfen' }).click();
    await audit(page, 'discard confirmation', findings);
    await page.getByRole('button', { name: 'Verwerfen', exact: true }).click();

    const bot = botApi(portal.url, BOT_TOKEN);
    await makeAgentAvailable(portal);
    const offered = await bot.call(DEMO_LAW_FIRM.lines[0]!, [
      ['bot', 'Guten Tag, Sie sprechen mit dem KI-Assistenten der Kanzlei.'],
      ['caller', 'Ich möchte einen Menschen sprechen, es geht um eine Frist.'],
    ]);
    await bot.escalate(offered, 'Anruferin möchte einen Menschen; Frist läuft Freitag ab.');
    const offer = page.getByTestId('escalation-offer');
    await expect(offer).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('offer-announcement')).toContainText('Übergabe angeboten');
    await audit(page, 'escalation offer', findings);
    // Accepted with the keyboard alone: Tab to "Übernehmen" (visible focus), Enter.
    const accept = offer.getByRole('button', { name: 'Übernehmen' });
    await tabTo(page, accept);
    await expectVisibleFocus(accept);
    await page.keyboard.press('Enter');
    await expect(offer).toHaveAttribute('data-offer-phase', 'accepted');

    await showArea(page, '2', 'Verlauf');
    await audit(page, 'history', findings);
    await showArea(page, '3', 'Verzeichnis');
    await expect(page.getByTestId('directory-client')).toHaveCount(3, { timeout: 20_000 });
    await audit(page, 'directory', findings);
    await page.getByRole('searchbox', { name: /Suchen/ }).fill('Frist');
    await audit(page, 'directory search', findings);

    await bot.call(DEMO_LAW_FIRM.lines[0]!, [
      ['bot', 'Guten Tag, hier ist der KI-Assistent.'],
      ['caller', 'Ich hätte gern einen Termin nächste Woche.'],
    ]);
    await showArea(page, '6', 'Bot-Gespräche');
    await expect(page.getByTestId('bot-call-row').first()).toBeVisible({ timeout: 20_000 });
    await audit(page, 'bot calls', findings);

    await showArea(page, '5', 'Einstellungen');
    await audit(page, 'settings', findings);

    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { level: 1 }).first().press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'shortcut help', findings);

    const blocking = findings.filter(
      (finding) => finding.impact === 'serious' || finding.impact === 'critical',
    );
    expect(
      blocking.map(
        (finding) =>
          `${finding.view}: ${finding.id} (${finding.impact}) ${finding.targets.join(', ')}`,
      ),
    ).toEqual([]);
  });
}

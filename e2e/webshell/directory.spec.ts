/**
 * The directory in the web shell against a real portal: every client the agent serves with
 * lines, hours now and staff; search across names, numbers in another format, functions and
 * approved texts; click-to-call between calls (here without SIP: the desk says it could not
 * call, which proves the click reached the softphone). Transfers during a call: unit tests and
 * the keyboard-only lab spec.
 */
import { test, expect } from '@playwright/test';
import { DEMO_CLIENTS, DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import { openPortalWebDesk, type PortalWebDesk } from '../support/portalWebDesk';

let desk: PortalWebDesk | undefined;
test.afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

test('the directory lists, searches and calls', async ({ browser }) => {
  test.skip(test.info().project.name !== 'webshell', 'starts its own host and portal');
  test.setTimeout(120_000);
  desk = await openPortalWebDesk(browser);
  const { page } = desk;
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Verzeichnis' })).toBeFocused();
  const directory = page.getByTestId('directory');
  const clients = directory.getByTestId('directory-client');
  await expect(clients).toHaveCount(DEMO_CLIENTS.length, { timeout: 20_000 });
  await expect(directory.getByTestId('directory-count')).toHaveText('3 Auftraggeber');
  await expect(directory.getByTestId('directory-mode')).toContainText('Kein Gespräch');
  const law = clients.filter({ has: page.getByRole('heading', { name: DEMO_LAW_FIRM.name }) });
  await expect(law).toContainText('030 23125101');
  await expect(law.getByTestId('client-card-open-state')).toHaveText(
    /^Jetzt (geöffnet|geschlossen)$/,
  );
  await expect(law.getByRole('row')).toHaveCount(DEMO_LAW_FIRM.staff.length + 1);

  const search = page.getByRole('searchbox', { name: /Suchen/ });
  await search.fill('0049 30 2312-5101');
  await expect(clients).toHaveCount(1);
  await expect(clients.first()).toHaveAttribute('data-client-id', DEMO_LAW_FIRM.id);

  await search.fill('Okafor Buchhaltung');
  await expect(clients).toHaveCount(1);
  await expect(clients.first().getByRole('rowheader')).toHaveText(['Aylin Demir']);

  await search.fill('Rechtsschutzversicherung');
  await expect(clients.first().locator('[data-approved-text-id]').first()).toContainText(
    'Rechtsschutzversicherung',
  );

  await search.fill('xylophon');
  await expect(clients).toHaveCount(0);
  await expect(directory.getByTestId('directory-count')).toHaveText('Nichts passt zu „xylophon“.');

  // Click-to-call reaches the softphone; without a SIP account it says the call did not start.
  await search.fill('Demir');
  await clients.first().getByRole('button', { name: 'Anrufen: Aylin Demir' }).click();
  await expect(page.getByRole('alert')).toContainText('Der Anruf konnte nicht gestartet werden');
});

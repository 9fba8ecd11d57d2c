/**
 * Notes are never lost: drafts survive a reload and a closed window mid-typing; a note saved
 * while the portal is down is queued (offline banner), then sent and delivered by e-mail once
 * the portal is back. Runs against a real portal the test controls (remote portal URL).
 */
import { join } from 'node:path';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../../src/shared/demo/demoClients';
import {
  startLocalSmtpServer,
  type LocalSmtpServer,
} from '../../src/portal/testing/localSmtpServer';
import {
  logIn,
  mailText,
  openDesk,
  portalNotes,
  startControlledPortal,
  startNote,
  writeDeskSettings,
  type ControlledPortal,
} from '../support/portalDesk';
import {
  createDataDirectory,
  removeDataDirectory,
  startWebShell,
  type WebShellHost,
} from '../support/webShell';

interface NotesDesk {
  portal: ControlledPortal;
  host: WebShellHost;
  context: BrowserContext;
  page: Page;
  smtp: LocalSmtpServer;
}

/** These specs start their own host (and browser): they run once, in the webshell project. */
function webShellProjectOnly(): void {
  test.skip(test.info().project.name !== 'webshell', 'starts its own host and portal');
}

const cleanups: (() => Promise<void>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function notesDesk(browser: Browser): Promise<NotesDesk> {
  const dataDirectory = await createDataDirectory();
  cleanups.push(() => removeDataDirectory(dataDirectory));
  const smtp = await startLocalSmtpServer();
  cleanups.push(() => smtp.close());
  const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'), {
    smtp: { host: '127.0.0.1', port: smtp.port, from: 'Empfang <notizen@empfang.test>' },
  });
  cleanups.push(() => portal.stop());
  await writeDeskSettings(dataDirectory, { portalUrl: portal.url });
  const host = await startWebShell({ dataDirectory });
  cleanups.push(() => host.stop());
  const context = await browser.newContext({ locale: 'de-DE' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await openDesk(page, host.url);
  await logIn(page);
  return { portal, host, context, page, smtp };
}

test('a draft survives a reload and a closed window while typing', async ({ browser }) => {
  webShellProjectOnly();
  const { context, host } = await notesDesk(browser);
  let page = (await context.pages())[0]!;
  await startNote(page, DEMO_LAW_FIRM.name, 'Rückruf wegen Frist');
  await page.getByLabel('Name des Anrufers').fill('Frau Entwurf');
  await page.getByLabel('Notiz', { exact: true }).fill('Halb getippt');
  // No save click, no blur: only the debounce (400 ms) writes the draft.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(page.getByLabel('Name des Anrufers')).toHaveValue('Frau Entwurf', {
    timeout: 20_000,
  });
  await expect(page.getByLabel('Anliegen')).toHaveValue('Rückruf wegen Frist');

  await page.getByLabel('Notiz', { exact: true }).fill('Weiter getippt, dann Fenster zu');
  await page.waitForTimeout(700);
  await page.close();
  page = await context.newPage();
  await openDesk(page, host.url);
  await expect(page.getByLabel('Notiz', { exact: true })).toHaveValue(
    'Weiter getippt, dann Fenster zu',
    { timeout: 20_000 },
  );
  await expect(page.getByLabel('Ergebnis')).toHaveValue('message-taken');
});

test('portal down: queued with an offline banner, then sent and delivered once it is back', async ({
  browser,
}) => {
  webShellProjectOnly();
  const { page, portal, smtp } = await notesDesk(browser);
  // The portal goes down while the agent works: the client list was loaded while it was up
  // (on a loaded machine the first load can otherwise still be in flight when it stops).
  await page.getByRole('button', { name: 'Notiz ohne Anruf' }).click();
  const clientChoice = page.getByRole('combobox', { name: 'Auftraggeber' });
  await expect(clientChoice.getByRole('option', { name: DEMO_LAW_FIRM.name })).toHaveCount(1);
  await portal.stop();
  const marker = `Offline-Notiz ${Date.now()}`;
  await clientChoice.selectOption({ label: DEMO_LAW_FIRM.name });
  await page.getByRole('button', { name: 'Notiz beginnen' }).click();
  await page.getByLabel('Ergebnis').selectOption('message-taken');
  await page.getByLabel('Anliegen').fill(marker);
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByTestId('note-saved')).toBeVisible();
  await expect(page.locator('[data-status="queued"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 20_000 });

  await portal.start();
  await expect(page.locator('[data-status="delivered"]')).toHaveCount(1, { timeout: 40_000 });
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  const notes = await portalNotes(portal.url, DEMO_LAW_FIRM.id);
  expect(notes.filter((note) => note.concern === marker)).toHaveLength(1);
  await expect.poll(() => smtp.messages.length, { timeout: 20_000 }).toBe(1);
  expect(mailText(smtp.messages[0]!.raw)).toContain(marker);
  expect(smtp.messages[0]!.to).toEqual(DEMO_LAW_FIRM.delivery.emailAddresses);
});

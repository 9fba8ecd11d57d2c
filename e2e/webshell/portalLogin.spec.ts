/**
 * Login against the portal the desk runs itself (no portal URL set, as after `npm start`):
 * first-run account with demo data, the session surviving a host restart, logout wiping the
 * desk's local data.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './deskFixture';

interface PageIndexedDatabase {
  indexedDB: { databases(): Promise<{ name: string }[]> };
}

const databaseNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () =>
    (await (globalThis as unknown as PageIndexedDatabase).indexedDB.databases()).map(
      (database) => database.name,
    ),
  );

const ADMIN = { userName: 'empfang.admin', password: 'ein sehr langes Passwort' };

test('first run, session across a restart, logout wipes local data', async ({ desk }) => {
  test.skip(
    desk.shell !== 'web',
    'the first-run flow is the same in Electron; run in the web shell',
  );
  let page = desk.page;
  await expect(page.getByRole('heading', { name: 'Ersteinrichtung' })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByLabel('Benutzername').fill(ADMIN.userName);
  await page.getByLabel('Angezeigter Name').fill('Erika Empfang');
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Passwort wiederholen').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Zugang anlegen und anmelden' }).click();
  await expect(page.getByText('Angemeldet als Erika Empfang (Administration)')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(/Portal:\s*angemeldet/);

  // A note draft creates the notes database; logout must remove it again.
  await page.getByRole('button', { name: 'Notiz ohne Anruf' }).click();
  await page.getByRole('combobox', { name: 'Auftraggeber' }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Notiz beginnen' }).click();
  await page.getByLabel('Ergebnis').selectOption('spam');
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByTestId('note-saved')).toBeVisible();
  await expect(page.locator('[data-status="sent"]')).toHaveCount(1);

  await desk.restart();
  page = desk.page;
  await expect(page.getByText('Angemeldet als Erika Empfang (Administration)')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[data-status="sent"]')).toHaveCount(1);
  const before = await databaseNames(page);
  expect(before).toContain('empfang-notes');

  // Logout wipes the local databases, then reloads the window (nothing stays in memory).
  const reloaded = page.waitForEvent('load', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await reloaded;
  await expect(page.getByRole('heading', { name: 'Anmeldung' })).toBeVisible({ timeout: 20_000 });
  const after = await databaseNames(page);
  expect(after).not.toContain('empfang-notes');
  await page.getByLabel('Benutzername').fill(ADMIN.userName);
  await page.getByLabel('Passwort', { exact: true }).fill('falsches Passwort');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText('Benutzername oder Passwort ist falsch.')).toBeVisible();
});

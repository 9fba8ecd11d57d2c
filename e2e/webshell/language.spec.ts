import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './deskFixture';

/** The language the host has saved; the page switches before the host's write completes. */
async function savedLanguage(dataDirectory: string): Promise<string | undefined> {
  try {
    const settings = JSON.parse(await readFile(join(dataDirectory, 'settings.json'), 'utf8'));
    return settings.language;
  } catch {
    return undefined;
  }
}

test('the language switches de ⇄ en at run time and persists', async ({ desk }) => {
  let { page } = desk;
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('navigation', { name: 'Arbeitsbereiche' })).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('contentinfo', { name: 'Connection status' })).toContainText(
    'Service: connected',
  );
  await expect.poll(() => savedLanguage(desk.dataDirectory)).toBe('en');

  await desk.restart();
  page = desk.page;
  await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  // And back through the settings form's own control.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.getByRole('navigation', { name: 'Arbeitsbereiche' })).toBeVisible();
  await expect.poll(() => savedLanguage(desk.dataDirectory)).toBe('de');
  await desk.restart();
  await expect(desk.page.getByRole('navigation', { name: 'Arbeitsbereiche' })).toBeVisible();
});

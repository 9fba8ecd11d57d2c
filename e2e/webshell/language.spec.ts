import { expect, test } from './deskFixture';

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

  await desk.restart();
  page = desk.page;
  await expect(page.getByRole('navigation', { name: 'Work areas' })).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  // And back through the settings form's own control.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.getByRole('navigation', { name: 'Arbeitsbereiche' })).toBeVisible();
  await desk.restart();
  await expect(desk.page.getByRole('navigation', { name: 'Arbeitsbereiche' })).toBeVisible();
});

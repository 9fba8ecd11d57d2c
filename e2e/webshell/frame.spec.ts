import { expect, test } from './deskFixture';
import type { PageGlobals } from './pageGlobals';

const AREAS = [
  'Anrufe',
  'Verlauf',
  'Verzeichnis',
  'Überwachung',
  'Einstellungen',
  'Bot-Gespräche',
  'Bot-Schalter',
  'Auskunft & Löschung',
];

test('the desk loads and shows the frame', async ({ desk }) => {
  const { page } = desk;
  await expect(page).toHaveTitle('Empfang');
  const navigation = page.getByRole('navigation', { name: 'Arbeitsbereiche' });
  await expect(navigation.getByRole('button')).toHaveText(AREAS.map((area) => new RegExp(area)));
  await expect(page.getByRole('heading', { level: 1, name: 'Anrufe' })).toBeVisible();
  const status = page.getByRole('contentinfo', { name: 'Verbindungsstatus' });
  await expect(status).toContainText('Dienst: verbunden');
  await expect(status).toContainText('Telefonie:');
  await expect(status).toContainText('Portal:');
  // The token left the address bar once it was read.
  expect(new URL(page.url()).hash).toBe('');
});

test('keyboard: skip link, Alt+digit, arrow keys and the shortcut help', async ({ desk }) => {
  const { page } = desk;
  // From a freshly loaded document (nothing focused) the first Tab must reach the skip link,
  // whatever the work area shows (e.g. the first-run form).
  await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    (document.activeElement as { blur?: () => void } | null)?.blur?.();
  });
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skipLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Verlauf' })).toBeFocused();
  await expect(page.getByRole('button', { name: /Verlauf/ })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Arrow keys move through the navigation; Enter opens the focused area.
  await page.getByRole('button', { name: /Verlauf/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Überwachung/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('section.area:not([hidden])')).toContainText(
    'Für diesen Bereich ist die Rolle Supervisor oder Schichtleitung erforderlich.',
  );

  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Tastenkürzel' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Schließen' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');

  // A visible focus ring: the focused element has a non-zero outline.
  await page.getByRole('button', { name: /Einstellungen/ }).focus();
  await page.keyboard.press('ArrowUp');
  const outline = await page.evaluate(() => {
    const scope = globalThis as unknown as PageGlobals;
    return scope.getComputedStyle(scope.document.activeElement).outlineWidth;
  });
  expect(parseFloat(outline)).toBeGreaterThan(0);
});

test('a lost host connection shows a banner', async ({ desk }) => {
  test.skip(desk.shell !== 'web', 'Only the web shell can lose its host while the page lives');
  await desk.host!.stop();
  await expect(page(desk).getByRole('alert')).toContainText(
    'Verbindung zum Empfang-Dienst verloren.',
  );
  await expect(page(desk).getByRole('contentinfo', { name: 'Verbindungsstatus' })).toContainText(
    'Dienst: getrennt',
  );
});

const page = (desk: { page: import('@playwright/test').Page }) => desk.page;

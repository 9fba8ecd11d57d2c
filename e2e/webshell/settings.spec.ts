import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './deskFixture';

test('a settings change persists across a host restart', async ({ desk }) => {
  let { page } = desk;
  await page.keyboard.press('Alt+5');
  await page.getByLabel('SIP-Adresse').fill('sip:1001@pbx.example.org');
  await page.getByLabel('WebSocket-Server').fill('wss://pbx.example.org:8089/ws');
  await page.getByLabel('Portal-Adresse').fill('https://portal.example.org');
  await page.getByLabel('Farbschema').selectOption('dark');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();

  await desk.restart();
  page = desk.page;
  await page.keyboard.press('Alt+5');
  await expect(page.getByLabel('SIP-Adresse')).toHaveValue('sip:1001@pbx.example.org');
  await expect(page.getByLabel('WebSocket-Server')).toHaveValue('wss://pbx.example.org:8089/ws');
  await expect(page.getByLabel('Portal-Adresse')).toHaveValue('https://portal.example.org');
  await expect(page.getByLabel('Farbschema')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('invalid settings show field errors and nothing is saved', async ({ desk }) => {
  let { page } = desk;
  await page.keyboard.press('Alt+5');
  await page.getByLabel('Portal-Adresse').fill('https://saved-before.example.org');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();

  await page.getByLabel('SIP-Adresse').fill('sip:no-host');
  await page.getByLabel('Anmeldename').fill('1001');
  await page.getByLabel('Portal-Adresse').fill('ftp://portal.example.org');
  await page.getByLabel('STUN-/TURN-Server').fill('stun:ok.example.org\nhttp://wrong.example.org');
  await page.getByRole('button', { name: 'Speichern' }).click();

  const alert = page.getByTestId('settings-not-saved');
  await expect(alert).toContainText('Nicht gespeichert.');
  const expectations: [string, string][] = [
    ['SIP-Adresse', 'sip:benutzer@server'],
    ['WebSocket-Server', 'ist ein WebSocket-Server nötig'],
    ['SIP-Passwort', 'Mit Anmeldename ist ein Passwort nötig.'],
    ['Portal-Adresse', 'https:// oder http://'],
    ['STUN-/TURN-Server', 'stun:, turn: oder turns:'],
  ];
  for (const [label, message] of expectations) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(new RegExp(escape(message)));
  }

  // Nothing reached the settings file, and a restart shows the last saved values.
  if (desk.shell === 'web') {
    const file = await readFile(join(desk.dataDirectory, 'settings.json'), 'utf8');
    expect(file).toContain('https://saved-before.example.org');
    expect(file).not.toContain('no-host');
    expect(file).not.toContain('ftp://');
  }
  await desk.restart();
  page = desk.page;
  await page.keyboard.press('Alt+5');
  await expect(page.getByLabel('Portal-Adresse')).toHaveValue('https://saved-before.example.org');
  await expect(page.getByLabel('SIP-Adresse')).toHaveValue('');
  await expect(page.getByLabel('Anmeldename')).toHaveValue('');
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

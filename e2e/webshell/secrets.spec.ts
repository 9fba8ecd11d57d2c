import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './deskFixture';
import type { PageGlobals, PageRequest } from './pageGlobals';

const SECRETS = {
  'SIP-Passwort': `sip-canary-${Date.now()}-Pw`,
  'Deepgram-Schlüssel': `dg-canary-${Date.now()}-Key`,
  'API-Schlüssel (OpenAI-kompatibel)': `sk-canary-${Date.now()}-Key`,
};

/** Everything the page can see: DOM (with input values), web storage and every IndexedDB row. */
async function pageVisibleText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const scope = globalThis as unknown as PageGlobals;
    const parts = [scope.document.documentElement.outerHTML];
    for (const input of Array.from(scope.document.querySelectorAll('input, textarea, select'))) {
      parts.push(input.value);
    }
    for (const storage of [scope.localStorage, scope.sessionStorage]) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index)!;
        parts.push(key, storage.getItem(key) ?? '');
      }
    }
    const decoder = new scope.TextDecoder();
    const text = (value: unknown): string =>
      JSON.stringify(value, (_key, item: unknown) =>
        ArrayBuffer.isView(item) ? decoder.decode(item) : item,
      );
    const settle = <T>(request: PageRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    for (const info of await scope.indexedDB.databases()) {
      const database = await settle(scope.indexedDB.open(info.name!));
      for (const store of Array.from(database.objectStoreNames)) {
        parts.push(text(await settle(database.transaction(store).objectStore(store).getAll())));
      }
      database.close();
    }
    return parts.join('\n');
  });
}

test('secrets set in the UI never reach the page', async ({ desk }) => {
  test.skip(desk.shell !== 'web', 'Frames are inspected on the web shell socket');
  const { page } = desk;
  const received: Buffer[] = [];
  const sent: Buffer[] = [];
  const frame = (payload: string | Buffer): Buffer =>
    typeof payload === 'string' ? Buffer.from(payload) : payload;
  const watch = (socket: import('@playwright/test').WebSocket): void => {
    socket.on('framereceived', ({ payload }) => received.push(frame(payload)));
    socket.on('framesent', ({ payload }) => sent.push(frame(payload)));
  };
  page.on('websocket', watch);
  // Reload so the RPC socket opens while we listen, and every frame from the host is seen.
  await page.reload();
  await expect(page.getByTestId('app-frame')).toBeVisible();

  await page.keyboard.press('Alt+5');
  await page.getByLabel('Anmeldename').fill('1001');
  for (const [label, secret] of Object.entries(SECRETS)) {
    await page.getByLabel(label, { exact: true }).fill(secret);
  }
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  for (const label of Object.keys(SECRETS)) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
  }
  await expect(page.locator('[data-secret-state="secrets.sipPassword"]')).toHaveText('Gespeichert');

  // The secrets were really sent and stored, so finding none below means something.
  const stored = await readFile(join(desk.dataDirectory, 'secrets.json'), 'utf8');
  for (const secret of Object.values(SECRETS)) {
    expect(sent.some((payload) => payload.includes(secret))).toBe(true);
    expect(Buffer.from(stored, 'utf8').toString()).toContain(
      Buffer.from(secret).toString('base64'),
    );
  }
  expect(received.length).toBeGreaterThan(3);

  // Reload too: a fresh page asks the host for the settings again.
  await page.reload();
  await expect(page.getByTestId('app-frame')).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(page.locator('[data-secret-state="secrets.deepgramApiKey"]')).toHaveText(
    'Gespeichert',
  );

  const visible = await pageVisibleText(page);
  for (const secret of Object.values(SECRETS)) {
    expect(visible.includes(secret), `${secret} in the page`).toBe(false);
    const hits = received.filter((payload) => payload.includes(secret));
    expect(hits.length, `${secret} in frames from the host`).toBe(0);
  }
});

import { expect, test } from './deskFixture';

test.describe('a missing or bad token shows a clear error page', () => {
  test.beforeEach(({ desk }) => {
    test.skip(desk.shell !== 'web', 'Tokens exist only in the web shell');
  });

  test('without a token', async ({ desk, browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(desk.host!.origin + '/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kein Zugangsschlüssel');
    await expect(page.locator('main')).toHaveAttribute('data-failure', 'missing-token');
    await expect(page.getByText('npm start')).toBeVisible();
    await expect(page.getByTestId('app-frame')).toHaveCount(0);
    await context.close();
  });

  test('with a wrong token, in both languages', async ({ desk, browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${desk.host!.origin}/#token=${'x'.repeat(desk.host!.token.length)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Dieser Link ist nicht mehr gültig',
    );
    await expect(page.getByText(/npm start/)).toBeVisible();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This link is no longer valid',
    );
    await expect(page.getByText('Open the link that “npm start” printed')).toBeVisible();
    await context.close();
  });

  test('with the link of an earlier start', async ({ desk, browser }) => {
    const oldUrl = desk.host!.url;
    await desk.restart();
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(oldUrl.replace(new URL(oldUrl).origin, desk.host!.origin));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Dieser Link ist nicht mehr gültig',
    );
    await context.close();
  });
});

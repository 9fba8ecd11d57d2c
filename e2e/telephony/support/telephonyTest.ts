/**
 * The `test` of every telephony spec: Playwright's, plus an automatic check that no desk page
 * threw an uncaught error (`pageerror`) during the test. An uncaught error in the call path is
 * a defect even when the screen looks fine (issue 15: "Invalid state transition" 32 s after a
 * BYE that crossed the ACK), so the test fails and names the error.
 *
 * Pages are watched through their browser context: `launchTelephonyBrowser` watches every
 * context it creates; a spec that uses another browser calls `watchPageErrors(context)`.
 */
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';

const uncaught: string[] = [];

function watchPage(page: Page): void {
  page.on('pageerror', (error) => {
    uncaught.push(`${page.url()}: ${error.name}: ${error.message}`);
  });
}

/** Records uncaught errors of every page of `context` (present and future) for the check. */
export function watchPageErrors(context: BrowserContext): BrowserContext {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  return context;
}

export const test = base.extend<{ failOnPageErrors: undefined }>({
  failOnPageErrors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring form
    async ({}, use) => {
      uncaught.length = 0;
      await use(undefined);
      const errors = uncaught.splice(0);
      expect(errors, 'uncaught errors in desk pages').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

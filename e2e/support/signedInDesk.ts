/**
 * One more desk (own web shell host, own data folder, own browser context) signed in to a
 * portal the spec controls as the given user, for specs with several desks at once (a
 * supervisor and agents, a shift lead and an agent). Its cleanups go on the caller's list.
 */
import type { Browser, Page } from '@playwright/test';
import { logIn, openDesk, writeDeskSettings } from './portalDesk';
import { createDataDirectory, removeDataDirectory, startWebShell } from './webShell';

export async function openSignedInDesk(
  browser: Browser,
  portalUrl: string,
  user: { userName: string; password: string },
  cleanups: (() => Promise<void>)[],
): Promise<Page> {
  const dataDirectory = await createDataDirectory();
  cleanups.push(() => removeDataDirectory(dataDirectory));
  await writeDeskSettings(dataDirectory, { portalUrl });
  const host = await startWebShell({ dataDirectory });
  cleanups.push(() => host.stop());
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1366, height: 768 },
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await openDesk(page, host.url);
  await logIn(page, user);
  return page;
}

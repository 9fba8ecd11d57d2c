/**
 * A logged-in web shell desk against a portal the caller controls (demo clients, one agent
 * assigned to all of them), in a given language, theme and window size; optionally with hybrid
 * reception (bots, offers) and SIP settings (the lab). For the directory, accessibility and
 * screenshot runs, which need the same desk in several looks.
 */
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import type { PortalOptions } from '../../src/portal/portalOptions';
import type { SettingsValues } from '../../src/shared/contract/services/settingsService';
import {
  AGENT,
  openDesk,
  startControlledPortal,
  writeDeskSettings,
  type ControlledPortal,
} from './portalDesk';
import { connectHostClient, expectOk } from '../telephony/support/hostClient';
import {
  createDataDirectory,
  removeDataDirectory,
  startWebShell,
  type WebShellHost,
} from './webShell';

export interface PortalWebDesk {
  page: Page;
  portal: ControlledPortal;
  host: WebShellHost;
  close(): Promise<void>;
}

export interface PortalWebDeskOptions {
  language?: 'de' | 'en';
  theme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  hybrid?: PortalOptions['hybrid'];
  agentSipUser?: string;
  sip?: SettingsValues['sip'];
  /** A Deepgram-protocol server for the desk's live transcription (a local fake in the lab). */
  deepgramUrl?: string;
  /** Stop at the login screen (to look at it) instead of logging in. */
  stayLoggedOut?: boolean;
}

export async function openPortalWebDesk(
  browser: Browser,
  options: PortalWebDeskOptions = {},
): Promise<PortalWebDesk> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
  };
  try {
    const dataDirectory = await createDataDirectory();
    cleanups.unshift(() => removeDataDirectory(dataDirectory));
    const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'), {
      ...(options.hybrid ? { hybrid: options.hybrid } : {}),
      ...(options.agentSipUser ? { agentSipUser: options.agentSipUser } : {}),
    });
    cleanups.unshift(() => portal.stop());
    const language = options.language ?? 'de';
    await writeDeskSettings(dataDirectory, {
      portalUrl: portal.url,
      language,
      theme: options.theme ?? 'light',
      ...(options.sip ? { sip: options.sip } : {}),
    });
    const host = await startWebShell({ dataDirectory });
    cleanups.unshift(() => host.stop());
    if (options.deepgramUrl) await useDeepgram(host, options.deepgramUrl);
    const context = await browser.newContext({
      locale: language === 'en' ? 'en-GB' : 'de-DE',
      viewport: options.viewport ?? { width: 1366, height: 768 },
      colorScheme: options.theme ?? 'light',
    });
    cleanups.unshift(() => context.close());
    const page = await context.newPage();
    await openDesk(page, host.url);
    if (options.stayLoggedOut) return { page, portal, host, close };
    const english = language === 'en';
    await page.getByLabel(english ? 'User name' : 'Benutzername').fill(AGENT.userName);
    await page.getByLabel(english ? 'Password' : 'Passwort', { exact: true }).fill(AGENT.password);
    await page.getByRole('button', { name: english ? 'Log in' : 'Anmelden' }).click();
    await expect(page.getByText(english ? /Logged in as/ : /Angemeldet als/)).toBeVisible({
      timeout: 20_000,
    });
    return { page, portal, host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Points the desk's transcription at `url`, through the contract (the key is a secret). */
async function useDeepgram(host: WebShellHost, url: string): Promise<void> {
  const connection = await connectHostClient(host);
  try {
    expectOk(
      await connection.client.settings.update({
        values: { providers: { deepgramBaseUrl: url, deepgramLanguage: 'de' } },
        secrets: { deepgramApiKey: 'lab' },
      }),
    );
  } finally {
    connection.close();
  }
}

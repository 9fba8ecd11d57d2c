/**
 * The reception desk of the portal specs in the lab: a real portal the test controls (demo
 * clients, one agent; optional SMTP), a web shell host whose settings point at it and at the
 * lab's SIP server as the reception user 1001, and a page logged in, registered and available.
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { SmtpSettings } from '../../../src/portal/portalOptions';
import { LAB_RECEPTION_USER, LAB_SIP_DOMAIN, LAB_WS_URL } from '../../support/lab';
import {
  logIn,
  openDesk,
  startControlledPortal,
  writeDeskSettings,
  type ControlledPortal,
} from '../../support/portalDesk';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../../support/webShell';
import { expectRegistered, setAvailable } from './agentDesk';

export interface ReceptionDesk {
  page: Page;
  portal: ControlledPortal;
  close(): Promise<void>;
}

export async function openReceptionDesk(
  browser: Browser,
  options: {
    smtp?: SmtpSettings;
    viewport?: { width: number; height: number };
    locale?: 'de-DE' | 'en-GB';
  } = {},
): Promise<ReceptionDesk> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
  };
  try {
    const dataDirectory = await createDataDirectory();
    cleanups.unshift(() => removeDataDirectory(dataDirectory));
    const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'), {
      ...(options.smtp ? { smtp: options.smtp } : {}),
    });
    cleanups.unshift(() => portal.stop());
    await writeDeskSettings(dataDirectory, {
      portalUrl: portal.url,
      sip: {
        uri: `sip:${LAB_RECEPTION_USER}@${LAB_SIP_DOMAIN}`,
        webSocketServer: LAB_WS_URL,
        authorizationUser: LAB_RECEPTION_USER,
        displayName: 'Empfang',
        iceServers: [],
      },
    });
    const host = await startWebShell({ dataDirectory });
    cleanups.unshift(() => host.stop());
    const context = await browser.newContext({
      locale: options.locale ?? 'de-DE',
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    cleanups.unshift(() => context.close());
    const page = await context.newPage();
    // Caller data must never run as script: any dialog fails the spec.
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    await openDesk(page, host.url);
    await logIn(page);
    await expectRegistered(page, 20_000);
    await setAvailable(page);
    return { page, portal, close };
  } catch (error) {
    await close();
    throw error;
  }
}

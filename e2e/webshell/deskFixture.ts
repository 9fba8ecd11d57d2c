/**
 * The `desk` fixture: the Empfang desk under test, in the web shell (a host process plus headless
 * Chromium) or in Electron (through e2e/support/electronDesk.ts), so the same specs run in both.
 *
 * The Electron helper is expected to export
 *   launchElectronDesk({ dataDirectory }) → { skipReason } | { page, close(), restart?() }.
 * Until it exists, or when it reports a skip reason, Electron tests are skipped with that reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import {
  createDataDirectory,
  removeDataDirectory,
  startWebShell,
  REPOSITORY_ROOT,
  type WebShellHost,
} from '../support/webShell';

export type DeskShell = 'web' | 'electron';

export interface DeskOptions {
  deskShell: DeskShell;
}

export interface Desk {
  shell: DeskShell;
  page: Page;
  dataDirectory: string;
  /** The web shell host (undefined in Electron). */
  host: WebShellHost | undefined;
  /** Stops and starts the host (or app) with the same data folder and opens the desk again. */
  restart(): Promise<void>;
}

const ELECTRON_HELPER = join(REPOSITORY_ROOT, 'e2e', 'support', 'electronDesk.ts');
export const NO_ELECTRON = 'Electron runtime not available on this machine';

interface ElectronDeskHandle {
  page: Page;
  close(): Promise<void>;
  restart?(): Promise<Page>;
}

/** Waits until the frame has rendered (the marker the measurement script also uses). */
export async function waitForFrame(page: Page): Promise<void> {
  await expect(page.getByTestId('app-frame')).toBeVisible();
}

export const test = base.extend<DeskOptions & { desk: Desk }>({
  deskShell: ['web', { option: true }],
  desk: async ({ deskShell, browser }, use, testInfo) => {
    const dataDirectory = await createDataDirectory();
    try {
      if (deskShell === 'electron') {
        await useElectronDesk(dataDirectory, use, testInfo.skip.bind(testInfo));
        return;
      }
      let host = await startWebShell({ dataDirectory });
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      const open = async (): Promise<void> => {
        // A fresh document load, so the page reads the new token from the fragment.
        await page.goto('about:blank');
        await page.goto(host.url);
        await waitForFrame(page);
      };
      await open();
      await use({
        shell: 'web',
        page,
        dataDirectory,
        get host() {
          return host;
        },
        restart: async () => {
          await host.stop();
          host = await startWebShell({ dataDirectory });
          await open();
        },
      });
      await context.close();
      await host.stop();
    } finally {
      await removeDataDirectory(dataDirectory);
    }
  },
});

async function useElectronDesk(
  dataDirectory: string,
  use: (desk: Desk) => Promise<void>,
  skip: (condition: boolean, reason: string) => void,
): Promise<void> {
  if (!existsSync(ELECTRON_HELPER)) {
    skip(true, NO_ELECTRON);
    return;
  }
  // A path in a variable: the helper is written by another engineer and may not exist yet.
  const helperPath: string = ELECTRON_HELPER;
  const helper = (await import(helperPath)) as {
    launchElectronDesk(options: {
      dataDirectory: string;
    }): Promise<{ skipReason: string } | ElectronDeskHandle>;
  };
  let handle = await helper.launchElectronDesk({ dataDirectory });
  if ('skipReason' in handle) {
    skip(true, handle.skipReason || NO_ELECTRON);
    return;
  }
  let current: ElectronDeskHandle = handle;
  const desk: Desk = {
    shell: 'electron',
    page: current.page,
    dataDirectory,
    host: undefined,
    restart: async () => {
      await current.close();
      handle = await helper.launchElectronDesk({ dataDirectory });
      if ('skipReason' in handle) throw new Error(handle.skipReason);
      current = handle;
      desk.page = current.page;
      await waitForFrame(desk.page);
    },
  };
  await waitForFrame(desk.page);
  try {
    await use(desk);
  } finally {
    await current.close();
  }
}

export { expect };

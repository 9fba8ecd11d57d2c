/**
 * The set-up every multi-desk telephony spec shares: one Chromium with the lab's fake tone as
 * microphone for the whole file, desks opened through `desk(user)`, and every desk closed after
 * each test (after the spec's own clean-up, e.g. restoring the network or stopping SIPp).
 */
import type { Browser } from '@playwright/test';
import { test } from './telephonyTest';
import { generateLabAudio } from '../../support/lab';
import {
  closeAll,
  launchTelephonyBrowser,
  openAgentDesk,
  type AgentDesk,
  type AgentDeskOptions,
} from './agentDesk';

export interface AgentDeskSuite {
  /** The file's browser (available from the first test on). */
  browser(): Browser;
  /** Opens a desk for the lab user; it is closed after the test. */
  desk(user: string, options?: AgentDeskOptions): Promise<AgentDesk>;
  /** Desks opened elsewhere, to be closed after the test as well. */
  track(...desks: AgentDesk[]): void;
}

export function agentDeskSuite(
  options: { beforeClose?: () => Promise<unknown> } = {},
): AgentDeskSuite {
  let browser: Browser | undefined;
  const desks: AgentDesk[] = [];
  test.beforeAll(async () => {
    browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);
  });
  test.afterEach(async () => {
    await options.beforeClose?.().catch(() => undefined);
    await closeAll(desks.splice(0));
  });
  test.afterAll(async () => {
    await browser?.close();
  });
  const current = (): Browser => {
    if (!browser) throw new Error('The telephony browser starts in beforeAll');
    return browser;
  };
  return {
    browser: current,
    desk: async (user, deskOptions) => {
      const opened = await openAgentDesk(current(), user, deskOptions);
      desks.push(opened);
      return opened;
    },
    track: (...opened) => desks.push(...opened),
  };
}

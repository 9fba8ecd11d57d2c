/**
 * Agent desks for telephony specs: a web shell host per agent (own data folder, so own settings
 * and portal account), SIP settings and the first portal account set through the contract, and
 * a page in a shared Chromium (fake microphone playing the lab's tone; autoplay allowed) with
 * the page probe injected. The desk is ready when the softphone shows "registered".
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../../../playwright.config';
import { findLabUser, LAB_SIP_DOMAIN, LAB_WS_URL } from '../../support/lab';
import {
  createDataDirectory,
  removeDataDirectory,
  startWebShell,
  type WebShellHost,
} from '../../support/webShell';
import { connectHostClient, expectOk, type HostClient } from './hostClient';
import { PAGE_PROBE_SCRIPT } from './pageProbe';
import { watchPageErrors } from './telephonyTest';

export interface AgentDesk {
  user: string;
  host: WebShellHost;
  hostClient: HostClient;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface AgentDeskOptions {
  /** SIP password sent to the host (it keeps it; the page only gets HA1). Default: none. */
  password?: string;
  /** Wait for "registered" and set the agent available (default true). */
  ready?: boolean;
  /** SIP WebSocket server (default the lab's ws port; `LAB_WS_SECOND_URL` to cut it alone). */
  webSocketServer?: string;
}

/** One Chromium for all desks of a test: fake devices, loopback WebRTC, autoplay. */
export async function launchTelephonyBrowser(fakeAudioFile: string): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: [
      ...CHROMIUM_ARGUMENTS,
      `--use-file-for-fake-audio-capture=${fakeAudioFile}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  // Every desk page of this browser fails its test on an uncaught error (telephonyTest.ts).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchPageErrors(await newContext(options));
  return browser;
}

const PORTAL_PASSWORD = 'lab-portal-password-1';

export async function openAgentDesk(
  browser: Browser,
  user: string,
  options: AgentDeskOptions = {},
): Promise<AgentDesk> {
  const dataDirectory = await createDataDirectory();
  const host = await startWebShell({ dataDirectory });
  const hostClient = await connectHostClient(host);
  const { client } = hostClient;
  expectOk(
    await client.settings.update({
      values: {
        language: 'de',
        sip: {
          uri: `sip:${user}@${LAB_SIP_DOMAIN}`,
          webSocketServer: options.webSocketServer ?? LAB_WS_URL,
          authorizationUser: '',
          displayName: `Agent ${user}`,
          iceServers: [],
        },
      },
      // MessagePack turns `undefined` into null, which the schema refuses: omit the key.
      ...(options.password === undefined ? {} : { secrets: { sipPassword: options.password } }),
    }),
  );
  const session = expectOk(await client.portal.getSession());
  if (session.firstRun?.needsAccount) {
    expectOk(
      await client.portal.createFirstAccount({
        userName: `agent${user}`,
        displayName: `Agent ${user}`,
        password: PORTAL_PASSWORD,
        loadDemoData: true,
      }),
    );
  }
  const context = await browser.newContext({ locale: 'de-DE' });
  await context.addInitScript(PAGE_PROBE_SCRIPT);
  const page = await context.newPage();
  // A script in the page must never run from caller data: any dialog fails the spec.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog in desk ${user}: ${dialog.message()}`);
  });
  logPageConsole(page, user);
  await page.goto(host.url);
  const desk: AgentDesk = {
    user,
    host,
    hostClient,
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      hostClient.close();
      await host.stop();
      await removeDataDirectory(dataDirectory);
    },
  };
  if (options.ready !== false) {
    await expectRegistered(page);
    await setAvailable(page);
  }
  return desk;
}

/**
 * With EMPFANG_E2E_PAGE_LOG_DIR set, every console line of the desk page goes to
 * `<dir>/<user>.log` with a millisecond timestamp: with a renderer built with
 * VITE_EMPFANG_SIP_TRACE=1 that is the desk's SIP trace, the evidence for a flaky call test.
 */
function logPageConsole(page: Page, user: string): void {
  const directory = process.env.EMPFANG_E2E_PAGE_LOG_DIR;
  if (!directory) return;
  mkdirSync(directory, { recursive: true });
  page.on('console', (message) => {
    appendFileSync(join(directory, `${user}.log`), `${Date.now()} ${message.text()}\n`);
  });
}

export function registration(page: Page) {
  return page.getByTestId('softphone-registration');
}

export async function expectRegistered(page: Page, timeout = 15_000): Promise<void> {
  await expect(registration(page)).toHaveAttribute('data-health', 'registered', { timeout });
}

export async function setAvailable(page: Page): Promise<void> {
  await page.locator('[data-presence-choice="available"]').click();
  await expect(page.getByTestId('softphone-presence')).toHaveAttribute(
    'data-presence',
    'available',
  );
}

/** The password of a lab user (lab-only, public). */
export function labPassword(user: string): string {
  return findLabUser(user).password;
}

export function incomingCard(page: Page) {
  return page.getByTestId('softphone-incoming');
}

export function callCards(page: Page) {
  return page.getByTestId('softphone-call');
}

/** The call card of the leg in `state` (exactly one expected). */
export function callIn(page: Page, state: string) {
  return page.locator(`[data-testid="softphone-call"][data-call-state="${state}"]`);
}

export async function dial(page: Page, target: string): Promise<void> {
  await page.getByTestId('softphone-dial-input').fill(target);
  await page.locator('[data-action="dial"]').click();
}

export async function answer(page: Page): Promise<void> {
  await incomingCard(page).first().locator('[data-action="answer"]').click();
}

export async function closeAll(desks: (AgentDesk | undefined)[]): Promise<void> {
  await Promise.all(desks.map((desk) => desk?.close()));
}

/**
 * End-to-end tests in headless Debian Chromium (Playwright cannot download browsers here).
 *
 * Projects:
 * - webshell: e2e/webshell/** against the web shell host (always runs);
 * - electron: the same specs against the Electron app (skipped with a reason without a runtime);
 * - telephony: e2e/telephony/** against the local SIP lab, only with EMPFANG_LAB=1.
 *
 * Results: the list reporter on the console and JSON in test-results/playwright.json (or the
 * file named by PLAYWRIGHT_JSON_OUTPUT_NAME, which `npm test` sets per suite).
 */
import { defineConfig } from '@playwright/test';
import type { DeskOptions } from './e2e/webshell/deskFixture';

export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGUMENTS = [
  '--no-sandbox',
  // Otherwise Chromium keeps trying the closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  // WebRTC on loopback gets no ICE candidates without it.
  '--allow-loopback-in-peer-connection',
];

const labEnabled = process.env.EMPFANG_LAB === '1';

export default defineConfig<DeskOptions>({
  testDir: 'e2e',
  globalSetup: './e2e/webshell/globalSetup.ts',
  // Two shared cores: one test at a time keeps timings honest and the machine usable.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/playwright-artifacts',
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' },
    ],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGUMENTS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webshell',
      testMatch: 'webshell/**/*.spec.ts',
      use: { deskShell: 'web' },
    },
    {
      name: 'electron',
      testMatch: 'webshell/**/*.spec.ts',
      use: { deskShell: 'electron' },
    },
    {
      name: 'telephony',
      testMatch: 'telephony/**/*.spec.ts',
      // The lab needs Kamailio, rtpengine and a private network namespace: opt-in only.
      testIgnore: labEnabled ? [] : ['**/*'],
    },
  ],
});

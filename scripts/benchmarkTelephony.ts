/**
 * Telephony figures for the softphone in the lab (issue 3), printed as median and p95:
 *
 * - page load → REGISTER 200 OK (performance.now() of the 200 OK received, per fresh load);
 * - click Answer → 200 OK sent (SIPp caller on a client line; the agent clicks Answer);
 * - 200 OK sent → first audio packet received (first unmute of the remote track).
 *
 * Run inside the lab (builds the renderer first when it is stale):
 *   bash lab/run-isolated.sh npx tsx scripts/benchmarkTelephony.ts [runs=20]
 * Timings come from the page probe (e2e/telephony/support/pageProbe.ts), so the figures contain
 * no test-runner overhead. Figures only: this script asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateLabAudio, labSkipReason, LAB_CLIENT_LINE, startCall } from '../e2e/support/lab';
import { REPOSITORY_ROOT } from '../e2e/support/webShell';
import { buildIsCurrent } from '../e2e/webshell/globalSetup';
import { launchTelephonyBrowser, openAgentDesk } from '../e2e/telephony/support/agentDesk';
import { probeEvents, type ProbeEvent } from '../e2e/telephony/support/pageProbe';
import { summarise } from './sampleSummary';

const RUNS = Math.max(1, Number(process.argv[2] ?? process.env.EMPFANG_BENCHMARK_RUNS ?? '20'));

async function waitForEvent(
  page: Page,
  matches: (event: ProbeEvent) => boolean,
  after: number,
  timeoutMilliseconds = 15_000,
): Promise<ProbeEvent> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const found = (await probeEvents(page)).find((event) => event.at >= after && matches(event));
    if (found) return found;
    if (Date.now() > deadline) throw new Error('benchmark: expected page event did not happen');
    await page.waitForTimeout(20);
  }
}

const isRegisterOk = (event: ProbeEvent) =>
  event.type === 'sip-received' && event.method === 'REGISTER' && event.line === 'SIP/2.0 200 OK';

async function main(): Promise<void> {
  const skip = labSkipReason();
  if (skip) {
    console.error(`benchmark: ${skip}`);
    process.exit(2);
  }
  if (!buildIsCurrent()) {
    console.log('building the renderer (electron-vite build) …');
    execFileSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const audio = await generateLabAudio();
  const browser = await launchTelephonyBrowser(audio.toneWav);
  const agent = await openAgentDesk(browser, '1001', { ready: false });
  const page = agent.page;
  const registrations: number[] = [];
  const answers: number[] = [];
  const media: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh document each time: performance.now() counts from its navigation start.
      if (run > 0) await page.reload();
      registrations.push((await waitForEvent(page, isRegisterOk, 0)).at);
    }
    await page.locator('[data-presence-choice="available"]').click();
    await page.locator('[data-presence="available"]').waitFor();
    for (let run = 0; run < RUNS; run += 1) {
      const caller = startCall({ target: LAB_CLIENT_LINE, scenario: 'caller-wait', audio: 'tone' });
      const card = page.getByTestId('softphone-incoming');
      await card.waitFor({ timeout: 15_000 });
      const since = (await probeEvents(page)).at(-1)?.at ?? 0;
      await card.locator('[data-action="answer"]').click();
      const click = await waitForEvent(
        page,
        (e) => e.type === 'click' && e.action === 'answer',
        since,
      );
      const ok = await waitForEvent(
        page,
        (e) => e.type === 'sip-sent' && e.method === 'INVITE' && e.line === 'SIP/2.0 200 OK',
        click.at,
      );
      const firstPacket = await waitForEvent(page, (e) => e.type === 'remote-media', since);
      answers.push(ok.at - click.at);
      media.push(firstPacket.at - ok.at);
      await page.locator('[data-call-state="active"] [data-action="hang-up"]').click();
      const result = await caller.exited;
      if (result.exitCode !== 0) throw new Error(`benchmark: SIPp call ${run + 1} failed`);
      await page
        .locator('[data-testid="softphone-call"]')
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 });
    }
  } finally {
    await agent.close();
    await browser.close();
  }
  const rows = [
    ['page load → REGISTER 200 OK', summarise(registrations)],
    ['click Answer → 200 OK sent', summarise(answers)],
    ['200 OK sent → first audio packet', summarise(media)],
    [
      'click Answer → first audio packet',
      summarise(answers.map((value, index) => value + media[index]!)),
    ],
  ] as const;
  console.log(`\nEmpfang telephony benchmark (lab, ${RUNS} runs each; ms)`);
  console.log(
    'metric'.padEnd(36),
    'median'.padStart(8),
    'p95'.padStart(8),
    'min'.padStart(8),
    'max'.padStart(8),
  );
  for (const [name, figures] of rows) {
    const cell = (value: number) => value.toFixed(0).padStart(8);
    console.log(
      name.padEnd(36),
      cell(figures.median),
      cell(figures.p95),
      cell(figures.min),
      cell(figures.max),
    );
  }
  console.log('target (issue 3): click Answer → audio under 300 ms in the lab');
}

await main();

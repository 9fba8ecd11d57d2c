/**
 * Measures the web shell's cold start and renderer memory, with a blank page served by the same
 * host as the baseline in the same run (ARCHITECTURE.md: benchmarks print figures and ratios).
 *
 *   npx tsx scripts/measureWebShell.ts [--runs 5] [--build]
 *
 * Per run: a fresh host process and data folder, a fresh browser context (empty cache), then
 * - host start → ready: spawning the host until it prints its `ready` line;
 * - host start → first render: until the frame marker (performance mark
 *   `empfang:frame-rendered`, set when the app frame first rendered) — for the baseline, until
 *   the blank page's load event;
 * - JS heap used after a forced garbage collection, and DOM nodes (CDP Performance.getMetrics),
 *   one second after the first render.
 * Chromium itself is launched once before the runs: its start-up is not the app's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../playwright.config';
import {
  REPOSITORY_ROOT,
  removeDataDirectory,
  startWebShell,
  type WebShellHost,
} from '../e2e/support/webShell';

const FRAME_RENDERED_MARK = 'empfang:frame-rendered';
const SETTLE_MILLISECONDS = 1_000;

interface Sample {
  hostReady: number;
  firstRender: number;
  pageToRender: number;
  heapUsedBytes: number;
  domNodes: number;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function prepareRenderer(): string {
  const built = join(REPOSITORY_ROOT, 'out', 'renderer');
  if (process.argv.includes('--build') || !existsSync(join(built, 'index.html'))) {
    execFileSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  // The bundled host, as `npm start` runs it after a build (e2e/support/webShell.ts reads this).
  const bundledHost = join(REPOSITORY_ROOT, 'out', 'main', 'webshell.js');
  if (existsSync(bundledHost)) process.env.EMPFANG_HOST_ENTRY ??= bundledHost;
  // A private copy with one extra file, the baseline: an empty document from the same host.
  const copy = mkdtempSync(join(tmpdir(), 'empfang-measure-'));
  cpSync(built, copy, { recursive: true });
  writeFileSync(
    join(copy, 'blank.html'),
    '<!doctype html><html lang="de"><head><meta charset="UTF-8"><title>blank</title>' +
      '<link rel="icon" href="data:,"></head><body></body></html>',
  );
  return copy;
}

async function measure(browser: Browser, rendererDirectory: string, blank: boolean) {
  const spawned = Date.now();
  let host: WebShellHost | undefined;
  const context = await browser.newContext();
  try {
    host = await startWebShell({ environment: { EMPFANG_RENDERER_DIR: rendererDirectory } });
    const hostReady = Date.now() - spawned;
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    if (blank) {
      await page.goto(`${host.origin}/blank.html`, { waitUntil: 'load' });
    } else {
      await page.goto(host.url);
      await page.getByTestId('app-frame').waitFor();
    }
    const timing = await page.evaluate((mark) => {
      const marks = performance.getEntriesByName(mark);
      // Runs in the page; Node's types do not know the 'navigation' entry type.
      const browserPerformance = performance as unknown as {
        getEntriesByType(type: string): ({ loadEventEnd: number } | undefined)[];
      };
      const navigation = browserPerformance.getEntriesByType('navigation')[0];
      const rendered = marks[0]?.startTime ?? navigation?.loadEventEnd ?? performance.now();
      return { renderedAt: performance.timeOrigin + rendered, sinceNavigation: rendered };
    }, FRAME_RENDERED_MARK);
    await page.waitForTimeout(SETTLE_MILLISECONDS);
    await session.send('HeapProfiler.collectGarbage');
    const { metrics } = await session.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((entry) => entry.name === name)!.value;
    return {
      hostReady,
      firstRender: timing.renderedAt - spawned,
      pageToRender: timing.sinceNavigation,
      heapUsedBytes: metric('JSHeapUsedSize'),
      domNodes: metric('Nodes'),
    } satisfies Sample;
  } finally {
    await context.close();
    if (host) {
      await host.stop();
      await removeDataDirectory(host.dataDirectory);
    }
  }
}

async function main(): Promise<void> {
  const runs = option('runs', 5);
  const rendererDirectory = prepareRenderer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGUMENTS,
    headless: true,
  });
  const samples: Record<'app' | 'blank', Sample[]> = { app: [], blank: [] };
  try {
    // One warm-up of each, not counted: the first tsx start compiles and fills the OS cache.
    await measure(browser, rendererDirectory, false);
    await measure(browser, rendererDirectory, true);
    for (let run = 1; run <= runs; run += 1) {
      // Alternating, so drift on a shared machine affects both sides alike.
      samples.app.push(await measure(browser, rendererDirectory, false));
      samples.blank.push(await measure(browser, rendererDirectory, true));
      console.error(`run ${run}/${runs} done`);
    }
  } finally {
    await browser.close();
    rmSync(rendererDirectory, { recursive: true, force: true });
  }

  const figure = (kind: 'app' | 'blank', key: keyof Sample): number =>
    median(samples[kind].map((sample) => sample[key]));
  const rows: [string, keyof Sample, (value: number) => string][] = [
    ['host start → host ready', 'hostReady', (value) => `${value.toFixed(0)} ms`],
    ['host start → first render', 'firstRender', (value) => `${value.toFixed(0)} ms`],
    ['page load → first render', 'pageToRender', (value) => `${value.toFixed(0)} ms`],
    ['JS heap used (after GC)', 'heapUsedBytes', (value) => `${(value / 1048576).toFixed(2)} MiB`],
    ['DOM nodes', 'domNodes', (value) => value.toFixed(0)],
  ];
  console.log(
    `Empfang web shell, median of ${runs} runs (Chromium ${browser.version()}, headless)`,
  );
  console.log(`${''.padEnd(28)}${'app frame'.padStart(14)}${'blank page'.padStart(14)}   ratio`);
  for (const [label, key, format] of rows) {
    const app = figure('app', key);
    const blank = figure('blank', key);
    console.log(
      `${label.padEnd(28)}${format(app).padStart(14)}${format(blank).padStart(14)}   ${(app / blank).toFixed(2)}×`,
    );
  }
  console.log(
    JSON.stringify({
      event: 'measurement',
      runs,
      median: Object.fromEntries(
        (['app', 'blank'] as const).map((kind) => [
          kind,
          Object.fromEntries(rows.map(([, key]) => [key, Math.round(figure(kind, key))])),
        ]),
      ),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Live-assistance figures (ARCHITECTURE.md: benchmarks print figures, ratios against a baseline
 * in the same run; no timed assertions):
 *  1. renderer cost per transcript update and dropped frames with 1,200 lines at 10 updates/s,
 *     virtualised panel vs a plain list of the same lines;
 *  2. suggestion latency from a final caller line to its card on screen (real host, built-in
 *     retrieval, no model configured: no model time);
 *  3. CPU of the audio pipeline (AudioWorklet capture, 16 kHz framing, frames to the host) over a
 *     fixed window, capture running vs the same audio sources without capture.
 *
 *   npx tsx scripts/benchmarkTranscript.ts [--seconds 10] [--rounds 30] [--repeat 2]
 *
 * Builds the harness page (src/renderer/features/transcript/benchmark/, not part of the app
 * bundle) into a temporary folder, serves it with a web shell host and drives headless Debian
 * Chromium. Everything started here is stopped at the end.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { startWebShell, REPOSITORY_ROOT } from '../e2e/support/webShell';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../playwright.config';

const HARNESS = join(REPOSITORY_ROOT, 'src/renderer/features/transcript/benchmark');
const SEGMENTS = 1200;
const UPDATES_PER_SECOND = 10;
const CLOCK_TICKS_PER_SECOND = 100;

interface RenderResult {
  mode: 'virtual' | 'plain';
  updates: number;
  updateMilliseconds: number[];
  frames: number;
  droppedFrames: number;
  longestFrameMilliseconds: number;
  domNodes: number;
  elapsedMilliseconds: number;
}
interface LatencySample {
  answerMilliseconds: number;
  domMilliseconds: number;
  paintedMilliseconds: number;
}
interface BenchmarkApi {
  renderUpdates(options: object): Promise<RenderResult>;
  suggestionLatency(rounds: number): Promise<LatencySample[]>;
  startSources(): Promise<void>;
  startAudio(): Promise<void>;
  stopAudio(): Promise<{ sentFrames: number; refusedFrames: number; droppedFrames: number }>;
  stopSources(): Promise<void>;
}
/** Page callbacks are serialised: they reach the harness through this cast, not a helper. */
type Scope = { empfangBenchmark: BenchmarkApi };

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '30' },
    repeat: { type: 'string', default: '2' },
  },
});
const SECONDS = Number(options.seconds);
const ROUNDS = Number(options.rounds);
const REPEAT = Number(options.repeat);

function quantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}
const fixed = (value: number, digits = 2) => value.toFixed(digits);

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
async function treeCpuSeconds(rootPid: number): Promise<number> {
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), {
        parent: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  for (const [pid, stat] of stats) {
    for (let current: number | undefined = pid; current; current = stats.get(current)?.parent) {
      if (current === rootPid) {
        ticks += stat.ticks;
        break;
      }
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

async function renderFigures(page: Page, session: CDPSession): Promise<void> {
  const results: Record<string, { result: RenderResult; taskPerUpdate: number }[]> = {
    virtual: [],
    plain: [],
  };
  for (let round = 0; round < REPEAT; round += 1) {
    for (const mode of ['virtual', 'plain'] as const) {
      const before = await metrics(session);
      const result = await page.evaluate(
        (runOptions) => (globalThis as unknown as Scope).empfangBenchmark.renderUpdates(runOptions),
        { mode, segments: SEGMENTS, updatesPerSecond: UPDATES_PER_SECOND, seconds: SECONDS },
      );
      const after = await metrics(session);
      const task = ((after.TaskDuration! - before.TaskDuration!) * 1000) / result.updates;
      results[mode]!.push({ result, taskPerUpdate: task });
    }
  }
  const summary = (mode: string) => {
    const runs = results[mode]!;
    const costs = runs.flatMap((run) => run.result.updateMilliseconds);
    const seconds = runs.reduce((sum, run) => sum + run.result.elapsedMilliseconds, 0) / 1000;
    const dropped = runs.reduce((sum, run) => sum + run.result.droppedFrames, 0);
    const frames = runs.reduce((sum, run) => sum + run.result.frames, 0);
    return {
      median: quantile(costs, 0.5),
      p95: quantile(costs, 0.95),
      max: Math.max(...costs),
      task: quantile(
        runs.map((run) => run.taskPerUpdate),
        0.5,
      ),
      droppedPerMinute: (dropped / seconds) * 60,
      dropped,
      frames,
      longest: Math.max(...runs.map((run) => run.result.longestFrameMilliseconds)),
      nodes: runs[0]!.result.domNodes,
    };
  };
  const virtual = summary('virtual');
  const plain = summary('plain');
  console.log(
    `\n1) Transcript view, ${SEGMENTS} lines, ${UPDATES_PER_SECOND} updates/s, ${REPEAT}×${SECONDS} s per mode`,
  );
  console.log(
    '   mode     | update ms median / p95 / max | main-thread task ms/update | dropped frames (per min) | longest frame ms | DOM nodes',
  );
  for (const [name, figures] of [
    ['virtual', virtual],
    ['plain  ', plain],
  ] as const) {
    console.log(
      `   ${name}  | ${fixed(figures.median)} / ${fixed(figures.p95)} / ${fixed(figures.max)} | ${fixed(figures.task)} | ${figures.dropped} of ${figures.frames} (${fixed(figures.droppedPerMinute, 1)}) | ${fixed(figures.longest, 1)} | ${figures.nodes}`,
    );
  }
  console.log(
    `   ratio plain/virtual: update cost (median) ${fixed(plain.median / virtual.median, 1)}×, main-thread task time ${fixed(plain.task / virtual.task, 1)}×, dropped frames ${virtual.dropped === 0 ? `${plain.dropped} vs 0` : `${fixed(plain.dropped / virtual.dropped, 1)}×`}`,
  );
}

async function suggestionFigures(page: Page): Promise<void> {
  const samples = await page.evaluate(
    (rounds) => (globalThis as unknown as Scope).empfangBenchmark.suggestionLatency(rounds),
    ROUNDS,
  );
  const line = (label: string, values: number[]) =>
    `   ${label}: median ${fixed(quantile(values, 0.5), 1)} ms, p95 ${fixed(quantile(values, 0.95), 1)} ms, max ${fixed(Math.max(...values), 1)} ms`;
  console.log(`\n2) Suggestion latency, ${samples.length} final caller lines over 3 demo clients`);
  console.log(
    line(
      'final line → answer in the store (RPC + host retrieval)',
      samples.map((sample) => sample.answerMilliseconds),
    ),
  );
  console.log(
    line(
      'final line → card in the DOM',
      samples.map((sample) => sample.domMilliseconds),
    ),
  );
  console.log(
    line(
      'final line → card painted',
      samples.map((sample) => sample.paintedMilliseconds),
    ),
  );
}

async function audioFigures(page: Page, session: CDPSession, browserPid: number, hostPid: number) {
  await page.evaluate(() => (globalThis as unknown as Scope).empfangBenchmark.startSources());
  const measure = async () => {
    const before = await metrics(session);
    const browserBefore = await treeCpuSeconds(browserPid);
    const hostBefore = await treeCpuSeconds(hostPid);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const after = await metrics(session);
    return {
      task: ((after.TaskDuration! - before.TaskDuration!) * 1000) / SECONDS,
      browser: ((await treeCpuSeconds(browserPid)) - browserBefore) / SECONDS,
      host: ((await treeCpuSeconds(hostPid)) - hostBefore) / SECONDS,
    };
  };
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = await measure();
  await page.evaluate(() => (globalThis as unknown as Scope).empfangBenchmark.startAudio());
  const capturing = await measure();
  const statistics = await page.evaluate(() =>
    (globalThis as unknown as Scope).empfangBenchmark.stopAudio(),
  );
  await page.evaluate(() => (globalThis as unknown as Scope).empfangBenchmark.stopSources());
  const percent = (share: number) => `${fixed(share * 100, 1)} %`;
  console.log(
    `\n3) Audio pipeline CPU over ${SECONDS} s (caller tone + fake microphone running in both)`,
  );
  console.log(
    `   sources only : page main thread ${fixed(idle.task, 1)} ms/s, all Chromium processes ${percent(idle.browser)} of a core, web shell host ${percent(idle.host)}`,
  );
  console.log(
    `   with capture : page main thread ${fixed(capturing.task, 1)} ms/s, all Chromium processes ${percent(capturing.browser)} of a core, web shell host ${percent(capturing.host)}`,
  );
  console.log(
    `   capture cost : main thread +${fixed(capturing.task - idle.task, 1)} ms/s, Chromium +${percent(capturing.browser - idle.browser)}, host +${percent(capturing.host - idle.host)} of a core`,
  );
  console.log(
    `   frames: ${statistics.sentFrames + statistics.refusedFrames} sent to the host (${fixed((statistics.sentFrames + statistics.refusedFrames) / SECONDS, 1)}/s, refused by the host without a provider: ${statistics.refusedFrames}), dropped in the page: ${statistics.droppedFrames}`,
  );
}

async function main(): Promise<void> {
  const workFolder = await mkdtemp(join(tmpdir(), 'empfang-transcript-benchmark-'));
  const stops: (() => Promise<unknown>)[] = [
    () => rm(workFolder, { recursive: true, force: true }),
  ];
  try {
    const output = join(workFolder, 'page');
    await build({
      configFile: false,
      root: HARNESS,
      base: './',
      logLevel: 'error',
      plugins: [react()],
      build: {
        outDir: output,
        emptyOutDir: true,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 10_000,
      },
    });
    const host = await startWebShell({
      dataDirectory: join(workFolder, 'data'),
      environment: { EMPFANG_RENDERER_DIR: output },
    });
    stops.unshift(() => host.stop());
    const server = await chromium.launchServer({
      executablePath: CHROMIUM_EXECUTABLE,
      headless: true,
      args: [...CHROMIUM_ARGUMENTS, '--autoplay-policy=no-user-gesture-required'],
    });
    stops.unshift(() => server.close());
    const browser = await chromium.connect(server.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(host.url);
    await page.waitForSelector('body[data-benchmark-ready="true"]', { timeout: 30_000 });
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const version = browser.version();
    console.log(
      `Transcript benchmark — Chromium ${version} headless, ${cpus().length} cores, load average ${fixed(loadavg()[0]!, 1)} at start`,
    );
    await renderFigures(page, session);
    await suggestionFigures(page);
    await audioFigures(page, session, server.process().pid!, host.pid);
    console.log(
      `\nload average ${fixed(loadavg()[0]!, 1)} at the end (other work on the machine inflates every figure)`,
    );
    await browser.close();
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

await main();

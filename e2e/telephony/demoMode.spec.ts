/**
 * The demo mode (issue 12, item 3; docs/demo.md) started headless as a person would start it
 * (`node scripts/start.mjs --demo --no-open`), inside the lab's namespace: its caller generator
 * calls a demo client's line, Kamailio asks the demo portal, the lab voicebot answers, the
 * caller asks for a human, and the escalation offer rings at the demo desk (signed in by the
 * demo as demo-agent, SIP 1001). The second desk is signed in as demo-supervisor. SIGTERM then
 * stops everything: no demo process and no port is left in the namespace, no pid file; a second
 * start finds no leftovers and stops cleanly too.
 *
 *   bash lab/run-isolated.sh npx playwright test --project=telephony e2e/telephony/demoMode.spec.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, type Browser } from '@playwright/test';
import { busyPorts } from '../../scripts/demo/portCheck';
import { LAB_PID_FILES } from '../../scripts/demo/labScripts';
import {
  generateLabAudio,
  LAB_REPOSITORY_ROOT,
  labRunDirectory,
  labSkipReason,
} from '../support/lab';
import { expectRegistered, launchTelephonyBrowser, setAvailable } from './support/agentDesk';
import { test } from './support/telephonyTest';

test.skip(!!labSkipReason(), labSkipReason());

/** What belongs to the demo: daemons, bot, SIPp callers, desk hosts, the launcher, speech. */
const DEMO_PROCESS = /kamailio|rtpengine|sipp|voicebot|webshell\.js|start\.mjs|espeak|sox/;

interface RunningDemo {
  child: ChildProcess;
  output: string[];
  deskUrl: string;
  secondDeskUrl: string;
  portalUrl: string;
}

async function startDemo(demoDirectory: string, paceSeconds: number): Promise<RunningDemo> {
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--demo', '--no-open', '--pace', String(paceSeconds)],
    {
      cwd: LAB_REPOSITORY_ROOT,
      env: { ...process.env, EMPFANG_DEMO_DIR: demoDirectory },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const urls = await new Promise<string[]>((resolve, reject) => {
    const found: string[] = [];
    const timer = setTimeout(
      () => reject(new Error(`the demo did not start:\n${output.join('\n')}`)),
      120_000,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      const url = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(line)?.[1];
      if (url) found.push(url);
      if (found.length === 3) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited with ${code}:\n${output.join('\n')}`));
    });
  });
  return {
    child,
    output,
    deskUrl: urls[0]!,
    secondDeskUrl: urls[1]!,
    portalUrl: urls[2]!.replace(/\/$/, ''),
  };
}

async function stopDemo(demo: RunningDemo): Promise<number | null> {
  if (demo.child.exitCode !== null) return demo.child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    demo.child.once('exit', (code) => resolve(code)),
  );
  demo.child.kill('SIGTERM');
  return exited;
}

/** Live processes in this network namespace whose command line looks like part of the demo. */
function demoProcessesLeft(): string[] {
  const own = readlinkSync('/proc/self/ns/net');
  const left: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${entry}/ns/net`) !== own) continue;
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state === 'Z') continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (DEMO_PROCESS.test(command)) left.push(`${entry} ${command.slice(0, 120)}`);
    } catch {
      // Gone while looking.
    }
  }
  return left;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

async function expectNothingLeft(demo: RunningDemo): Promise<void> {
  expect(demoProcessesLeft()).toEqual([]);
  const ports = [
    5060,
    8080,
    8443,
    ...[demo.deskUrl, demo.secondDeskUrl, demo.portalUrl].map(portOf),
  ];
  expect(await busyPorts(ports)).toEqual([]);
  expect(LAB_PID_FILES.filter((file) => existsSync(join(labRunDirectory(), file)))).toEqual([]);
}

let browser: Browser | undefined;
let demoDirectory: string | undefined;
const running: RunningDemo[] = [];

test.afterAll(async () => {
  for (const demo of running) await stopDemo(demo);
  await browser?.close();
  if (demoDirectory) await rm(demoDirectory, { recursive: true, force: true });
  // The demo stopped the namespace's lab; the specs after this one need it back.
  await new Promise<void>((resolve) =>
    spawn('bash', [join(LAB_REPOSITORY_ROOT, 'lab', 'start.sh')], { stdio: 'ignore' }).once(
      'exit',
      () => resolve(),
    ),
  );
});

test('demo: a generated call reaches the voicebot, the offer rings at the signed-in desk; stop leaves nothing', async () => {
  test.setTimeout(420_000);
  demoDirectory = await mkdtemp(join(tmpdir(), 'empfang-demo-'));
  browser = await launchTelephonyBrowser((await generateLabAudio()).toneWav);

  const demo = await startDemo(demoDirectory, 30);
  running.push(demo);
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(demo.deskUrl);
  await expect(page.getByText(/Angemeldet als/)).toBeVisible({ timeout: 30_000 });
  await expectRegistered(page, 30_000);
  await setAvailable(page);

  // The first generated call (the law firm, the caller wants a human) reaches the voicebot …
  const botLog = join(labRunDirectory(), 'voicebot.log');
  await expect
    .poll(
      async () => (await readFile(botLog, 'utf8').catch(() => '')).includes('answering a call'),
      {
        timeout: 90_000,
      },
    )
    .toBe(true);
  // … which escalates; the offer rings at the demo desk.
  const offer = page.getByTestId('escalation-offer');
  await expect(offer).toBeVisible({ timeout: 150_000 });
  await expect(offer.getByTestId('offer-reason')).toHaveText('Anrufer möchte einen Menschen');
  expect(demo.output.some((line) => /^demo: call 1 to .+ \(asks for a human\)$/.test(line))).toBe(
    true,
  );

  // The second desk is signed in as the demo supervisor.
  const watcher = await context.newPage();
  await watcher.goto(demo.secondDeskUrl);
  await expect(watcher.getByText(/Angemeldet als/)).toBeVisible({ timeout: 30_000 });
  await context.close();

  expect(await stopDemo(demo)).toBe(0);
  expect(demo.output.some((line) => /^demo: stopped in \d+ ms$/.test(line))).toBe(true);
  await expectNothingLeft(demo);

  // A second start finds nothing to clean up and stops just as cleanly.
  const again = await startDemo(demoDirectory, 600);
  running.push(again);
  expect(again.output.some((line) => line.includes('stopping them first'))).toBe(false);
  expect(await stopDemo(again)).toBe(0);
  await expectNothingLeft(again);
});

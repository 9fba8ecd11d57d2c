/**
 * Notes through the desk path (prints figures; asserts nothing):
 *
 *   npx electron-vite build        (once: the web shell serves out/renderer)
 *   npx tsx scripts/benchmarkNotes.ts [--latency 50] [--backlog 1000]
 *
 * The desk path is the real one: headless Debian Chromium → note form → strict Dexie outbox
 * (sealed) → host RPC over the web shell WebSocket → portal service → HTTP → portal (SQLite).
 * Printed:
 * - "saved": click on "save" → the desk shows "saved" (durable in IndexedDB), median and p95;
 * - submit → portal commit: click → the portal's note event, median and p95, next to the same
 *   portal answering a plain `POST /notes` from Node in the same run (the baseline);
 * - backlog: N notes written while the portal is down, then the time from the portal's return
 *   to its first commit (the desk noticing) and to the last (the drain), and notes per second.
 * The portal runs in this process (its own event loop), the web shell host in a child process.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DEMO_LAW_FIRM } from '../src/shared/demo/demoClients';
import {
  AGENT,
  logIn,
  openDesk,
  startControlledPortal,
  startNote,
  writeDeskSettings,
  type ControlledPortal,
} from '../e2e/support/portalDesk';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../e2e/support/webShell';
import { CHROMIUM_ARGUMENTS, CHROMIUM_EXECUTABLE } from '../playwright.config';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const LATENCY_NOTES = argument('latency', 50);
const BACKLOG_NOTES = argument('backlog', 1000);

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

const summary = (values: readonly number[]) => ({
  medianMilliseconds: Math.round(percentile(values, 0.5) * 10) / 10,
  p95Milliseconds: Math.round(percentile(values, 0.95) * 10) / 10,
});

/** Times (Date.now) at which the portal committed notes, collected from its event hub. */
function commitsOf(portal: ControlledPortal): { times: number[]; detach(): void } {
  const times: number[] = [];
  const detach = portal.current().context.events.subscribe((event) => {
    if (event.type === 'note.status-changed' && event.status === 'received') times.push(Date.now());
  });
  return { times, detach };
}

async function waitFor(check: () => boolean, timeoutMilliseconds: number): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Timestamps taken in the page (Date.now, the same clock as this process): the click on "save"
 * (capturing listener) and the moment "saved" is in the DOM (MutationObserver), so the figures
 * do not include how fast the test driver notices.
 */
const PAGE_TIMER = `(() => {
  const timer = { clickedAt: 0, savedAt: 0 };
  globalThis.__noteTimer = timer;
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.note-actions button[type=submit]')) {
      timer.clickedAt = Date.now();
    }
  }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="note-saved"]')) {
      timer.savedAt = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
})()`;

async function saveNote(
  page: Page,
  concern: string,
): Promise<{ clickedAt: number; savedAt: number }> {
  await startNote(page, DEMO_LAW_FIRM.name, concern);
  await page.evaluate(PAGE_TIMER);
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await page.getByTestId('note-saved').waitFor({ state: 'visible' });
  return page.evaluate('globalThis.__noteTimer') as Promise<{ clickedAt: number; savedAt: number }>;
}

async function directBaseline(portalUrl: string, count: number): Promise<number[]> {
  const login = await fetch(`${portalUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(AGENT),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const durations: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const answer = await fetch(`${portalUrl}/notes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        clientId: DEMO_LAW_FIRM.id,
        callId: null,
        callerName: '',
        company: '',
        callbackNumber: '',
        concern: `Baseline ${index}`,
        urgency: 'normal',
        preferredCallbackTime: '',
        outcome: 'message-taken',
        freeText: '',
        tags: [],
      }),
    });
    if (answer.status !== 201) throw new Error(`baseline POST answered ${answer.status}`);
    durations.push(performance.now() - started);
  }
  return durations;
}

async function main(): Promise<void> {
  const dataDirectory = await createDataDirectory();
  const portal = await startControlledPortal(join(dataDirectory, 'portal'));
  await writeDeskSettings(dataDirectory, { portalUrl: portal.url });
  const host = await startWebShell({ dataDirectory });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGUMENTS,
  });
  try {
    const page = await browser.newPage({ locale: 'de-DE' });
    page.setDefaultTimeout(60_000);
    await openDesk(page, host.url);
    await logIn(page);

    const saved: number[] = [];
    const committed: number[] = [];
    let commits = commitsOf(portal);
    for (let index = 0; index < LATENCY_NOTES; index += 1) {
      const before = commits.times.length;
      const { clickedAt, savedAt } = await saveNote(page, `Latenz ${index}`);
      await waitFor(() => commits.times.length > before, 30_000);
      saved.push(savedAt - clickedAt);
      committed.push(commits.times[before]! - clickedAt);
    }
    commits.detach();
    const baseline = await directBaseline(portal.url, LATENCY_NOTES);

    await portal.stop();
    const fillStarted = Date.now();
    for (let index = 0; index < BACKLOG_NOTES; index += 1)
      await saveNote(page, `Rückstau ${index}`);
    const fillSeconds = (Date.now() - fillStarted) / 1000;
    const returnedAt = Date.now();
    await portal.start();
    commits = commitsOf(portal);
    await waitFor(() => commits.times.length >= BACKLOG_NOTES, 600_000);
    commits.detach();
    const firstCommit = commits.times[0]! - returnedAt;
    const drained = commits.times[BACKLOG_NOTES - 1]! - returnedAt;

    const deskCommit = summary(committed);
    const direct = summary(baseline);
    console.log(
      JSON.stringify(
        {
          path: 'Chromium form → strict Dexie outbox → host RPC → portal (SQLite)',
          latencyNotes: LATENCY_NOTES,
          clickToSaved: summary(saved),
          clickToPortalCommit: deskCommit,
          directPostBaseline: direct,
          deskPathOverBaselineMedian:
            Math.round((deskCommit.medianMilliseconds / direct.medianMilliseconds) * 10) / 10,
          backlog: {
            notes: BACKLOG_NOTES,
            writtenOfflineSeconds: Math.round(fillSeconds * 10) / 10,
            portalBackToFirstCommitMilliseconds: firstCommit,
            portalBackToAllCommittedMilliseconds: drained,
            drainNotesPerSecond:
              Math.round((BACKLOG_NOTES / ((drained - firstCommit) / 1000)) * 10) / 10,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await host.stop();
    await portal.stop();
    await removeDataDirectory(dataDirectory);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

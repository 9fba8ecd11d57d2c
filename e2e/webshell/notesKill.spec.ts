/**
 * "Saved" means saved: the browser is killed (SIGKILL to its whole process group) right after
 * the desk showed "saved", N times (EMPFANG_KILL_RUNS, default 50). After a last restart the
 * portal must have every one of those notes exactly once.
 *
 * The browser is Debian Chromium with a persistent profile (IndexedDB survives the kill),
 * driven over CDP; the web shell host keeps running, as when a desk's browser crashes. In the
 * first half the portal is up (the kill races the send); in the second half it is down, so each
 * note exists only in the desk's outbox when the browser dies.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PLUMBING_BUSINESS } from '../../src/shared/demo/demoClients';
import {
  launchKillableChromium,
  logIn,
  openDesk,
  portalNotes,
  startControlledPortal,
  startNote,
  writeDeskSettings,
} from '../support/portalDesk';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../support/webShell';

/** This spec starts its own browser and host: it runs once, in the webshell project. */
function webShellProjectOnly(): void {
  test.skip(test.info().project.name !== 'webshell', 'starts its own browser and host');
}

const RUNS = Number(process.env.EMPFANG_KILL_RUNS ?? 50);

test(`browser killed right after "saved", ${RUNS} times: no saved note lost or doubled`, async () => {
  webShellProjectOnly();
  test.setTimeout(60_000 + RUNS * 20_000);
  const dataDirectory = await createDataDirectory();
  const profile = await mkdtemp(join(tmpdir(), 'empfang-kill-profile-'));
  const portal = await startControlledPortal(join(dataDirectory, 'remote-portal'));
  await writeDeskSettings(dataDirectory, { portalUrl: portal.url });
  const host = await startWebShell({ dataDirectory });
  const runId = Date.now().toString(36);
  const portalNotesWhenUp = async () => {
    await portal.start();
    return portalNotes(portal.url, DEMO_PLUMBING_BUSINESS.id);
  };
  const markers: string[] = [];
  const savedToKilledMilliseconds: number[] = [];
  try {
    const portalDownFrom = Math.ceil(RUNS / 2);
    for (let run = 0; run < RUNS; run += 1) {
      if (run === portalDownFrom) await portal.stop();
      const chromium = await launchKillableChromium(profile);
      try {
        const context = chromium.browser.contexts()[0]!;
        const page = context.pages()[0] ?? (await context.newPage());
        // Offline runs wait for the client list to fail over to the clients of stored notes.
        page.setDefaultTimeout(45_000);
        await openDesk(page, host.url);
        if (run === 0) await logIn(page);
        const marker = `Kill-Test ${runId} Nummer ${run}`;
        await startNote(page, DEMO_PLUMBING_BUSINESS.name, marker);
        await page.getByRole('button', { name: 'Notiz speichern' }).click();
        await page.getByTestId('note-saved').waitFor({ state: 'visible' });
        const savedAt = performance.now();
        markers.push(marker);
        await chromium.kill();
        savedToKilledMilliseconds.push(performance.now() - savedAt);
      } finally {
        await chromium.kill();
      }
    }
    const atPortalBeforeRestart = (await portalNotesWhenUp()).length;
    // One more start: the outbox resumes and sends what the kills left queued.
    const chromium = await launchKillableChromium(profile);
    try {
      const context = chromium.browser.contexts()[0]!;
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(45_000);
      await openDesk(page, host.url);
      await expect
        .poll(async () => (await portalNotes(portal.url, DEMO_PLUMBING_BUSINESS.id)).length, {
          timeout: 60_000,
        })
        .toBeGreaterThanOrEqual(RUNS);
      await expect(page.locator('[data-status="queued"], [data-status="failed"]')).toHaveCount(0);
    } finally {
      await chromium.kill();
    }
    const notes = await portalNotes(portal.url, DEMO_PLUMBING_BUSINESS.id);
    const counts = markers.map((marker) => notes.filter((note) => note.concern === marker).length);
    console.log(
      JSON.stringify({
        runs: RUNS,
        notesAtPortal: notes.length,
        atPortalBeforeLastStart: atPortalBeforeRestart,
        lost: counts.filter((count) => count === 0).length,
        duplicated: counts.filter((count) => count > 1).length,
        savedToKilledMedianMilliseconds: median(savedToKilledMilliseconds),
      }),
    );
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    expect(notes).toHaveLength(RUNS);
  } finally {
    await host.stop();
    await portal.stop();
    await rm(profile, { recursive: true, force: true });
    await removeDataDirectory(dataDirectory);
  }
});

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

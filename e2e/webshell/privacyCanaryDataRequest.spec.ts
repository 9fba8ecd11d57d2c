/**
 * The privacy canary, extended by issue 13: a canary caller's records everywhere — a call and a
 * note at the portal, a note the desk sent, a note queued in the desk's outbox while the portal
 * was down, and a draft — are deleted by one data request (run by a supervisor while the desk is
 * offline). When the desk starts again it applies the deletion: the queued note is sent first
 * (never lost), then everything is deleted and the desk sends its receipt.
 *
 * Afterwards the canary (name, digits of the number, concern) is in no file of the portal's
 * folder (SQLite database and its logs), the desk's Chromium profile or data folder, and in no
 * log line of the desk host or the portal; the receipts exist and hold no canary either.
 *
 * The searches must be able to fail: a control caller's note, not deleted, has to be found in
 * the portal's database file, and a control string the page writes into IndexedDB in the profile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_PLUMBING_BUSINESS } from '../../src/shared/demo/demoClients';
import {
  addSupervisor,
  portalRequest,
  seedCallerRecords,
  SUPERVISOR,
} from '../support/dataRequests';
import {
  launchKillableChromium,
  logIn,
  openDesk,
  portalNotes,
  startControlledPortal,
  writeDeskSettings,
} from '../support/portalDesk';
import { filesContaining, writeCanaryNotes, writeIndexedDbControl } from '../support/privacyScan';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../support/webShell';

/** The plumbing business is the third demo client. */
const PLUMBING_INDEX = 2;

interface Receipt {
  source: string;
  counts: Record<string, number>;
  note: string | null;
}

test('a data request deletes a canary caller from portal, desk profile and logs', async () => {
  test.skip(test.info().project.name !== 'webshell', 'starts its own browser and host');
  test.setTimeout(180_000);
  const token = randomBytes(6).toString('hex');
  const canaryName = `Kanarienvogel${token.replace(/\d/g, 'q')}`;
  const canaryDigits = String(BigInt(`0x${token}`) % 10_000_000n).padStart(7, '7');
  const canaryTyped = `0170 ${canaryDigits}`;
  const canaryE164 = `+49170${canaryDigits}`;
  const canaryConcern = `Geheimsache${token}`;
  const controlName = `Kontrollperson${token.replace(/\d/g, 'k')}`;
  const control = `Kontrollwert${token}`;
  const dataDirectory = await createDataDirectory();
  const profile = await mkdtemp(join(tmpdir(), 'empfang-canary-profile-'));
  const portalFolder = await mkdtemp(join(tmpdir(), 'empfang-canary-portal-'));
  const portalLog: string[] = [];
  const portal = await startControlledPortal(portalFolder, { logLines: portalLog });
  await addSupervisor(portal);
  await writeDeskSettings(dataDirectory, { portalUrl: portal.url });
  let host = await startWebShell({ dataDirectory });
  const hostLog: string[] = [];
  let chromium = await launchKillableChromium(profile);
  try {
    // At the portal: the canary's call with a note, and a control caller who stays.
    await seedCallerRecords(portal.url, canaryE164, {
      clientIndex: PLUMBING_INDEX,
      calls: 1,
      callerName: canaryName,
      concern: `${canaryConcern} null`,
    });
    await seedCallerRecords(portal.url, '+4930555012345', {
      clientIndex: PLUMBING_INDEX,
      calls: 1,
      callerName: controlName,
    });

    let context = chromium.browser.contexts()[0]!;
    let page = context.pages()[0] ?? (await context.newPage());
    await openDesk(page, host.url);
    await logIn(page);
    await writeCanaryNotes(
      page,
      portal,
      { name: canaryName, typedNumber: canaryTyped, concern: canaryConcern },
      3,
    );
    await writeIndexedDbControl(page, control);

    // The desk goes offline; the portal comes back and a supervisor deletes the caller's data.
    await chromium.browser.close();
    await chromium.kill();
    await host.stop();
    hostLog.push(...host.errorOutput);
    await portal.start();
    const deletion = await portalRequest(
      portal.url,
      {
        method: 'POST',
        path: '/data-requests/deletions',
        body: { callerNumber: canaryTyped, confirm: true },
      },
      SUPERVISOR,
    );
    expect(deletion.status).toBe(201);
    const { requestId } = deletion.body as { requestId: string };

    // The desk starts again and applies the deletion before anything else needs it.
    host = await startWebShell({ dataDirectory });
    chromium = await launchKillableChromium(profile);
    context = chromium.browser.contexts()[0]!;
    page = context.pages()[0] ?? (await context.newPage());
    await openDesk(page, host.url);
    if (await page.getByLabel('Benutzername').isVisible()) await logIn(page);
    const receipts = async () =>
      (
        await portalRequest(
          portal.url,
          { method: 'GET', path: `/data-requests/receipts/${requestId}` },
          SUPERVISOR,
        )
      ).body as Receipt[];
    await expect
      .poll(async () => (await receipts()).map((receipt) => receipt.source.split(':')[0]).sort(), {
        timeout: 60_000,
      })
      .toEqual(['desk', 'portal']);
    const listed = await receipts();
    const portalReceipt = listed.find((receipt) => receipt.source === 'portal');
    const deskReceipt = listed.find((receipt) => receipt.source.startsWith('desk:'));
    expect(portalReceipt!.counts).toMatchObject({ calls: 1, notes: 2 });
    expect(deskReceipt!.counts).toEqual({ historyEntries: 0, outboxNotes: 2, drafts: 1 });
    expect(deskReceipt!.note).toBe('waited-for-queued-note');
    // The history opens once the deletion was applied, and shows nothing of the canary.
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('history-deletions-applying')).toHaveCount(0);
    await expect(page.getByTestId('call-history')).toContainText('Kontrollperson');
    await expect(page.getByTestId('call-history')).not.toContainText(canaryName);
    // Only the control caller's note is left at the portal.
    expect(
      (await portalNotes(portal.url, DEMO_PLUMBING_BUSINESS.id)).map((note) => note.concern),
    ).toEqual(['Bitte um Rückruf']);

    await chromium.browser.close();
    await chromium.kill();
    await host.stop();
    hostLog.push(...host.errorOutput);
    await portal.stop();

    const canaries = [canaryName, canaryDigits, canaryConcern];
    expect(await filesContaining(portalFolder, [controlName])).not.toEqual([]);
    expect(await filesContaining(profile, [control])).not.toEqual([]);
    expect(await filesContaining(portalFolder, canaries)).toEqual([]);
    expect(await filesContaining(profile, canaries)).toEqual([]);
    expect(await filesContaining(dataDirectory, canaries)).toEqual([]);
    expect(portalLog.length).toBeGreaterThan(0);
    const logged = [...hostLog, ...portalLog].join('\n');
    for (const canary of canaries) expect(logged).not.toContain(canary);
    expect(JSON.stringify([portalReceipt, deskReceipt])).not.toMatch(
      new RegExp(canaries.join('|')),
    );
  } finally {
    await chromium.kill();
    await host.stop().catch(() => undefined);
    await portal.stop();
    await removeDataDirectory(dataDirectory);
    await rm(profile, { recursive: true, force: true });
    await rm(portalFolder, { recursive: true, force: true });
  }
});

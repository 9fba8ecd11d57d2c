/**
 * SECURITY.md "canary": personal data typed into the desk must never reach its disk in clear.
 *
 * A random canary name, number and concern go into three notes: one sent to the portal, one
 * queued while the portal is down, one left as an unsaved draft. Then the browser closes and
 * every file of the Chromium profile (IndexedDB, caches, logs) and of the desk's data folder
 * (settings, secrets, host files) is searched byte for byte for the canaries, as Latin-1/UTF-8
 * and as UTF-16 (how Chromium stores strings in IndexedDB). The host's log lines are searched
 * too. The remote portal keeps its notes in its own folder, outside both: storing them is its job.
 *
 * The search must be able to fail: a control string written unsealed into IndexedDB by the page
 * itself has to be found in the profile, or the test does not count.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  launchKillableChromium,
  logIn,
  openDesk,
  startControlledPortal,
  writeDeskSettings,
} from '../support/portalDesk';
import { filesContaining, writeCanaryNotes, writeIndexedDbControl } from '../support/privacyScan';
import { createDataDirectory, removeDataDirectory, startWebShell } from '../support/webShell';

test('no canary of a note reaches the desk profile, data folder or logs in clear', async () => {
  test.skip(test.info().project.name !== 'webshell', 'starts its own browser and host');
  test.setTimeout(120_000);
  const token = randomBytes(6).toString('hex');
  // Letters only, so no field normalises them away; the number as the agent types it.
  const canaryName = `Kanarienvogel${token.replace(/\d/g, 'q')}`;
  const canaryDigits = String(BigInt(`0x${token}`) % 10_000_000n).padStart(7, '7');
  const canaryConcern = `Geheimsache${token}`;
  const control = `Kontrollwert${token}`;
  const dataDirectory = await createDataDirectory();
  const profile = await mkdtemp(join(tmpdir(), 'empfang-canary-profile-'));
  const portalFolder = await mkdtemp(join(tmpdir(), 'empfang-canary-portal-'));
  const portal = await startControlledPortal(portalFolder);
  await writeDeskSettings(dataDirectory, { portalUrl: portal.url });
  const host = await startWebShell({ dataDirectory });
  const chromium = await launchKillableChromium(profile);
  try {
    const context = chromium.browser.contexts()[0]!;
    const page = context.pages()[0] ?? (await context.newPage());
    await openDesk(page, host.url);
    await logIn(page);

    await writeCanaryNotes(
      page,
      portal,
      { name: canaryName, typedNumber: `0170 ${canaryDigits}`, concern: canaryConcern },
      1,
    );
    // The control: the page writes a string into IndexedDB in clear.
    await writeIndexedDbControl(page, control);
    await chromium.browser.close();
    await chromium.kill();
    await host.stop();

    expect(await filesContaining(profile, [control])).not.toEqual([]);
    const canaries = [canaryName, canaryDigits, canaryConcern];
    expect(await filesContaining(profile, canaries)).toEqual([]);
    expect(await filesContaining(dataDirectory, canaries)).toEqual([]);
    const logged = host.errorOutput.join('\n');
    for (const canary of canaries) expect(logged).not.toContain(canary);
  } finally {
    await chromium.kill();
    await host.stop().catch(() => undefined);
    await portal.stop();
    await removeDataDirectory(dataDirectory);
    await rm(profile, { recursive: true, force: true });
    await rm(portalFolder, { recursive: true, force: true });
  }
});

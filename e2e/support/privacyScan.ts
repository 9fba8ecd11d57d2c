/**
 * For the privacy canary specs: byte searches (every file under a folder, searched for needles
 * as Latin-1/UTF-8 and as UTF-16LE bytes, how Chromium stores strings in IndexedDB), the
 * IndexedDB control string, and the canary's sent, queued and draft notes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DEMO_PLUMBING_BUSINESS } from '../../src/shared/demo/demoClients';
import { portalNotes, startNote, type ControlledPortal } from './portalDesk';

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Files (relative to `root`) that contain any of the needles as Latin-1 or UTF-16LE bytes. */
export async function filesContaining(root: string, needles: readonly string[]): Promise<string[]> {
  const patterns = needles.flatMap((needle) => [
    Buffer.from(needle, 'latin1'),
    Buffer.from(needle, 'utf16le'),
  ]);
  const hits: string[] = [];
  for (const file of await filesUnder(root)) {
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      continue; // sockets, files removed while listing
    }
    if (patterns.some((pattern) => content.includes(pattern))) hits.push(relative(root, file));
  }
  return hits;
}

/** Writes a string in clear into IndexedDB from the page: the profile search's control. */
export async function writeIndexedDbControl(page: Page, control: string): Promise<void> {
  // A string expression: the e2e types have no DOM.
  await page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('privacy-control', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('values');
    request.onerror = () => reject(new Error('open failed'));
    request.onsuccess = () => {
      const transaction = request.result.transaction('values', 'readwrite', {
        durability: 'strict',
      });
      transaction.objectStore('values').put(${JSON.stringify(control)}, 'control');
      transaction.oncomplete = () => resolve(true);
      transaction.onerror = () => reject(new Error('write failed'));
    };
  })`);
}

/**
 * The canary's three notes at the plumbing business: one sent (the portal then holds
 * `portalNotesAfterSent` notes of that client), one queued while the portal is down (it is left
 * stopped), one draft never submitted.
 */
export async function writeCanaryNotes(
  page: Page,
  portal: ControlledPortal,
  canary: { name: string; typedNumber: string; concern: string },
  portalNotesAfterSent: number,
): Promise<void> {
  const fillNote = async (concern: string) => {
    await startNote(page, DEMO_PLUMBING_BUSINESS.name, concern);
    await page.getByLabel('Name des Anrufers').fill(canary.name);
    await page.getByLabel('Rückrufnummer').fill(canary.typedNumber);
  };
  // 1: sent to the portal.
  await fillNote(`${canary.concern} eins`);
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByTestId('note-saved')).toBeVisible();
  await expect
    .poll(async () => (await portalNotes(portal.url, DEMO_PLUMBING_BUSINESS.id)).length)
    .toBe(portalNotesAfterSent);
  // 2: queued in the outbox while the portal is down.
  await portal.stop();
  await fillNote(`${canary.concern} zwei`);
  await page.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(page.getByTestId('note-saved')).toBeVisible();
  // 3: a draft, saved as the agent types, never submitted.
  await fillNote(`${canary.concern} drei`);
  // Chromium writes its session-restore file (which holds form state) about 2.5 s after a
  // change: wait for it, so a leak there is found every time, not by chance.
  await page.waitForTimeout(3_500);
}

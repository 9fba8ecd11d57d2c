/**
 * Issue 13 item 2 through the desk host's portal service on a real portal: after a data-request
 * deletion the desk fetches the notice it has not confirmed (salted hash, no number), sends its
 * receipt, and the notice is no longer pending.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import { deskMatchHash } from '../../../shared/domain/deskMatchHash';
import {
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
} from './portalServiceTestSupport';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const own = DEMO_CLIENTS[0]!.id;

describe('portal service: desk deletions', () => {
  it('lists an unconfirmed deletion and takes the desk receipt', async () => {
    const folder = await temporaryFolder();
    cleanups.push(folder.remove);
    const portal = await startRestartablePortal(folder.path);
    cleanups.push(portal.stop);
    await seedPortal(portal.current(), [
      { userName: 'anna.agent', role: 'agent', clientIds: [own] },
      { userName: 'ada.admin', role: 'admin', clientIds: [] },
    ]);
    const login = await fetch(`${portal.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'ada.admin', password: TEST_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const deletion = await fetch(`${portal.url}/data-requests/deletions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ callerNumber: '0151 12345678', clientId: own, confirm: true }),
    });
    expect(deletion.status).toBe(201);
    const { requestId } = (await deletion.json()) as { requestId: string };

    const desk = await startDeskHost(folder.path, portal.url);
    cleanups.push(desk.dispose);
    expect(
      (await desk.methods.login({ userName: 'anna.agent', password: TEST_PASSWORD })).kind,
    ).toBe('ok');
    const pending = await desk.methods.pendingDeskDeletions();
    expect(pending.map((notice) => notice.requestId)).toEqual([requestId]);
    const notice = pending[0]!;
    expect(notice.numberHash).toBe(await deskMatchHash(notice.salt, '+4915112345678'));
    await desk.methods.recordDeskDeletionReceipt(requestId, {
      counts: { historyEntries: 1, outboxNotes: 0, drafts: 0 },
      note: null,
    });
    expect(await desk.methods.pendingDeskDeletions()).toEqual([]);
  });
});

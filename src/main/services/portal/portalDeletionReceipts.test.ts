import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listDeletionReceipts } from '../../../portal/domain/deletionReceiptStore';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
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
const other = DEMO_CLIENTS[1]!.id;

function receipt(clientId: string) {
  return {
    transactionId: randomUUID(),
    clientId,
    recordType: 'call-record' as const,
    reason: 'retention-expired' as const,
    deletedAt: new Date().toISOString(),
  };
}

describe('portal service: deletion receipts', () => {
  it('records receipts at the portal once, accepts replays, leaves another client’s queued', async () => {
    const folder = await temporaryFolder();
    cleanups.push(folder.remove);
    const portal = await startRestartablePortal(folder.path);
    cleanups.push(portal.stop);
    await seedPortal(portal.current(), [
      { userName: 'anna.agent', role: 'agent', clientIds: [own] },
    ]);
    const desk = await startDeskHost(folder.path, portal.url);
    cleanups.push(desk.dispose);

    // Not logged in: nothing can be sent, the desk keeps its queue.
    await expect(
      desk.methods.recordDeletionReceipts({ receipts: [receipt(own)] }),
    ).rejects.toMatchObject({ code: 'unauthorized' });

    expect(
      (await desk.methods.login({ userName: 'anna.agent', password: TEST_PASSWORD })).kind,
    ).toBe('ok');
    const first = receipt(own);
    const second = { ...receipt(own), recordType: 'note' as const, reason: 'after-sync' as const };
    const foreign = receipt(other);
    const result = await desk.methods.recordDeletionReceipts({
      receipts: [first, foreign, second],
    });
    expect(result).toEqual({ accepted: [first.transactionId, second.transactionId], rejected: [] });

    // A replay (the desk crashed before it removed the receipts from its queue) is harmless.
    const replay = await desk.methods.recordDeletionReceipts({ receipts: [first] });
    expect(replay.accepted).toEqual([first.transactionId]);

    const stored = await listDeletionReceipts(portal.current().context.database, {
      clientId: own,
      limit: 10,
    });
    expect(stored.map((row) => row.transactionId).sort()).toEqual(
      [first.transactionId, second.transactionId].sort(),
    );
  });
});

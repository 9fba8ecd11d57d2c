/**
 * Sends the deletion receipts queued in the desk's database to the portal until it accepts
 * them. A receipt leaves the queue only when the portal holds it (or refused it for good);
 * windows sending the same receipt at once are harmless, the portal dedupes by transaction id.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { DeskDatabase } from '../../data/localDatabase';

/** Receipts per contract call (the contract's batch limit). */
const RECEIPTS_PER_BATCH = 100;

/** One round: sends the oldest queued receipts; returns how many left the queue. */
export async function sendQueuedReceipts(
  database: DeskDatabase,
  client: Pick<AppClient, 'portal'>,
): Promise<number> {
  const queued = await database.deletionReceipts
    .orderBy('queuedAt')
    .limit(RECEIPTS_PER_BATCH)
    .toArray();
  if (queued.length === 0) return 0;
  const result = await client.portal.recordDeletionReceipts({
    receipts: queued.map(({ transactionId, clientId, recordType, reason, deletedAt }) => ({
      transactionId,
      clientId,
      recordType,
      reason,
      deletedAt,
    })),
  });
  if (!result.ok) return 0;
  const done = [...result.value.accepted, ...result.value.rejected];
  await database.deletionReceipts.bulkDelete(done);
  return done.length;
}

/**
 * Deletion receipts: proof that a record was destroyed (crypto-shredded on the desk), by
 * transaction ID and abstract facts only. Recording the same transaction twice is harmless.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import { toUtcIso } from '../../shared/portalWire/commonSchemas';
import { appendAudit } from './auditLog';

export interface DeletionReceipt {
  transactionId: string;
  clientId: string;
  recordType: string;
  reason: string;
  deletedAt: string;
  recordedBy: string;
  recordedAt: string;
}

export type RecordReceiptResult =
  { kind: 'recorded' | 'replayed'; receipt: DeletionReceipt } | { kind: 'conflict' };

function toReceipt(row: {
  transaction_id: string;
  client_id: string;
  record_type: string;
  reason: string;
  deleted_at: string;
  recorded_by: string;
  recorded_at: string;
}): DeletionReceipt {
  return {
    transactionId: row.transaction_id,
    clientId: row.client_id,
    recordType: row.record_type,
    reason: row.reason,
    deletedAt: row.deleted_at,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

export async function recordDeletionReceipt(
  database: Kysely<PortalDatabase>,
  request: Omit<DeletionReceipt, 'recordedBy' | 'recordedAt'>,
  userId: string,
  at: string,
): Promise<RecordReceiptResult> {
  return database.transaction().execute(async (transaction): Promise<RecordReceiptResult> => {
    const inserted = await transaction
      .insertInto('deletion_receipts')
      .values({
        transaction_id: request.transactionId,
        client_id: request.clientId,
        record_type: request.recordType,
        reason: request.reason,
        deleted_at: toUtcIso(request.deletedAt),
        recorded_by: userId,
        recorded_at: at,
      })
      .onConflict((conflict) => conflict.column('transaction_id').doNothing())
      .executeTakeFirst();
    const row = await transaction
      .selectFrom('deletion_receipts')
      .selectAll()
      .where('transaction_id', '=', request.transactionId)
      .executeTakeFirstOrThrow();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
      return row.client_id === request.clientId
        ? { kind: 'replayed', receipt: toReceipt(row) }
        : { kind: 'conflict' };
    }
    await appendAudit(transaction, {
      at,
      actorUserId: userId,
      action: 'deletion.recorded',
      clientId: request.clientId,
      targetType: request.recordType,
      targetId: request.transactionId,
      details: { reason: request.reason },
    });
    return { kind: 'recorded', receipt: toReceipt(row) };
  });
}

export async function listDeletionReceipts(
  database: Kysely<PortalDatabase>,
  filter: { clientId: string; limit: number },
): Promise<DeletionReceipt[]> {
  const rows = await database
    .selectFrom('deletion_receipts')
    .selectAll()
    .where('client_id', '=', filter.clientId)
    .orderBy('recorded_at', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toReceipt);
}

/** Data-request receipts: counts per kind, who and when; never a number, name or hash. */
import type { Kysely, Selectable } from 'kysely';
import type { DataRequestReceiptsTable, PortalDatabase } from '../database/databaseSchema';
import type { DataRequestReceipt } from '../../shared/portalWire/dataRequestSchemas';

/** The source of the receipt the portal writes for its own database. */
export const PORTAL_RECEIPT_SOURCE = 'portal';

export function toDataRequestReceipt(
  row: Selectable<DataRequestReceiptsTable>,
): DataRequestReceipt {
  return {
    requestId: row.request_id,
    source: row.source,
    clientIds: row.client_ids_json === null ? null : (JSON.parse(row.client_ids_json) as string[]),
    counts: JSON.parse(row.counts_json) as Record<string, number>,
    note: row.note,
    deletedBy: row.deleted_by,
    deletedAt: row.deleted_at,
  };
}

/**
 * Receipts a user may see: admins all; others those whose searched clients are all theirs
 * (a receipt of an admin's request over every client is the admins' only).
 */
export async function listDataRequestReceipts(
  database: Kysely<PortalDatabase>,
  filter: { scope: readonly string[] | undefined; limit: number; requestId?: string },
): Promise<DataRequestReceipt[]> {
  let query = database.selectFrom('data_request_receipts').selectAll();
  if (filter.requestId !== undefined) query = query.where('request_id', '=', filter.requestId);
  const rows = await query
    .orderBy('deleted_at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
  const receipts = rows.map(toDataRequestReceipt);
  const scope = filter.scope;
  if (scope === undefined) return receipts;
  return receipts.filter(
    (receipt) => receipt.clientIds !== null && receipt.clientIds.every((id) => scope.includes(id)),
  );
}

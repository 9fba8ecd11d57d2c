/**
 * Desk deletions (issue 13 item 2): after a portal deletion, the desks delete their local copies
 * (history, drafts, outbox). The portal stores a notice with a fresh salt and the salted hash of
 * the number, publishes it as an event, lists the notices a desk has not confirmed yet (for
 * desks that were offline), and stores each desk's receipt as `source = desk:<userId>`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DataRequestDeskNoticesTable, PortalDatabase } from '../database/databaseSchema';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import type {
  DataRequestReceipt,
  DeskDeletionNotice,
  DeskReceiptSubmission,
} from '../../shared/portalWire/dataRequestSchemas';
import { deskMatchHash } from '../../shared/domain/deskMatchHash';
import type { EventHub } from '../events/eventHub';
import type { DataRequestTarget } from './dataRequestScope';
import { toDataRequestReceipt } from './dataRequestReceiptStore';

/** The receipt source of one desk (one user's desk). */
export const deskReceiptSource = (userId: string) => `desk:${userId}`;

function toNotice(row: Selectable<DataRequestDeskNoticesTable>): DeskDeletionNotice {
  return {
    requestId: row.request_id,
    clientIds: row.client_ids_json === null ? null : (JSON.parse(row.client_ids_json) as string[]),
    salt: row.salt,
    numberHash: row.number_hash,
    requestedAt: row.requested_at,
  };
}

/** True when the user's desk may hold copies of this request's records. */
function concerns(user: AuthenticatedUser, clientIds: readonly string[] | null): boolean {
  if (user.role === 'admin') return true;
  // An admin's request over every client also covers lines without a client: every desk.
  if (clientIds === null) return true;
  return clientIds.some((clientId) => user.clientIds.has(clientId));
}

/** Stores the notice of a finished portal deletion and tells the desks of its clients. */
export async function announceDeskDeletion(
  database: Kysely<PortalDatabase>,
  events: EventHub,
  requestId: string,
  target: DataRequestTarget,
  at: string,
): Promise<DeskDeletionNotice> {
  const salt = randomBytes(16).toString('hex');
  const row = {
    request_id: requestId,
    client_ids_json: target.clientIds === undefined ? null : JSON.stringify(target.clientIds),
    salt,
    number_hash: await deskMatchHash(salt, target.e164),
    requested_at: at,
  };
  await database.insertInto('data_request_desk_notices').values(row).execute();
  const notice = toNotice(row);
  events.publish(
    { type: 'data-request.deletion-requested', at, ...notice },
    { clientIds: notice.clientIds ?? 'everyone' },
  );
  return notice;
}

/** Notices concerning this user's desk that it has not confirmed with a receipt yet. */
export async function listPendingDeskDeletions(
  database: Kysely<PortalDatabase>,
  user: AuthenticatedUser,
): Promise<DeskDeletionNotice[]> {
  const rows = await database
    .selectFrom('data_request_desk_notices')
    .selectAll()
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('data_request_receipts')
            .select('data_request_receipts.id')
            .whereRef(
              'data_request_receipts.request_id',
              '=',
              'data_request_desk_notices.request_id',
            )
            .where('data_request_receipts.source', '=', deskReceiptSource(user.id)),
        ),
      ),
    )
    .orderBy('requested_at')
    .orderBy('request_id')
    .limit(500)
    .execute();
  return rows.map(toNotice).filter((notice) => concerns(user, notice.clientIds));
}

/** The notice of a request if it concerns the user's desk; undefined otherwise. */
export async function findDeskDeletion(
  database: Kysely<PortalDatabase>,
  user: AuthenticatedUser,
  requestId: string,
): Promise<DeskDeletionNotice | 'not-found' | 'out-of-scope'> {
  const row = await database
    .selectFrom('data_request_desk_notices')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (row === undefined) return 'not-found';
  const notice = toNotice(row);
  return concerns(user, notice.clientIds) ? notice : 'out-of-scope';
}

/**
 * A desk that had a matching note queued sends it before its receipt (never lost), so it reached
 * the portal after the deletion: remove notes of the request's clients stored since the
 * request whose callback number matches the notice's salted hash, with their deliveries.
 * Returns how many; counted in the desk's receipt as `outboxNotes` already.
 */
async function deleteLateNotes(
  database: Kysely<PortalDatabase>,
  notice: DeskDeletionNotice,
): Promise<number> {
  let query = database
    .selectFrom('notes')
    .select(['id', 'callback_e164'])
    .where('created_at', '>=', notice.requestedAt)
    .where('callback_e164', 'is not', null);
  if (notice.clientIds !== null) query = query.where('client_id', 'in', notice.clientIds);
  const matching: string[] = [];
  for (const row of await query.execute()) {
    if (
      row.callback_e164 &&
      (await deskMatchHash(notice.salt, row.callback_e164)) === notice.numberHash
    )
      matching.push(row.id);
  }
  if (matching.length === 0) return 0;
  await database.transaction().execute(async (transaction) => {
    await transaction.deleteFrom('deliveries').where('note_id', 'in', matching).execute();
    await transaction.deleteFrom('notes').where('id', 'in', matching).execute();
  });
  return matching.length;
}

/** Stores a desk's receipt once; a replay answers the stored one (the desk may retry). */
export async function recordDeskReceipt(
  database: Kysely<PortalDatabase>,
  user: AuthenticatedUser,
  notice: DeskDeletionNotice,
  submission: DeskReceiptSubmission,
  at: string,
): Promise<DataRequestReceipt> {
  const source = deskReceiptSource(user.id);
  if (submission.note === 'waited-for-queued-note') await deleteLateNotes(database, notice);
  const row = {
    id: randomUUID(),
    request_id: notice.requestId,
    client_ids_json: notice.clientIds === null ? null : JSON.stringify(notice.clientIds),
    counts_json: JSON.stringify(submission.counts),
    source,
    note: submission.note,
    deleted_by: user.id,
    deleted_at: at,
  };
  await database
    .insertInto('data_request_receipts')
    .values(row)
    .onConflict((conflict) => conflict.columns(['request_id', 'source']).doNothing())
    .execute();
  const stored = await database
    .selectFrom('data_request_receipts')
    .selectAll()
    .where('request_id', '=', notice.requestId)
    .where('source', '=', source)
    .executeTakeFirstOrThrow();
  return toDataRequestReceipt(stored);
}

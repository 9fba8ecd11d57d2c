/**
 * Desk deletion notices expire (issue 13): a notice keeps a salted hash of a caller's number so
 * that desks which were offline can still repeat a deletion. After the longest retention a desk
 * may apply (30 days, `MAXIMUM_RETENTION_MINUTES`) every desk copy it names is gone by retention
 * anyway, so the notice is purged by the portal's retention sweep. The receipts stay: they hold
 * no personal data and prove the deletion.
 */
import type { Kysely } from 'kysely';
import { MAXIMUM_RETENTION_MINUTES } from '../../shared/domain/clientProfile';
import type { PortalDatabase } from '../database/databaseSchema';

/** How long a notice is kept after its request. */
export const DESK_NOTICE_LIFETIME_MILLISECONDS = MAXIMUM_RETENTION_MINUTES * 60_000;

/** Deletes notices older than the longest retention; returns how many. */
export async function purgeExpiredDeskDeletionNotices(
  database: Kysely<PortalDatabase>,
  nowMilliseconds: number,
): Promise<number> {
  const cutoff = new Date(nowMilliseconds - DESK_NOTICE_LIFETIME_MILLISECONDS).toISOString();
  const result = await database
    .deleteFrom('data_request_desk_notices')
    .where('requested_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

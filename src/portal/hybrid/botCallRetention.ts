/**
 * Deletes bot transcripts, collected fields and summaries on the client's schedule, with the
 * same PII-free deletion receipts the desks send (`deletion_receipts`, record type
 * `transcript`). RAM-only content is dropped from memory when the call ends (receipt reason
 * `ram-only`); `delete-after-sync` content when the call ended; `keep-hours`/`keep-minutes`
 * content once that time after the call's end has passed (at most 30 days).
 */
import { randomUUID } from 'node:crypto';
import type { PortalContext } from '../portalContext';
import { nowIso } from '../portalContext';
import { getClient } from '../domain/clientStore';
import { recordDeletionReceipt } from '../domain/deletionReceiptStore';
import { MAXIMUM_RETENTION_MINUTES } from '../../shared/domain/clientProfile';

/** The actor of receipts the portal writes itself. */
export const PORTAL_ACTOR = 'portal:retention';

function keepMinutes(mode: string, hours?: number, minutes?: number): number {
  if (mode === 'keep-hours') return (hours ?? MAXIMUM_RETENTION_MINUTES / 60) * 60;
  if (mode === 'keep-minutes') return minutes ?? MAXIMUM_RETENTION_MINUTES;
  return 0;
}

/**
 * One sweep over ended bot calls whose content is still kept (RAM-only content: only what this
 * process holds); returns how many calls' content was deleted.
 */
export async function sweepBotCallContent(context: PortalContext): Promise<number> {
  const rows = await context.database
    .selectFrom('bot_calls')
    .select(['call_id', 'client_id', 'ended_at'])
    .where('state', '=', 'ended')
    .where('content_deleted_at', 'is', null)
    .execute();
  let deleted = 0;
  for (const row of rows) {
    const profile = await getClient(context.database, row.client_id);
    const retention = profile?.retention ?? { mode: 'ram-only' as const };
    // Another process may hold this RAM-only call's content: that process deletes it.
    if (retention.mode === 'ram-only' && !context.botContent.holdsInMemory(row.call_id)) continue;
    const dueAt =
      Date.parse(row.ended_at ?? '') +
      keepMinutes(retention.mode, retention.hours, retention.minutes) * 60_000;
    if (!(dueAt <= context.now())) continue;
    const at = nowIso(context);
    const had = await context.botContent.delete(context.database, row.call_id);
    await context.database
      .updateTable('bot_calls')
      .set({ content_deleted_at: at })
      .where('call_id', '=', row.call_id)
      .execute();
    if (!had) continue;
    deleted += 1;
    await recordDeletionReceipt(
      context.database,
      {
        transactionId: randomUUID(),
        clientId: row.client_id,
        recordType: 'transcript',
        reason: retention.mode === 'ram-only' ? 'ram-only' : 'retention-expired',
        deletedAt: at,
      },
      PORTAL_ACTOR,
      at,
    );
  }
  return deleted;
}

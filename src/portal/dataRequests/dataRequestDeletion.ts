/**
 * Art. 17: deletes every record of one caller number that a search shows, in one database
 * transaction (the RAM-only bot content, the other store, right after its commit), and leaves a
 * receipt with counts only. The selections are evaluated inside the transaction, so a record
 * written between the search and the deletion is deleted too and counted.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { BotCallContent } from '../hybrid/botCallContent';
import { appendAudit } from '../domain/auditLog';
import {
  DATA_RECORD_KINDS,
  type DataRecordCounts,
  type DataRequestReceipt,
} from '../../shared/portalWire/dataRequestSchemas';
import { findBotCallIds } from './botCallMatches';
import {
  auditIds,
  callFilter,
  lineCallFilter,
  noteFilters,
  noteIds,
  type DataRequestTarget,
} from './dataRequestScope';
import { PORTAL_RECEIPT_SOURCE, toDataRequestReceipt } from './dataRequestReceiptStore';

export interface DeletionActor {
  readonly userId: string;
  /** Keyed hash of the number (subjectHash.ts): how the audit entry names the caller. */
  readonly subject: string;
  readonly at: string;
}

const deleted = (result: { numDeletedRows: bigint | number }) => Number(result.numDeletedRows);

export async function deleteDataRequest(
  database: Kysely<PortalDatabase>,
  botContent: BotCallContent,
  target: DataRequestTarget,
  actor: DeletionActor,
): Promise<DataRequestReceipt> {
  const requestId = randomUUID();
  const { receipt, botCallIds } = await database.transaction().execute(async (transaction) => {
    const counts = Object.fromEntries(
      DATA_RECORD_KINDS.map((kind) => [kind, 0]),
    ) as DataRecordCounts;
    const botCallIds = await findBotCallIds(transaction, botContent, target);
    // Children before parents: every selection below still needs the rows it refers to.
    const namingIds = (await auditIds(transaction, target, botCallIds).execute()).map(
      (row) => row.id,
    );
    for (let start = 0; start < namingIds.length; start += 500) {
      const chunk = namingIds.slice(start, start + 500);
      counts.auditEntries += deleted(
        await transaction.deleteFrom('audit_log').where('id', 'in', chunk).executeTakeFirst(),
      );
    }
    counts.deliveries = deleted(
      await transaction
        .deleteFrom('deliveries')
        .where('note_id', 'in', noteIds(transaction, target))
        .executeTakeFirst(),
    );
    // Notes linked to one of the number's calls first: that filter still needs the calls.
    for (const filter of [...noteFilters(transaction, target)].reverse())
      counts.notes += deleted(
        await transaction.deleteFrom('notes').where(filter).executeTakeFirst(),
      );
    if (botCallIds.length > 0) await deleteBotCalls(transaction, botContent, botCallIds, counts);
    counts.calls = deleted(
      await transaction.deleteFrom('calls').where(callFilter(target)).executeTakeFirst(),
    );
    counts.lineCalls = deleted(
      await transaction
        .deleteFrom('unassigned_line_calls')
        .where(lineCallFilter(target))
        .executeTakeFirst(),
    );
    const row = {
      id: randomUUID(),
      request_id: requestId,
      client_ids_json: target.clientIds === undefined ? null : JSON.stringify(target.clientIds),
      counts_json: JSON.stringify(counts),
      source: PORTAL_RECEIPT_SOURCE,
      note: null,
      deleted_by: actor.userId,
      deleted_at: actor.at,
    };
    await transaction.insertInto('data_request_receipts').values(row).execute();
    await appendAudit(transaction, {
      at: actor.at,
      actorUserId: actor.userId,
      action: 'data-request.deleted',
      clientId: target.clientIds?.length === 1 ? (target.clientIds[0] ?? null) : null,
      targetType: 'data-request',
      targetId: requestId,
      details: { subject: actor.subject, ...counts },
    });
    return { receipt: toDataRequestReceipt(row), botCallIds };
  });
  // RAM-only bot content is the second store: dropped once the database side has committed.
  for (const callId of botCallIds) await botContent.delete(database, callId);
  return receipt;
}

async function deleteBotCalls(
  transaction: Kysely<PortalDatabase>,
  botContent: BotCallContent,
  botCallIds: readonly string[],
  counts: DataRecordCounts,
): Promise<void> {
  const ids = [...botCallIds];
  for (const callId of ids) {
    // Counted before deletion so RAM-only content shows up in the receipt too.
    const content = await botContent.read(transaction, callId);
    counts.botTranscriptSegments += content.segments.length;
    counts.botFields += content.fields.length;
    counts.botSummaries += content.summary === '' ? 0 : 1;
  }
  for (const table of ['bot_call_segments', 'bot_call_fields', 'bot_call_summaries'] as const)
    await transaction.deleteFrom(table).where('call_id', 'in', ids).execute();
  // A supervisor's whispers and review notes on these calls are free text about the caller: they
  // go with the call, counted as their own kind in the receipt.
  for (const table of ['whispers', 'review_notes'] as const)
    counts.supervisorNotes += deleted(
      await transaction.deleteFrom(table).where('call_id', 'in', ids).executeTakeFirst(),
    );
  counts.botEvents = deleted(
    await transaction.deleteFrom('bot_events').where('call_id', 'in', ids).executeTakeFirst(),
  );
  counts.botCalls = deleted(
    await transaction.deleteFrom('bot_calls').where('call_id', 'in', ids).executeTakeFirst(),
  );
}

/**
 * Art. 15: everything the portal holds about one caller number, record by record, with where it
 * was found. Read-only; the deletion (dataRequestDeletion.ts) uses the same selections.
 */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '../database/databaseSchema';
import type { BotCallContent } from '../hybrid/botCallContent';
import {
  DATA_RECORD_KINDS,
  type DataRecord,
  type DataRecordCounts,
  type DataRecordKind,
  type DataRequestFindings,
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

type Row = Record<string, unknown>;

function asFields(row: Row): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(row))
    fields[name] = value === null || value === undefined ? null : String(value);
  return fields;
}

function toRecord(kind: DataRecordKind, id: string, clientId: string | null, row: Row): DataRecord {
  return { kind, id, clientId, fields: asFields(row) };
}

export async function searchDataRequest(
  database: Kysely<PortalDatabase>,
  botContent: BotCallContent,
  target: DataRequestTarget,
  searchedAt: string,
): Promise<DataRequestFindings> {
  const records: DataRecord[] = [];
  const calls = await database.selectFrom('calls').selectAll().where(callFilter(target)).execute();
  for (const row of calls) records.push(toRecord('calls', row.id, row.client_id, row));
  const lineCalls = await database
    .selectFrom('unassigned_line_calls')
    .selectAll()
    .where(lineCallFilter(target))
    .execute();
  for (const row of lineCalls) records.push(toRecord('lineCalls', row.id, null, row));
  const [byNumber, byCall] = noteFilters(database, target);
  const notes = await database
    .selectFrom('notes')
    .selectAll()
    .where(byNumber)
    .union(database.selectFrom('notes').selectAll().where(byCall))
    .execute();
  for (const row of notes) records.push(toRecord('notes', row.id, row.client_id, row));
  const deliveries = await database
    .selectFrom('deliveries')
    .selectAll()
    .where('note_id', 'in', noteIds(database, target))
    .execute();
  for (const row of deliveries) records.push(toRecord('deliveries', row.id, row.client_id, row));
  const botCallIds = await findBotCallIds(database, botContent, target);
  await addBotCalls(database, botContent, botCallIds, records);
  const audit = await database
    .selectFrom('audit_log')
    .selectAll()
    .where('id', 'in', auditIds(database, target, botCallIds))
    .execute();
  for (const row of audit) records.push(toRecord('auditEntries', row.id, row.client_id, row));
  return {
    callerNumber: target.e164,
    clientIds: target.clientIds === undefined ? null : [...target.clientIds],
    searchedAt,
    counts: countByKind(records),
    records,
  };
}

async function addBotCalls(
  database: Kysely<PortalDatabase>,
  botContent: BotCallContent,
  botCallIds: readonly string[],
  records: DataRecord[],
): Promise<void> {
  if (botCallIds.length === 0) return;
  const rows = await database
    .selectFrom('bot_calls')
    .selectAll()
    .where('call_id', 'in', [...botCallIds])
    .execute();
  for (const row of rows) {
    records.push(toRecord('botCalls', row.call_id, row.client_id, row));
    const content = await botContent.read(database, row.call_id);
    for (const segment of content.segments)
      records.push(
        toRecord('botTranscriptSegments', segment.segmentId, row.client_id, {
          callId: row.call_id,
          ...segment,
        }),
      );
    for (const field of content.fields)
      records.push(
        toRecord('botFields', `${row.call_id}:${field.field}`, row.client_id, {
          callId: row.call_id,
          ...field,
        }),
      );
    if (content.summary !== '')
      records.push(
        toRecord('botSummaries', row.call_id, row.client_id, {
          callId: row.call_id,
          summary: content.summary,
        }),
      );
  }
  const events = await database
    .selectFrom('bot_events')
    .selectAll()
    .where('call_id', 'in', [...botCallIds])
    .execute();
  for (const row of events) records.push(toRecord('botEvents', row.event_id, null, row));
  // A supervisor's whispers and review notes on these calls: free text about the caller.
  for (const table of ['whispers', 'review_notes'] as const) {
    const notes = await database
      .selectFrom(table)
      .selectAll()
      .where('call_id', 'in', [...botCallIds])
      .execute();
    for (const row of notes)
      records.push(toRecord('supervisorNotes', row.id, row.client_id, { kind: table, ...row }));
  }
}

export function countByKind(records: readonly { kind: DataRecordKind }[]): DataRecordCounts {
  const counts = Object.fromEntries(DATA_RECORD_KINDS.map((kind) => [kind, 0])) as DataRecordCounts;
  for (const record of records) counts[record.kind] += 1;
  return counts;
}

/**
 * Data requests (issue 13, DSGVO Art. 15 and 17): indexes that find every record of one caller
 * number without a table scan, the callback number of notes in E.164 (notes store it as typed,
 * `030 / 123 45`), and the table of data-request receipts (no personal data: counts only).
 */
import type { Kysely, Migration } from 'kysely';
import { toE164 } from '../../../shared/domain/phoneNumber';

interface NoteNumberRow {
  id: string;
  callback_number: string;
}

export const migration0004DataRequests: Migration = {
  async up(database: Kysely<unknown>) {
    const schema = database.schema;
    await schema.alterTable('notes').addColumn('callback_e164', 'text').execute();
    // Existing notes get their normalised number here (the normaliser is TypeScript, not SQL).
    const typed = database as unknown as Kysely<{
      notes: NoteNumberRow & { callback_e164: string | null };
    }>;
    const rows = await typed.selectFrom('notes').select(['id', 'callback_number']).execute();
    for (const row of rows) {
      const e164 = toE164(row.callback_number);
      if (e164 === undefined) continue;
      await typed
        .updateTable('notes')
        .set({ callback_e164: e164 })
        .where('id', '=', row.id)
        .execute();
    }
    await schema.createIndex('notes_callback_e164').on('notes').column('callback_e164').execute();
    await schema.createIndex('notes_call').on('notes').column('call_id').execute();
    await schema.createIndex('calls_caller_number').on('calls').column('caller_number').execute();
    await schema
      .createIndex('unassigned_line_calls_caller_number')
      .on('unassigned_line_calls')
      .column('caller_number')
      .execute();
    await schema.createIndex('deliveries_note').on('deliveries').column('note_id').execute();
    await schema.createIndex('audit_log_target').on('audit_log').column('target_id').execute();
    await schema.createIndex('bot_events_call').on('bot_events').column('call_id').execute();
    await schema
      .createTable('data_request_receipts')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('request_id', 'text', (column) => column.notNull())
      .addColumn('client_ids_json', 'text')
      .addColumn('counts_json', 'text', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('note', 'text')
      .addColumn('deleted_by', 'text', (column) => column.notNull())
      .addColumn('deleted_at', 'text', (column) => column.notNull())
      .execute();
    // One portal receipt per request, one per desk and request: replays change nothing.
    await schema
      .createIndex('data_request_receipts_request_source')
      .unique()
      .on('data_request_receipts')
      .columns(['request_id', 'source'])
      .execute();
    await schema
      .createIndex('data_request_receipts_deleted')
      .on('data_request_receipts')
      .column('deleted_at')
      .execute();
  },
};

/**
 * Supervisor board (issue 10): when a human accepted a bot call (service level), per-client
 * service-level targets, acknowledged alerts, whispers to the agent on a call and review notes
 * on a call's transcript. Numbered 0005 so it sorts after any 0004 written alongside it.
 */
import type { Kysely, Migration } from 'kysely';

export const migration0005Supervision: Migration = {
  async up(database: Kysely<unknown>) {
    await database.schema.alterTable('bot_calls').addColumn('accepted_at', 'text').execute();
    await database.schema
      .createTable('service_level_targets')
      .addColumn('client_id', 'text', (column) => column.primaryKey())
      .addColumn('threshold_seconds', 'integer', (column) => column.notNull())
      .addColumn('target_percent', 'integer', (column) => column.notNull())
      .addColumn('updated_by', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createTable('alert_acknowledgements')
      .addColumn('alert_key', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('acknowledged_by', 'text', (column) => column.notNull())
      .addColumn('acknowledged_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createTable('whispers')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('call_id', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('from_user_id', 'text', (column) => column.notNull())
      .addColumn('to_user_id', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('sent_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex('whispers_recipient')
      .on('whispers')
      .columns(['to_user_id', 'call_id'])
      .execute();
    await database.schema
      .createTable('review_notes')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('call_id', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('segment_id', 'text')
      .addColumn('author_user_id', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex('review_notes_call')
      .on('review_notes')
      .column('call_id')
      .execute();
  },
  async down(database: Kysely<unknown>) {
    await database.schema.dropTable('review_notes').execute();
    await database.schema.dropTable('whispers').execute();
    await database.schema.dropTable('alert_acknowledgements').execute();
    await database.schema.dropTable('service_level_targets').execute();
    await database.schema.alterTable('bot_calls').dropColumn('accepted_at').execute();
  },
};

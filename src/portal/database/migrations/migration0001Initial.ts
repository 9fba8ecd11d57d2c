/**
 * Version 1: the whole initial schema. Portable DDL only (text, integer), so the same
 * migration runs on SQLite and PostgreSQL.
 */
import type { Kysely, Migration } from 'kysely';

export const migration0001Initial: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    const schema = database.schema;
    await schema
      .createTable('users')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_name', 'text', (column) => column.notNull().unique())
      .addColumn('display_name', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('password_hash', 'text', (column) => column.notNull())
      .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createTable('user_client_assignments')
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('user_client_assignments_key', ['user_id', 'client_id'])
      .execute();
    await schema
      .createTable('clients')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('profile_json', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createTable('client_lines')
      .addColumn('line', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createIndex('client_lines_client')
      .on('client_lines')
      .column('client_id')
      .execute();
    await schema
      .createTable('calls')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('line', 'text', (column) => column.notNull())
      .addColumn('caller_number', 'text')
      .addColumn('ring_at', 'text', (column) => column.notNull())
      .addColumn('answer_at', 'text')
      .addColumn('end_at', 'text')
      .addColumn('agent_id', 'text')
      .addColumn('outcome', 'text')
      .addColumn('wrap_up_seconds', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createIndex('calls_client_ring')
      .on('calls')
      .columns(['client_id', 'ring_at'])
      .execute();
    await schema
      .createTable('notes')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('call_id', 'text')
      .addColumn('idempotency_key', 'text', (column) => column.notNull().unique())
      .addColumn('request_hash', 'text', (column) => column.notNull())
      .addColumn('caller_name', 'text', (column) => column.notNull())
      .addColumn('company', 'text', (column) => column.notNull())
      .addColumn('callback_number', 'text', (column) => column.notNull())
      .addColumn('concern', 'text', (column) => column.notNull())
      .addColumn('urgency', 'text', (column) => column.notNull())
      .addColumn('preferred_callback_time', 'text', (column) => column.notNull())
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addColumn('free_text', 'text', (column) => column.notNull())
      .addColumn('tags_json', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createIndex('notes_client_created')
      .on('notes')
      .columns(['client_id', 'created_at'])
      .execute();
    await schema
      .createTable('deliveries')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('note_id', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('recipients_json', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (column) => column.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('segments', 'integer')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addUniqueConstraint('deliveries_note_channel', ['note_id', 'channel'])
      .execute();
    await schema
      .createIndex('deliveries_due')
      .on('deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await schema
      .createTable('bot_switches')
      .addColumn('scope_key', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text')
      .addColumn('mode', 'text', (column) => column.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('changed_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createTable('presence')
      .addColumn('user_id', 'text', (column) => column.primaryKey())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createTable('audit_log')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text')
      .addColumn('target_type', 'text', (column) => column.notNull())
      .addColumn('target_id', 'text')
      .addColumn('details_json', 'text', (column) => column.notNull())
      .execute();
    await schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await schema
      .createTable('deletion_receipts')
      .addColumn('transaction_id', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('record_type', 'text', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('deleted_at', 'text', (column) => column.notNull())
      .addColumn('recorded_by', 'text', (column) => column.notNull())
      .addColumn('recorded_at', 'text', (column) => column.notNull())
      .execute();
    await schema
      .createTable('sessions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('session_id', 'text', (column) => column.notNull())
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },

  async down(database: Kysely<unknown>): Promise<void> {
    for (const table of [
      'refresh_tokens',
      'sessions',
      'deletion_receipts',
      'audit_log',
      'presence',
      'bot_switches',
      'deliveries',
      'notes',
      'calls',
      'client_lines',
      'clients',
      'user_client_assignments',
      'users',
    ]) {
      await database.schema.dropTable(table).execute();
    }
  },
};

/**
 * Hybrid reception (issue 9, docs/hybrid.md): agents' SIP user names, when an agent became idle
 * (longest idle first) and why they are not ready, the bot calls with their queue and offer
 * state, the bot's transcript segments and collected fields (clients that allow disk), and the
 * bot events seen (idempotency by event ID).
 */
import type { Kysely, Migration } from 'kysely';

export const migration0003HybridReception: Migration = {
  async up(database: Kysely<unknown>) {
    await database.schema.alterTable('users').addColumn('sip_user', 'text').execute();
    await database.schema
      .createIndex('users_sip_user')
      .unique()
      .on('users')
      .column('sip_user')
      .execute();
    await database.schema.alterTable('presence').addColumn('idle_since', 'text').execute();
    await database.schema.alterTable('presence').addColumn('reason', 'text').execute();
    await database.schema
      .createTable('bot_calls')
      .addColumn('call_id', 'text', (column) => column.primaryKey())
      .addColumn('client_id', 'text', (column) => column.notNull())
      .addColumn('line', 'text', (column) => column.notNull())
      .addColumn('sip_call_id', 'text', (column) => column.notNull())
      .addColumn('bot_id', 'text')
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('started_at', 'text', (column) => column.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('disclosure_played', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('consent_given', 'integer')
      .addColumn('escalation_reason', 'text')
      .addColumn('escalation_urgency', 'text')
      .addColumn('escalated_at', 'text')
      .addColumn('queue_state', 'text', (column) => column.notNull().defaultTo('none'))
      .addColumn('queue_rank', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('offer_id', 'text')
      .addColumn('offered_to', 'text')
      .addColumn('offer_expires_at', 'text')
      .addColumn('passed_over_json', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('accepted_by', 'text')
      .addColumn('handover_token', 'text')
      .addColumn('connect_by', 'text')
      .addColumn('content_deleted_at', 'text')
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createIndex('bot_calls_queue')
      .on('bot_calls')
      .columns(['queue_state', 'client_id'])
      .execute();
    await database.schema
      .createIndex('bot_calls_handover_token')
      .unique()
      .on('bot_calls')
      .column('handover_token')
      .execute();
    await database.schema
      .createTable('bot_call_segments')
      .addColumn('call_id', 'text', (column) => column.notNull())
      .addColumn('segment_id', 'text', (column) => column.notNull())
      .addColumn('speaker', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('start_ms', 'integer', (column) => column.notNull())
      .addColumn('end_ms', 'integer', (column) => column.notNull())
      .addColumn('final', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('bot_call_segments_pk', ['call_id', 'segment_id'])
      .execute();
    await database.schema
      .createTable('bot_call_fields')
      .addColumn('call_id', 'text', (column) => column.notNull())
      .addColumn('field', 'text', (column) => column.notNull())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('confidence', 'real', (column) => column.notNull())
      .addPrimaryKeyConstraint('bot_call_fields_pk', ['call_id', 'field'])
      .execute();
    await database.schema
      .createTable('bot_call_summaries')
      .addColumn('call_id', 'text', (column) => column.primaryKey())
      .addColumn('summary', 'text', (column) => column.notNull())
      .execute();
    await database.schema
      .createTable('bot_events')
      .addColumn('event_id', 'text', (column) => column.primaryKey())
      .addColumn('bot_id', 'text', (column) => column.notNull())
      .addColumn('call_id', 'text', (column) => column.notNull())
      .addColumn('request_hash', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('received_at', 'text', (column) => column.notNull())
      .execute();
  },
  async down(database: Kysely<unknown>) {
    for (const table of [
      'bot_events',
      'bot_call_summaries',
      'bot_call_fields',
      'bot_call_segments',
      'bot_calls',
    ])
      await database.schema.dropTable(table).execute();
    await database.schema.dropIndex('users_sip_user').execute();
    await database.schema.alterTable('users').dropColumn('sip_user').execute();
    await database.schema.alterTable('presence').dropColumn('idle_since').execute();
    await database.schema.alterTable('presence').dropColumn('reason').execute();
  },
};

/**
 * Calls to lines that belong to no client (unknown or not yet configured lines). They are
 * billable too (DOMAIN.md "Billing"), but `calls.client_id` is NOT NULL and SQLite cannot relax
 * that without rebuilding the table, so they live in a table of their own with the same columns
 * minus the client. A call ID is unique across both tables (the route checks both).
 */
import type { Kysely, Migration } from 'kysely';

export const migration0002UnassignedLineCalls: Migration = {
  async up(database: Kysely<unknown>) {
    await database.schema
      .createTable('unassigned_line_calls')
      .addColumn('id', 'text', (column) => column.primaryKey())
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
    await database.schema
      .createIndex('unassigned_line_calls_ring')
      .on('unassigned_line_calls')
      .columns(['ring_at', 'line'])
      .execute();
  },
  async down(database: Kysely<unknown>) {
    await database.schema.dropTable('unassigned_line_calls').execute();
  },
};

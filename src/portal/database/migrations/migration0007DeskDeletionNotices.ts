/**
 * Desk deletions (issue 13 item 2): each portal deletion leaves a notice with a fresh salt and
 * the salted hash of the number, so desks that were offline when the event went out can fetch
 * it and delete their local copies. A desk's receipt goes to `data_request_receipts`.
 */
import type { Kysely, Migration } from 'kysely';

export const migration0007DeskDeletionNotices: Migration = {
  async up(database: Kysely<unknown>) {
    await database.schema
      .createTable('data_request_desk_notices')
      .addColumn('request_id', 'text', (column) => column.primaryKey())
      .addColumn('client_ids_json', 'text')
      .addColumn('salt', 'text', (column) => column.notNull())
      .addColumn('number_hash', 'text', (column) => column.notNull())
      .addColumn('requested_at', 'text', (column) => column.notNull())
      .execute();
  },
};

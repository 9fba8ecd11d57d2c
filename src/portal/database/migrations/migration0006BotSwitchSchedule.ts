/**
 * The shift lead's bot switch (issue 10): why a switch was set and when it reverts by itself
 * ("off for 2 hours"), and one bot schedule per client (weekly windows, holidays, exceptions;
 * src/shared/domain/botSchedule.ts) stored as validated JSON.
 */
import type { Kysely, Migration } from 'kysely';

export const migration0006BotSwitchSchedule: Migration = {
  async up(database: Kysely<unknown>) {
    await database.schema.alterTable('bot_switches').addColumn('reason', 'text').execute();
    await database.schema.alterTable('bot_switches').addColumn('revert_at', 'text').execute();
    await database.schema.alterTable('bot_switches').addColumn('revert_to', 'text').execute();
    await database.schema
      .createTable('bot_schedules')
      .addColumn('client_id', 'text', (column) => column.primaryKey())
      .addColumn('schedule_json', 'text', (column) => column.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('changed_at', 'text', (column) => column.notNull())
      .execute();
  },

  async down(database: Kysely<unknown>) {
    await database.schema.dropTable('bot_schedules').execute();
    for (const column of ['revert_to', 'revert_at', 'reason'])
      await database.schema.alterTable('bot_switches').dropColumn(column).execute();
  },
};

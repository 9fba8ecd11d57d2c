/**
 * In-code migrations, one per schema version, the same list for SQLite and PostgreSQL.
 * To add a version: write `migrations/migrationNNNNWhatItDoes.ts` exporting a Kysely
 * `Migration`, and append it here under the next zero-padded key. Never edit a released one.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migration0001Initial } from './migrations/migration0001Initial';
import { migration0002UnassignedLineCalls } from './migrations/migration0002UnassignedLineCalls';
import { migration0003HybridReception } from './migrations/migration0003HybridReception';
import { migration0004DataRequests } from './migrations/migration0004DataRequests';
import { migration0005Supervision } from './migrations/migration0005Supervision';
import { migration0006BotSwitchSchedule } from './migrations/migration0006BotSwitchSchedule';
import { migration0007DeskDeletionNotices } from './migrations/migration0007DeskDeletionNotices';
import type { PortalDatabase } from './databaseSchema';

/** Keys sort lexically, so they are zero-padded version numbers. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': migration0001Initial,
  '0002-unassigned-line-calls': migration0002UnassignedLineCalls,
  '0003-hybrid-reception': migration0003HybridReception,
  '0004-data-requests': migration0004DataRequests,
  '0005-supervision': migration0005Supervision,
  '0006-bot-switch-schedule': migration0006BotSwitchSchedule,
  '0007-desk-deletion-notices': migration0007DeskDeletionNotices,
};

/**
 * Brings the database to the newest version; throws if any migration fails. On PostgreSQL the
 * migration tables are looked up in the connection's current schema: without it Kysely finds
 * another schema's `kysely_migration_lock` (tests run one schema each, side by side) and fails.
 */
export async function migrateToLatest(
  database: Kysely<PortalDatabase>,
  kind: 'sqlite' | 'postgres' = 'sqlite',
): Promise<string[]> {
  const schema =
    kind === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db: database,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const resultSet: MigrationResultSet = await migrator.migrateToLatest();
  if (resultSet.error) {
    const failed = resultSet.results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, {
      cause: resultSet.error,
    });
  }
  return (resultSet.results ?? []).map((result) => result.migrationName);
}

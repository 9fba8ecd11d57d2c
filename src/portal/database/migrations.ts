/**
 * In-code migrations, one per schema version, the same list for SQLite and PostgreSQL.
 * To add a version: write `migrations/migrationNNNNWhatItDoes.ts` exporting a Kysely
 * `Migration`, and append it here under the next zero-padded key. Never edit a released one.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migration0001Initial } from './migrations/migration0001Initial';
import { migration0002UnassignedLineCalls } from './migrations/migration0002UnassignedLineCalls';
import { migration0003HybridReception } from './migrations/migration0003HybridReception';
import { migration0004DataRequests } from './migrations/migration0004DataRequests';
import { migration0005DeskDeletionNotices } from './migrations/migration0005DeskDeletionNotices';
import type { PortalDatabase } from './databaseSchema';

/** Keys sort lexically, so they are zero-padded version numbers. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': migration0001Initial,
  '0002-unassigned-line-calls': migration0002UnassignedLineCalls,
  '0003-hybrid-reception': migration0003HybridReception,
  '0004-data-requests': migration0004DataRequests,
  '0005-desk-deletion-notices': migration0005DeskDeletionNotices,
};

/** Brings the database to the newest version; throws if any migration fails. */
export async function migrateToLatest(database: Kysely<PortalDatabase>): Promise<string[]> {
  const migrator = new Migrator({
    db: database,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
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

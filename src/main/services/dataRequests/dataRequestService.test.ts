/**
 * The desk host's data request service on a real portal (SQLite in a temp folder): a supervisor
 * finds a caller's call, gets the HTML page, deletes it and reads the receipt; refusals (number,
 * scope, rate limit) come back as data, a portal that is down as `unavailable`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../shared/demo/demoClients';
import {
  lawFirmCall,
  seedPortal,
  startDeskHost,
  startRestartablePortal,
  temporaryFolder,
  TEST_PASSWORD,
} from '../portal/portalServiceTestSupport';
import { createDataRequestService } from './dataRequestService';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const own = DEMO_CLIENTS[0]!.id;
const other = DEMO_CLIENTS[1]!.id;
/** The caller of `lawFirmCall()`, written as a person would type it. */
const TYPED_NUMBER = '0151 / 123 456 78';

async function supervisorDesk() {
  const folder = await temporaryFolder();
  cleanups.push(folder.remove);
  const portal = await startRestartablePortal(folder.path);
  cleanups.push(portal.stop);
  await seedPortal(portal.current(), [
    { userName: 'sina.supervisor', role: 'supervisor', clientIds: [own] },
  ]);
  const desk = await startDeskHost(folder.path, portal.url);
  cleanups.push(desk.dispose);
  const login = await desk.methods.login({ userName: 'sina.supervisor', password: TEST_PASSWORD });
  expect(login.kind).toBe('ok');
  const service = createDataRequestService({
    auth: async () => desk.service.connection()!.auth,
  });
  return { portal, desk, methods: service.methods };
}

describe('data request service', () => {
  it('searches, reports, deletes and shows the receipt; a later search finds nothing', async () => {
    const { desk, methods } = await supervisorDesk();
    await desk.methods.recordCall(lawFirmCall());

    const found = await methods.search({ callerNumber: TYPED_NUMBER });
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.findings.callerNumber).toBe('+4915112345678');
    expect(found.findings.counts.calls).toBe(1);

    const report = await methods.report({ callerNumber: TYPED_NUMBER, clientId: own });
    expect(report.kind).toBe('report');
    if (report.kind === 'report') expect(report.html).toContain('<html');

    const deleted = await methods.deleteAll({ callerNumber: TYPED_NUMBER, confirm: true });
    expect(deleted.kind).toBe('deleted');
    if (deleted.kind !== 'deleted') return;
    expect(deleted.receipt.counts.calls).toBe(1);
    expect(JSON.stringify(deleted.receipt)).not.toContain('12345678');
    const receipts = await methods.receipts(deleted.receipt.requestId);
    expect(receipts.map((receipt) => receipt.source)).toContain('portal');

    const again = await methods.search({ callerNumber: TYPED_NUMBER });
    expect(again.kind === 'found' && again.findings.records).toEqual([]);
  });

  it('answers refusals as data: number, scope, rate limit', async () => {
    const { methods } = await supervisorDesk();
    expect(await methods.search({ callerNumber: '<script>alert(1)</script>' })).toEqual({
      kind: 'invalid-number',
    });
    expect(await methods.search({ callerNumber: TYPED_NUMBER, clientId: other })).toEqual({
      kind: 'forbidden',
    });
    let answer = await methods.search({ callerNumber: TYPED_NUMBER });
    for (let request = 0; request < 25 && answer.kind !== 'rate-limited'; request += 1) {
      answer = await methods.search({ callerNumber: TYPED_NUMBER });
    }
    expect(answer.kind).toBe('rate-limited');
    if (answer.kind === 'rate-limited') expect(answer.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('says "unavailable" when the portal is down, and works again once it is back', async () => {
    const { portal, methods } = await supervisorDesk();
    await portal.stop();
    await expect(methods.search({ callerNumber: TYPED_NUMBER })).rejects.toMatchObject({
      code: 'unavailable',
    });
    await portal.start();
    expect((await methods.search({ callerNumber: TYPED_NUMBER })).kind).toBe('found');
  });
});

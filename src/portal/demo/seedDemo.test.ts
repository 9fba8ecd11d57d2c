import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../shared/demo/demoClients';
import { startTestPortal, TEST_PASSWORD_COST, type TestPortal } from '../testing/portalTestHarness';
import { SQLITE_TARGET } from '../testing/testDatabases';
import { DEMO_USERS, seedDemo } from './seedDemo';

describe('seedDemo', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(SQLITE_TARGET);
  });
  afterAll(async () => portal?.close());

  it('loads the three demo clients and one user per role, and can run twice', async () => {
    const context = portal.portal.context;
    const first = await seedDemo(context.database, TEST_PASSWORD_COST, context.now);
    expect(first.clientsSaved).toEqual(DEMO_CLIENTS.map((client) => client.id));
    expect(first.usersCreated).toEqual([
      'demo-agent',
      'demo-supervisor',
      'demo-shift-lead',
      'demo-admin',
    ]);
    const second = await seedDemo(context.database, TEST_PASSWORD_COST, context.now);
    expect(second.usersCreated).toEqual([]);
    expect(second.usersKept).toHaveLength(4);

    const agent = DEMO_USERS.find((user) => user.role === 'agent');
    const tokens = await portal.login(agent?.userName ?? '', agent?.password);
    const clients = await portal.request<Array<{ id: string }>>('GET', '/clients', {
      token: tokens.accessToken,
    });
    expect(clients.body.map((client) => client.id).sort()).toEqual(
      DEMO_CLIENTS.map((client) => client.id).sort(),
    );
    const line = DEMO_CLIENTS[0]?.lines[0] ?? '';
    const card = await portal.request<{ name: string; approvedTexts: unknown[] }>(
      'GET',
      `/lines/${line}/client`,
      { token: tokens.accessToken },
    );
    expect(card.status).toBe(200);
    expect(card.body.approvedTexts.length).toBeGreaterThanOrEqual(15);
  });
});

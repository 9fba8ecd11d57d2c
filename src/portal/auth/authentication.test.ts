/** Login rate limit, token expiry and refresh rotation, logout, and live role/scope changes. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenPair } from '../../shared/portalWire/authSchemas';
import { startTestPortal, TEST_PASSWORD, type TestPortal } from '../testing/portalTestHarness';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('authentication on $name', (target) => {
  let portal: TestPortal;
  const clock = { now: Date.parse('2025-03-31T08:00:00Z') };

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target, { now: () => clock.now });
    await portal.createUser('agent-anna', 'agent', []);
    await portal.createUser('agent-ben', 'agent', []);
    await portal.createUser('admin-carla', 'admin', []);
  });
  afterAll(async () => portal?.close());
  beforeEach(() => {
    clock.now += 3_600_000; // every test starts after earlier rate-limit windows
  });

  const login = (userName: string, password: string) =>
    portal.request<TokenPair & { error?: unknown }>('POST', '/auth/login', {
      body: { userName, password },
    });

  it.skipIf(target.skipReason)('refuses wrong passwords and unknown users alike', async () => {
    const wrong = await login('agent-anna', 'not the password');
    const unknown = await login('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it.skipIf(target.skipReason)(
    'answers 429 with Retry-After after 5 failures a minute, per user name',
    async () => {
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect((await login('agent-anna', 'wrong')).status).toBe(401);
      const blocked = await login('agent-anna', TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await login('agent-ben', TEST_PASSWORD)).status).toBe(200);
      clock.now += retryAfter * 1000;
      expect((await login('agent-anna', TEST_PASSWORD)).status).toBe(200);
    },
  );

  it.skipIf(target.skipReason)(
    'holds the limit under concurrency: 100 parallel wrong passwords, 5 checked',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => login('agent-anna', 'wrong')),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(95);
    },
  );

  it.skipIf(target.skipReason)(
    'checks at most 5 of 39 wrong passwords and the right one sent together',
    async () => {
      const answers = await Promise.all([
        ...Array.from({ length: 39 }, () => login('agent-ben', 'wrong')),
        login('agent-ben', TEST_PASSWORD),
      ]);
      const checked = answers.filter((answer) => answer.status !== 429);
      expect(checked).toHaveLength(5);
      expect(answers.every((answer) => [200, 401, 429].includes(answer.status))).toBe(true);
    },
  );

  it.skipIf(target.skipReason)(
    'limits one address across user names (30 a minute), not only per name',
    async () => {
      for (let index = 0; index < 30; index += 1) {
        expect((await login(`nobody-${index}`, 'wrong')).status).toBe(401);
      }
      expect((await login('agent-ben', TEST_PASSWORD)).status).toBe(429);
    },
  );

  it.skipIf(target.skipReason)(
    'folds user names to lower case: the Kelvin sign logs into an account spelled with k',
    async () => {
      expect((await login('AGENT-ANNA', TEST_PASSWORD)).status).toBe(200);
      // U+212A lower-cases to "k"; only the account of that spelling, and only with its password.
      await portal.createUser('kai', 'agent', []);
      expect((await login('\u212Aai', TEST_PASSWORD)).status).toBe(200);
      expect((await login('\u212Aai', 'wrong password')).status).toBe(401);
    },
  );

  it.skipIf(target.skipReason)(
    'expires access tokens after 15 minutes; refresh rotates the pair',
    async () => {
      const tokens = (await login('agent-anna', TEST_PASSWORD)).body;
      expect(Date.parse(tokens.accessTokenExpiresAt) - clock.now).toBe(15 * 60_000);
      expect((await portal.request('GET', '/me', { token: tokens.accessToken })).status).toBe(200);
      clock.now += 15 * 60_000;
      expect((await portal.request('GET', '/me', { token: tokens.accessToken })).status).toBe(401);
      const refreshed = await portal.request<TokenPair>('POST', '/auth/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).not.toBe(tokens.refreshToken);
      expect(
        (await portal.request('GET', '/me', { token: refreshed.body.accessToken })).status,
      ).toBe(200);
    },
  );

  it.skipIf(target.skipReason)(
    'treats reuse of a rotated refresh token as theft and ends the session',
    async () => {
      const tokens = (await login('agent-anna', TEST_PASSWORD)).body;
      const next = (
        await portal.request<TokenPair>('POST', '/auth/refresh', {
          body: { refreshToken: tokens.refreshToken },
        })
      ).body;
      const replay = await portal.request('POST', '/auth/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(replay.status).toBe(401);
      expect((await portal.request('GET', '/me', { token: next.accessToken })).status).toBe(401);
      expect(
        (
          await portal.request('POST', '/auth/refresh', {
            body: { refreshToken: next.refreshToken },
          })
        ).status,
      ).toBe(401);
    },
  );

  it.skipIf(target.skipReason)(
    'logout ends access and refresh tokens of the session at once',
    async () => {
      const tokens = (await login('agent-anna', TEST_PASSWORD)).body;
      const other = (await login('agent-anna', TEST_PASSWORD)).body;
      expect(
        (await portal.request('POST', '/auth/logout', { token: tokens.accessToken })).status,
      ).toBe(204);
      expect((await portal.request('GET', '/me', { token: tokens.accessToken })).status).toBe(401);
      expect(
        (
          await portal.request('POST', '/auth/refresh', {
            body: { refreshToken: tokens.refreshToken },
          })
        ).status,
      ).toBe(401);
      expect((await portal.request('GET', '/me', { token: other.accessToken })).status).toBe(200);
    },
  );

  it.skipIf(target.skipReason)(
    'applies role changes and disabling at once, with an audit entry',
    async () => {
      const admin = (await login('admin-carla', TEST_PASSWORD)).body;
      const ben = (await login('agent-ben', TEST_PASSWORD)).body;
      expect((await portal.request('GET', '/users', { token: ben.accessToken })).status).toBe(403);
      const promote = await portal.request('PATCH', `/users/${ben.user.id}`, {
        token: admin.accessToken,
        body: { role: 'supervisor' },
      });
      expect(promote.status).toBe(200);
      // A role change ends the old sessions (sessionRevocation.test.ts); the new one has the role.
      expect((await portal.request('GET', '/me', { token: ben.accessToken })).status).toBe(401);
      const promoted = (await login('agent-ben', TEST_PASSWORD)).body;
      expect(
        (await portal.request('GET', '/audit-log', { token: promoted.accessToken })).status,
      ).toBe(200);
      const audit = await portal.request<
        Array<{ action: string; targetId: string; details: Record<string, unknown> }>
      >('GET', '/audit-log', { token: admin.accessToken });
      expect(
        audit.body.find(
          (entry) => entry.action === 'user.role-changed' && entry.targetId === ben.user.id,
        )?.details,
      ).toMatchObject({ previousRole: 'agent', role: 'supervisor' });
      await portal.request('PATCH', `/users/${ben.user.id}`, {
        token: admin.accessToken,
        body: { disabled: true },
      });
      expect((await portal.request('GET', '/me', { token: promoted.accessToken })).status).toBe(
        401,
      );
      expect((await login('agent-ben', TEST_PASSWORD)).status).toBe(401);
    },
  );
});

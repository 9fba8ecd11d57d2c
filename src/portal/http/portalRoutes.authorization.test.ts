/**
 * SECURITY.md test "portal": every route × every role × own vs another client's IDs → only the
 * allowed combinations succeed (2xx); every other one is refused with 403, and every protected
 * route refuses a missing token with 401. Fails for any route the table does not cover.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type UserRole } from '../../shared/portalWire/commonSchemas';
import {
  createPortalFixtures,
  noteSubmission,
  OTHER_CLIENT,
  OWN_CLIENT,
  type PortalFixtures,
} from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { testClientProfile } from '../testing/testClientProfile';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { PORTAL_ROUTES } from './portalRoutes';

type Scope = 'own' | 'other' | 'none';
interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type CaseBuilder = (scope: Scope, fixtures: PortalFixtures, role: UserRole) => Call;

const clientOf = (scope: Scope) => (scope === 'other' ? OTHER_CLIENT : OWN_CLIENT);
const callOf = (scope: Scope, fixtures: PortalFixtures) =>
  scope === 'other' ? fixtures.calls.other : fixtures.calls.own;
const noteOf = (scope: Scope, fixtures: PortalFixtures) =>
  scope === 'other' ? fixtures.notes.other : fixtures.notes.own;
let userCounter = 0;

/**
 * Route key → scopes to try and how to build the request. `writesAcrossScope`: the route lets
 * every allowed role write for another client's ID too (billing beats scope for logging a call).
 */
const CASES: Record<string, { scopes: Scope[]; build: CaseBuilder; writesAcrossScope?: true }> = {
  'POST /auth/logout': {
    scopes: ['none'],
    build: () => ({ method: 'POST', path: '/auth/logout' }),
  },
  'GET /me': { scopes: ['none'], build: () => ({ method: 'GET', path: '/me' }) },
  'GET /users': { scopes: ['none'], build: () => ({ method: 'GET', path: '/users' }) },
  'POST /users': {
    scopes: ['none'],
    build: () => ({
      method: 'POST',
      path: '/users',
      body: {
        userName: `new-user-${++userCounter}`,
        displayName: 'Neu',
        role: 'agent',
        password: 'a long enough password',
        clientIds: [OWN_CLIENT.id],
      },
    }),
  },
  'PATCH /users/:userId': {
    scopes: ['none'],
    build: (_scope, fixtures) => ({
      method: 'PATCH',
      path: `/users/${fixtures.userIds.agent}`,
      body: { displayName: 'Agent A' },
    }),
  },
  'GET /clients': { scopes: ['none'], build: () => ({ method: 'GET', path: '/clients' }) },
  'GET /clients/:clientId': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/clients/${clientOf(scope).id}` }),
  },
  'PUT /clients/:clientId': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'PUT',
      path: `/clients/${clientOf(scope).id}`,
      body: testClientProfile(clientOf(scope).id, clientOf(scope).line),
    }),
  },
  'GET /lines/:line/client': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/lines/${clientOf(scope).line}/client` }),
  },
  'POST /calls': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'POST',
      path: '/calls',
      body: {
        id: randomUUID(),
        clientId: clientOf(scope).id,
        line: clientOf(scope).line,
        ringAt: '2025-03-31T09:00:00+02:00',
      },
    }),
  },
  'POST /line-calls': {
    // own client's line, another client's line, and a line no client owns
    scopes: ['own', 'other', 'none'],
    writesAcrossScope: true,
    build: (scope) => ({
      method: 'POST',
      path: '/line-calls',
      body: {
        id: randomUUID(),
        line: scope === 'none' ? '+4930999999' : clientOf(scope).line,
        ringAt: '2025-03-31T09:00:00+02:00',
      },
    }),
  },
  'PATCH /calls/:callId': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'PATCH',
      path: `/calls/${callOf(scope, fixtures)}`,
      body: { wrapUpSeconds: 42 },
    }),
  },
  'GET /calls/:callId': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({ method: 'GET', path: `/calls/${callOf(scope, fixtures)}` }),
  },
  'GET /calls': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/calls?clientId=${clientOf(scope).id}` }),
  },
  'POST /notes': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'POST',
      path: '/notes',
      body: noteSubmission(clientOf(scope).id),
      headers: { 'idempotency-key': randomUUID() },
    }),
  },
  'GET /notes': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/notes?clientId=${clientOf(scope).id}` }),
  },
  'GET /notes/:noteId': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({ method: 'GET', path: `/notes/${noteOf(scope, fixtures)}` }),
  },
  'GET /notes/:noteId/deliveries': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'GET',
      path: `/notes/${noteOf(scope, fixtures)}/deliveries`,
    }),
  },
  'POST /notes/:noteId/deliveries/retry': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/notes/${noteOf(scope, fixtures)}/deliveries/retry`,
    }),
  },
  'GET /reports/billing': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'GET',
      path: `/reports/billing?clientId=${clientOf(scope).id}&from=2025-03-31&to=2025-03-31`,
    }),
  },
  'GET /reports/unassigned-lines': {
    scopes: ['none'],
    build: () => ({
      method: 'GET',
      path: '/reports/unassigned-lines?from=2025-03-31&to=2025-03-31&format=csv',
    }),
  },
  'PUT /presence': {
    scopes: ['none'],
    build: () => ({ method: 'PUT', path: '/presence', body: { state: 'available' } }),
  },
  'GET /presence': { scopes: ['none'], build: () => ({ method: 'GET', path: '/presence' }) },
  'GET /bot-switch': { scopes: ['none'], build: () => ({ method: 'GET', path: '/bot-switch' }) },
  'PUT /bot-switch/global': {
    scopes: ['none'],
    build: () => ({ method: 'PUT', path: '/bot-switch/global', body: { mode: 'on' } }),
  },
  'PUT /bot-switch/lines/:line': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'PUT',
      path: `/bot-switch/lines/${clientOf(scope).line}`,
      body: { mode: 'off' },
    }),
  },
  'GET /audit-log': {
    scopes: ['none', 'own', 'other'],
    build: (scope) => ({
      method: 'GET',
      path: scope === 'none' ? '/audit-log' : `/audit-log?clientId=${clientOf(scope).id}`,
    }),
  },
  'POST /deletion-receipts': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'POST',
      path: '/deletion-receipts',
      body: {
        transactionId: randomUUID(),
        clientId: clientOf(scope).id,
        recordType: 'transcript',
        reason: 'retention-expired',
        deletedAt: '2025-03-31T10:00:00Z',
      },
    }),
  },
  'GET /deletion-receipts': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'GET',
      path: `/deletion-receipts?clientId=${clientOf(scope).id}`,
    }),
  },
  'GET /bot-calls': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/bot-calls?clientId=${clientOf(scope).id}` }),
  },
  'GET /bot-calls/:callId': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'GET',
      path: `/bot-calls/${fixtures.hybrid.botCalls[scope === 'other' ? 'other' : 'own'][0]}`,
    }),
  },
  'POST /bot-calls/:callId/take-over': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/bot-calls/${fixtures.hybrid.botCalls[scope === 'other' ? 'other' : 'own'].pop()}/take-over`,
    }),
  },
  'GET /offers': { scopes: ['none'], build: () => ({ method: 'GET', path: '/offers' }) },
  'POST /offers/:offerId/accept': {
    scopes: ['none'],
    build: (_scope, fixtures, role) => ({
      method: 'POST',
      path: `/offers/${fixtures.hybrid.offers[role].pop()}/accept`,
    }),
  },
  'POST /offers/:offerId/decline': {
    scopes: ['none'],
    build: (_scope, fixtures, role) => ({
      method: 'POST',
      path: `/offers/${fixtures.hybrid.offers[role].pop()}/decline`,
    }),
  },
};

/** Public to user authentication; they check their own credentials (proxy, bot). */
const PUBLIC_ROUTES = [
  'GET /health',
  'POST /auth/login',
  'POST /auth/refresh',
  'GET /openapi.json',
  'POST /routing/decisions',
  'POST /bot/v1/events',
  'GET /bot/v1/calls/:callId/commands',
];
const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

it('covers every route of the portal (matrix or public list)', () => {
  const routeKeys = PORTAL_ROUTES.map(keyOf).sort();
  expect([...Object.keys(CASES), ...PUBLIC_ROUTES].sort()).toEqual(routeKeys);
  for (const route of PORTAL_ROUTES)
    expect(Boolean(route.public)).toBe(PUBLIC_ROUTES.includes(keyOf(route)));
});

describe.each(targets)('role and client matrix on $name', (target) => {
  let portal: TestPortal;
  let fixtures: PortalFixtures;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    fixtures = await createPortalFixtures(portal);
  });
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)(
    'allows exactly role ∈ route.roles and (admin or own client)',
    async () => {
      const outcomes: string[] = [];
      let allowedCount = 0;
      for (const route of PORTAL_ROUTES.filter((candidate) => !candidate.public)) {
        const testCase = CASES[keyOf(route)];
        if (!testCase) throw new Error(`No case for ${keyOf(route)}`);
        for (const role of USER_ROLES) {
          for (const scope of testCase.scopes) {
            const call = testCase.build(scope, fixtures, role);
            // Logout ends the session: give it a session of its own.
            const token =
              route.url === '/auth/logout'
                ? (await portal.login(`${role}-user`)).accessToken
                : fixtures.tokens[role];
            const answer = await portal.request(call.method, call.path, {
              token,
              body: call.body,
              ...(call.headers ? { headers: call.headers } : {}),
            });
            const allowed =
              route.roles.includes(role) &&
              (scope !== 'other' || role === 'admin' || testCase.writesAcrossScope === true);
            if (allowed) allowedCount += 1;
            const passed = allowed
              ? answer.status >= 200 && answer.status < 300
              : answer.status === 403;
            if (!passed)
              outcomes.push(
                `${keyOf(route)} as ${role} (${scope}): expected ${allowed ? '2xx' : '403'}, got ${answer.status}`,
              );
          }
        }
      }
      expect(outcomes).toEqual([]);
      expect(allowedCount).toBeGreaterThan(40);
    },
  );

  it.skipIf(target.skipReason)(
    'refuses every protected route without a valid token (401)',
    async () => {
      const failures: string[] = [];
      for (const route of PORTAL_ROUTES.filter((candidate) => !candidate.public)) {
        const testCase = CASES[keyOf(route)];
        if (!testCase) continue;
        const call = testCase.build(testCase.scopes[0] ?? 'own', fixtures, 'admin');
        for (const token of [undefined, 'forged.token', `${fixtures.tokens.admin}x`]) {
          const answer = await portal.request(call.method, call.path, {
            ...(token ? { token } : {}),
            body: call.body,
            ...(call.headers ? { headers: call.headers } : {}),
          });
          if (answer.status !== 401)
            failures.push(`${keyOf(route)} token=${token ? 'bad' : 'none'}: ${answer.status}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

/**
 * SECURITY.md test "portal": every route × every role × own vs another client's IDs → only the
 * allowed combinations succeed (2xx); every other one is refused with 403, and every protected
 * route refuses a missing token with 401. Fails for any route the table does not cover.
 * Also: another client's line answers exactly like an unknown line, and no role changes another
 * agent's or another client's call facts through any route (issue 14, items 2 and 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES } from '../../shared/portalWire/commonSchemas';
import { OTHER_CLIENT, OWN_CLIENT } from '../testing/portalFixtures';
import { createPortalFixtures, type PortalFixtures } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { CASES, keyOf, PUBLIC_ROUTES } from './portalRoutes.authorizationCases';
import {
  callFactAttempts,
  createAgentCall,
  mayChangeCallFacts,
} from './portalRoutes.callFactCases';
import { LINE_ROUTES, lineAnswer } from './portalRoutes.lineCases';
import { PORTAL_ROUTES } from './portalRoutes';

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
            // A line outside the caller's scope answers like an unknown line: 404.
            const refusal =
              route.roles.includes(role) && testCase.hidesOtherScope === true ? 404 : 403;
            const passed = allowed
              ? answer.status >= 200 && answer.status < 300
              : answer.status === refusal;
            if (!passed)
              outcomes.push(
                `${keyOf(route)} as ${role} (${scope}): expected ${allowed ? '2xx' : refusal}, got ${answer.status}`,
              );
          }
        }
      }
      expect(outcomes).toEqual([]);
      expect(allowedCount).toBeGreaterThan(40);
    },
    // Hundreds of requests, more with every route: 15 s on PostgreSQL here, over 20 s under load.
    60_000,
  );

  it.skipIf(target.skipReason)(
    "answers another client's line exactly like an unknown line, for every scoped role",
    async () => {
      const differences: string[] = [];
      for (const role of USER_ROLES.filter((candidate) => candidate !== 'admin')) {
        for (const route of LINE_ROUTES) {
          const other = await lineAnswer(portal, fixtures.tokens[role], route, 'other');
          const unknown = await lineAnswer(portal, fixtures.tokens[role], route, 'unknown');
          if (JSON.stringify(other) !== JSON.stringify(unknown))
            differences.push(`${route} as ${role}: ${JSON.stringify({ other, unknown })}`);
        }
      }
      expect(differences).toEqual([]);
    },
  );

  it.skipIf(target.skipReason)(
    "lets no role change another agent's or another client's call facts through any route",
    async () => {
      const changed: string[] = [];
      const database = portal.portal.context.database;
      const factsOf = (callId: string) =>
        database.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirstOrThrow();
      for (const role of USER_ROLES) {
        for (const [target, client] of [
          ['another agent', OWN_CLIENT],
          ['another client', OTHER_CLIENT],
        ] as const) {
          if (mayChangeCallFacts(role, target)) continue;
          const callId = await createAgentCall(portal, fixtures, client);
          const before = await factsOf(callId);
          for (const attempt of callFactAttempts(callId, client, fixtures.userIds[role])) {
            const answer = await portal.request(attempt.method, attempt.path, {
              token: fixtures.tokens[role],
              body: attempt.body,
              ...(attempt.headers ? { headers: attempt.headers } : {}),
            });
            const after = await factsOf(callId);
            if (JSON.stringify(after) !== JSON.stringify(before))
              changed.push(`${attempt.name} as ${role} on ${target}'s call: ${answer.status}`);
          }
        }
      }
      expect(changed).toEqual([]);
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

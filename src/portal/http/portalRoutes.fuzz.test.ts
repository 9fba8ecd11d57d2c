/**
 * SECURITY.md "input", fuzzed: every portal route that takes a body, a query or path parameters
 * is called with generated hostile input (see src/shared/testing/hostileValues.ts), malformed
 * JSON and an oversized body, as an admin (so authorization never hides a validation gap).
 * Every answer must be a 4xx, never a 5xx; nothing may be stored; the portal keeps serving.
 * The hand-written cases with expected field errors are in portalRoutes.validation.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileValue, seededRandom } from '../../shared/testing/hostileValues';
import { countRows, createPortalFixtures, type PortalFixtures } from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { PORTAL_ROUTES } from './portalRoutes';
import { INVALID_CASES } from './portalRoutes.validationCases';

const BODIES_PER_ROUTE = 25;
const HOSTILE_SEGMENTS = [
  '%00',
  'x'.repeat(5_000),
  '..%2F..%2Fetc',
  '%E2%80%AE',
  '-1',
  '__proto__',
];
const HOSTILE_QUERIES = [
  'limit=-1',
  'limit=abc&limit=5',
  'clientId[]=a&clientId[]=b',
  '__proto__[polluted]=1',
  `from=${'9'.repeat(400)}`,
  'format=exe',
  '%ZZ=1',
];

const targets = testDatabaseTargets();
reportSkippedTargets(targets);

describe.each(targets)('fuzzed input on $name', (target) => {
  let portal: TestPortal;
  let fixtures: PortalFixtures;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    fixtures = await createPortalFixtures(portal);
    // Two clients, every role, bot calls and supervised agents: slow on a loaded machine.
  }, 60_000);
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)(
    'answers every hostile request with a 4xx, stores nothing and keeps serving',
    async () => {
      const random = seededRandom(4711);
      const before = await countRows(portal);
      const problems: string[] = [];
      let sent = 0;
      const send = async (method: string, path: string, body?: unknown, raw?: string) => {
        const answer = raw
          ? await fetch(`${portal.url}${path}`, {
              method,
              headers: {
                authorization: `Bearer ${fixtures.tokens.admin}`,
                'content-type': 'application/json',
              },
              body: raw,
            })
          : await portal.request(method, path, { token: fixtures.tokens.admin, body });
        sent += 1;
        if (answer.status < 400 || answer.status >= 500) {
          problems.push(`${method} ${path.slice(0, 80)}: ${answer.status}`);
        }
      };

      for (const route of PORTAL_ROUTES) {
        const key = `${route.method} ${route.url}`;
        const template = INVALID_CASES[key]?.[0];
        if (!template) continue;
        const path = typeof template.path === 'function' ? template.path(fixtures) : template.path;
        if (route.body) {
          for (let attempt = 0; attempt < BODIES_PER_ROUTE; attempt += 1) {
            const body = hostileValue(random);
            if (body === undefined || route.body.safeParse(body).success) continue;
            await send(route.method, path, body);
          }
          await send(route.method, path, undefined, '{"concern": "unterminated');
          await send(route.method, path, undefined, JSON.stringify({ padding: 'x'.repeat(2e6) }));
        }
        if (route.query) {
          const base = path.split('?')[0]!;
          for (const query of HOSTILE_QUERIES) await send(route.method, `${base}?${query}`);
        }
        if (route.params) {
          for (const segment of HOSTILE_SEGMENTS) {
            await send(route.method, route.url.replace(/:[A-Za-z]+/g, segment));
          }
        }
      }

      expect(problems).toEqual([]);
      expect(sent).toBeGreaterThan(200);
      expect(await countRows(portal)).toEqual(before);
      expect((await portal.request('GET', '/health')).status).toBe(200);
    },
    // Every route with input, hostile bodies, queries and path segments: over a minute loaded.
    120_000,
  );
});

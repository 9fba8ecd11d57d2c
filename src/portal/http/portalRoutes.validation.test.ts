/**
 * SECURITY.md test "input": every route with inputs, called with invalid data, answers 400 with
 * field errors naming the bad fields, and stores nothing (every table's row count unchanged).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createPortalFixtures,
  noteSubmission,
  OWN_CLIENT,
  type PortalFixtures,
} from '../testing/portalFixtures';
import { startTestPortal, type TestPortal } from '../testing/portalTestHarness';
import { reportSkippedTargets, testDatabaseTargets } from '../testing/testDatabases';
import { PORTAL_ROUTES } from './portalRoutes';
import { INVALID_CASES, ROUTES_WITHOUT_INPUT } from './portalRoutes.validationCases';

const note = noteSubmission(OWN_CLIENT.id);
const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const targets = testDatabaseTargets();
reportSkippedTargets(targets);

it('has invalid cases for every route that takes input', () => {
  const withInput = PORTAL_ROUTES.filter(
    (route) => route.body || route.query || route.params || route.headers,
  ).map(keyOf);
  expect(Object.keys(INVALID_CASES).sort()).toEqual(withInput.sort());
  expect(
    PORTAL_ROUTES.map(keyOf)
      .filter((key) => !withInput.includes(key))
      .sort(),
  ).toEqual([...ROUTES_WITHOUT_INPUT].sort());
});

describe.each(targets)('invalid input on $name', (target) => {
  let portal: TestPortal;
  let fixtures: PortalFixtures;

  beforeAll(async () => {
    if (target.skipReason) return;
    portal = await startTestPortal(target);
    fixtures = await createPortalFixtures(portal);
    // Two clients, every role, bot calls and supervised agents: slow on a loaded machine.
  }, 60_000);
  afterAll(async () => portal?.close());

  it.skipIf(target.skipReason)('answers 400 with field errors and stores nothing', async () => {
    const before = await countRows(portal);
    const problems: string[] = [];
    let checked = 0;
    for (const [key, cases] of Object.entries(INVALID_CASES)) {
      for (const invalid of cases) {
        const path = typeof invalid.path === 'function' ? invalid.path(fixtures) : invalid.path;
        const answer = await portal.request<{
          error?: { code: string; fieldErrors?: Array<{ path: string }> };
        }>(invalid.method, path, {
          token: fixtures.tokens[invalid.role ?? 'admin'],
          body: invalid.body,
          ...(invalid.headers ? { headers: invalid.headers } : {}),
        });
        checked += 1;
        const paths = answer.body.error?.fieldErrors?.map((error) => error.path) ?? [];
        const missing = invalid.expect.filter((expected) => !paths.includes(expected));
        if (
          answer.status !== 400 ||
          answer.body.error?.code !== 'validation' ||
          missing.length > 0
        ) {
          problems.push(
            `${key} ${path}: status ${answer.status}, missing field errors ${missing.join(', ')} (got ${paths.join(', ')})`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(await countRows(portal)).toEqual(before);
  });

  it.skipIf(target.skipReason)(
    'refuses a body that is not JSON (415) and one that is too large (413)',
    async () => {
      const before = await countRows(portal);
      const headers = { 'idempotency-key': randomUUID(), 'content-type': 'text/plain' };
      const wrongType = await portal.request('POST', '/notes', {
        token: fixtures.tokens.admin,
        body: 'concern=x',
        headers,
      });
      expect(wrongType.status).toBe(415);
      const huge = { ...note, freeText: 'x'.repeat(300 * 1024) };
      const tooLarge = await portal.request('POST', '/notes', {
        token: fixtures.tokens.admin,
        body: huge,
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(tooLarge.status).toBe(413);
      expect(await countRows(portal)).toEqual(before);
    },
  );
});

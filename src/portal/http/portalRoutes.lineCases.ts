/**
 * The routes that take a dialled line, for the "no enumeration of lines" check of
 * `portalRoutes.authorization.test.ts`: another client's line must answer exactly like a line
 * no client owns (status and body; for `/line-calls` the body without the caller's own call ID).
 */
import { randomUUID } from 'node:crypto';
import { OTHER_CLIENT } from '../testing/portalFixtures';
import type { TestPortal } from '../testing/portalTestHarness';
import { UNKNOWN_LINE } from './portalRoutes.authorizationCases';

export const LINE_ROUTES = [
  'GET /lines/:line/client',
  'PUT /bot-switch/lines/:line',
  'POST /line-calls',
] as const;

/** The answer to one line route for another client's line or an unknown one, made comparable. */
export async function lineAnswer(
  portal: TestPortal,
  token: string,
  route: (typeof LINE_ROUTES)[number],
  line: 'other' | 'unknown',
): Promise<{ status: number; body: unknown }> {
  const number = line === 'other' ? OTHER_CLIENT.line : UNKNOWN_LINE;
  const request =
    route === 'GET /lines/:line/client'
      ? { method: 'GET', path: `/lines/${number}/client` }
      : route === 'PUT /bot-switch/lines/:line'
        ? { method: 'PUT', path: `/bot-switch/lines/${number}`, body: { mode: 'off' } }
        : {
            method: 'POST',
            path: '/line-calls',
            body: { id: randomUUID(), line: number, ringAt: '2025-03-31T09:00:00Z' },
          };
  const answer = await portal.request<Record<string, unknown>>(request.method, request.path, {
    token,
    ...('body' in request ? { body: request.body } : {}),
  });
  const { id: _id, ...body } = answer.body ?? {};
  return { status: answer.status, body };
}

/**
 * Every way a request can touch a call's billable facts (outcome, talk and wrap-up time, agent),
 * for `portalRoutes.authorization.test.ts`: the normal routes, replays of the create routes with
 * the call's ID and other facts, and a note that names the call. A new route that can change a
 * call belongs here.
 */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import { noteSubmission, type PortalFixtures } from '../testing/portalFixtures';
import type { TestPortal } from '../testing/portalTestHarness';

export type CallFactTarget = 'another agent' | 'another client';

/** The call's agent in these tests: never one of the fixture users. */
const OTHER_AGENT_ID = 'other-agent';
const RING_AT = '2025-03-31T08:00:00.000Z';

/** What the normal routes allow: supervisors and up change calls of their clients' agents. */
export function mayChangeCallFacts(role: UserRole, target: CallFactTarget): boolean {
  return role === 'admin' || (target === 'another agent' && role !== 'agent');
}

/**
 * A call of `OTHER_AGENT_ID` in the client, answered but not yet ended or classified: the facts
 * still missing are the ones a replay could try to fill in.
 */
export async function createAgentCall(
  portal: TestPortal,
  fixtures: PortalFixtures,
  client: { id: string; line: string },
): Promise<string> {
  const id = randomUUID();
  const answer = await portal.request('POST', '/calls', {
    token: fixtures.tokens.admin,
    body: {
      id,
      clientId: client.id,
      line: client.line,
      ringAt: RING_AT,
      answerAt: '2025-03-31T08:00:05.000Z',
      agentId: OTHER_AGENT_ID,
    },
  });
  if (answer.status !== 201) throw new Error(`Call fixture failed: ${answer.status}`);
  return id;
}

export interface CallFactAttempt {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Requests that would change the call's facts if the portal let them. */
export function callFactAttempts(
  callId: string,
  client: { id: string; line: string },
  ownUserId: string,
): CallFactAttempt[] {
  const inflated = { outcome: 'spam', wrapUpSeconds: 86_400, endAt: '2025-03-31T09:03:05Z' };
  const ring = { id: callId, line: client.line, ringAt: RING_AT };
  return [
    { name: 'PATCH facts', method: 'PATCH', path: `/calls/${callId}`, body: inflated },
    {
      name: 'PATCH takeover',
      method: 'PATCH',
      path: `/calls/${callId}`,
      body: { agentId: ownUserId },
    },
    { name: 'PATCH clear', method: 'PATCH', path: `/calls/${callId}`, body: { endAt: null } },
    {
      name: 'POST /calls replay',
      method: 'POST',
      path: '/calls',
      body: { ...ring, clientId: client.id, ...inflated },
    },
    { name: 'POST /line-calls replay', method: 'POST', path: '/line-calls', body: ring },
    {
      name: 'POST /line-calls other facts',
      method: 'POST',
      path: '/line-calls',
      body: { ...ring, ...inflated },
    },
    {
      name: 'POST /line-calls other ring time',
      method: 'POST',
      path: '/line-calls',
      body: { ...ring, ringAt: '2025-03-31T07:00:00Z' },
    },
    {
      name: 'POST /notes naming the call',
      method: 'POST',
      path: '/notes',
      body: { ...noteSubmission(client.id), callId },
      headers: { 'idempotency-key': randomUUID() },
    },
  ];
}

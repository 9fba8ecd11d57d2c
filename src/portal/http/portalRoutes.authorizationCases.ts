/**
 * The table of `portalRoutes.authorization.test.ts`: for every protected route, the scopes to
 * try and how to build the request. A route missing here fails that test.
 */
import { randomUUID } from 'node:crypto';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import {
  noteSubmission,
  OTHER_CLIENT,
  OWN_CLIENT,
  type PortalFixtures,
} from '../testing/portalFixtures';
import { testClientProfile } from '../testing/testClientProfile';

export type Scope = 'own' | 'other' | 'none';
export interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type CaseBuilder = (scope: Scope, fixtures: PortalFixtures, role: UserRole) => Call;

export const clientOf = (scope: Scope) => (scope === 'other' ? OTHER_CLIENT : OWN_CLIENT);
const callOf = (scope: Scope, fixtures: PortalFixtures) =>
  scope === 'other' ? fixtures.calls.other : fixtures.calls.own;
const noteOf = (scope: Scope, fixtures: PortalFixtures) =>
  scope === 'other' ? fixtures.notes.other : fixtures.notes.own;
let userCounter = 0;

/** A data request for a number nobody called, within one scope ('none' = the user's clients). */
function dataRequestCall(path: string, scope: Scope, extra: Record<string, unknown> = {}): Call {
  const clientId = scope === 'none' ? {} : { clientId: clientOf(scope).id };
  return { method: 'POST', path, body: { callerNumber: '0151 0000000', ...clientId, ...extra } };
}

/** A line no client owns. */
export const UNKNOWN_LINE = '+4930999999';

/**
 * Route key → scopes to try and how to build the request. `writesAcrossScope`: the route lets
 * every allowed role write for another client's ID too (billing beats scope for logging a call).
 * `hidesOtherScope`: the route looks a line up, so another client's line is refused with 404,
 * exactly like an unknown line (no enumeration of lines).
 */
export const CASES: Record<
  string,
  { scopes: Scope[]; build: CaseBuilder; writesAcrossScope?: true; hidesOtherScope?: true }
> = {
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
    hidesOtherScope: true,
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
        line: scope === 'none' ? UNKNOWN_LINE : clientOf(scope).line,
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
    hidesOtherScope: true,
    build: (scope) => ({
      method: 'PUT',
      path: `/bot-switch/lines/${clientOf(scope).line}`,
      body: { mode: 'off' },
    }),
  },
  'GET /bot-switch/schedules/:clientId': {
    scopes: ['own', 'other'],
    build: (scope) => ({ method: 'GET', path: `/bot-switch/schedules/${clientOf(scope).id}` }),
  },
  'PUT /bot-switch/schedules/:clientId': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'PUT',
      path: `/bot-switch/schedules/${clientOf(scope).id}`,
      body: {
        schedule: {
          weekly: [{ weekday: 1, from: '18:00', to: '24:00' }],
          holidays: [],
          exceptions: [],
        },
      },
    }),
  },
  'GET /bot-switch/audit': {
    scopes: ['none'],
    build: () => ({ method: 'GET', path: '/bot-switch/audit' }),
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
  // Data requests (issue 13): 'none' searches every client in the user's scope.
  'POST /data-requests/search': {
    scopes: ['none', 'own', 'other'],
    build: (scope) => dataRequestCall('/data-requests/search', scope),
  },
  'POST /data-requests/report': {
    scopes: ['none', 'own', 'other'],
    build: (scope) => dataRequestCall('/data-requests/report', scope),
  },
  'POST /data-requests/deletions': {
    scopes: ['none', 'own', 'other'],
    build: (scope) => dataRequestCall('/data-requests/deletions', scope, { confirm: true }),
  },
  'GET /data-requests/receipts': {
    scopes: ['none'],
    build: () => ({ method: 'GET', path: '/data-requests/receipts' }),
  },
  'GET /data-requests/receipts/:requestId': {
    scopes: ['own'],
    build: (_scope, fixtures) => ({
      method: 'GET',
      path: `/data-requests/receipts/${fixtures.dataRequestId}`,
    }),
  },
  'GET /data-requests/desk-deletions': {
    scopes: ['none'],
    build: () => ({ method: 'GET', path: '/data-requests/desk-deletions' }),
  },
  'POST /data-requests/desk-deletions/:requestId/receipt': {
    scopes: ['own'],
    build: (_scope, fixtures) => ({
      method: 'POST',
      path: `/data-requests/desk-deletions/${fixtures.dataRequestId}/receipt`,
      body: { counts: { historyEntries: 1, outboxNotes: 0, drafts: 0 }, note: null },
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
  'GET /supervision/board': {
    scopes: ['none', 'own', 'other'],
    build: (scope) => ({
      method: 'GET',
      path:
        scope === 'none'
          ? '/supervision/board'
          : `/supervision/board?clientId=${clientOf(scope).id}`,
    }),
  },
  'GET /reports/supervision-day': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'GET',
      path: `/reports/supervision-day?clientId=${clientOf(scope).id}&day=2025-03-31&format=csv`,
    }),
  },
  'PUT /supervision/targets/:clientId': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'PUT',
      path: `/supervision/targets/${clientOf(scope).id}`,
      body: { thresholdSeconds: 20, targetPercent: 80 },
    }),
  },
  'POST /supervision/agents/:userId/not-ready': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/supervision/agents/${fixtures.supervision.agents[scope === 'other' ? 'other' : 'own'][0]}/not-ready`,
      body: { reason: 'Coaching' },
    }),
  },
  'POST /supervision/agents/:userId/logout': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/supervision/agents/${fixtures.supervision.agents[scope === 'other' ? 'other' : 'own'].pop()}/logout`,
    }),
  },
  'POST /supervision/alert-acknowledgements': {
    scopes: ['own', 'other'],
    build: (scope) => ({
      method: 'POST',
      path: '/supervision/alert-acknowledgements',
      body: {
        clientId: clientOf(scope).id,
        alertKey: `no-agent:${clientOf(scope).line}:${randomUUID()}`,
      },
    }),
  },
  'GET /supervision/calls/:callId': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'GET',
      path: `/supervision/calls/${fixtures.supervision.connectedCalls[scope === 'other' ? 'other' : 'own']}`,
    }),
  },
  'POST /supervision/calls/:callId/whispers': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/supervision/calls/${fixtures.supervision.connectedCalls[scope === 'other' ? 'other' : 'own']}/whispers`,
      body: { text: 'Bitte Rückruf anbieten' },
    }),
  },
  'POST /supervision/calls/:callId/review-notes': {
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'POST',
      path: `/supervision/calls/${fixtures.supervision.connectedCalls[scope === 'other' ? 'other' : 'own']}/review-notes`,
      body: { text: 'Gut gelöst' },
    }),
  },
  'PUT /calls/:callId/human-transcript': {
    // Own: the call the matrix's agent took over; other: another client's call (another agent's).
    scopes: ['own', 'other'],
    build: (scope, fixtures) => ({
      method: 'PUT',
      path: `/calls/${scope === 'other' ? fixtures.supervision.connectedCalls.other : fixtures.supervision.callOfMatrixAgent}/human-transcript`,
      body: {
        segments: [
          { segmentId: 'h1', speaker: 'agent', text: 'Guten Tag', startMs: 0, endMs: 900 },
        ],
      },
    }),
  },
  'GET /calls/:callId/whispers': {
    scopes: ['none'],
    build: (_scope, fixtures) => ({
      method: 'GET',
      path: `/calls/${fixtures.supervision.connectedCalls.own}/whispers`,
    }),
  },
};

/** Public to user authentication; they check their own credentials (proxy, bot). */
export const PUBLIC_ROUTES = [
  'GET /health',
  'POST /auth/login',
  'POST /auth/refresh',
  'GET /openapi.json',
  'POST /routing/decisions',
  'POST /bot/v1/events',
  'GET /bot/v1/calls/:callId/commands',
];
export const keyOf = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

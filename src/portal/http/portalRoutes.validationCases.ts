/**
 * Invalid requests for every route that takes input, used by portalRoutes.validation.test.ts.
 * Each names the field paths that MUST appear among the answer's field errors.
 */
import { randomUUID } from 'node:crypto';
import { noteSubmission, OWN_CLIENT, type PortalFixtures } from '../testing/portalFixtures';
import { testClientProfile } from '../testing/testClientProfile';

export interface InvalidCase {
  method: string;
  path: string | ((fixtures: PortalFixtures) => string);
  body?: unknown;
  headers?: Record<string, string>;
  /** Whose token is sent (admin when absent): routes closed to admins are validated too. */
  role?: 'agent';
  /** Field paths that MUST appear among the field errors. */
  expect: string[];
}

const TOO_LONG = 'x'.repeat(65);

/** Hostile and malformed numbers are refused before anything is searched (issue 13). */
const hostileNumbers = (path: string, extra: Record<string, unknown> = {}): InvalidCase[] => [
  ...['<script>alert(1)</script>', "0151' OR '1'='1", '1002', '0049', '', '+'.repeat(70)].map(
    (callerNumber) => ({
      method: 'POST',
      path,
      body: { callerNumber, ...extra },
      expect: ['body.callerNumber'],
    }),
  ),
  {
    method: 'POST',
    path,
    body: { callerNumber: 15112345678, clientId: 7, ...extra },
    expect: ['body.callerNumber', 'body.clientId'],
  },
  {
    method: 'POST',
    path,
    body: { callerNumber: '0151 1234567', name: 'x', ...extra },
    expect: ['body'],
  },
];
const DATA_REQUEST_INVALID_CASES: Record<string, InvalidCase[]> = {
  'POST /data-requests/search': hostileNumbers('/data-requests/search'),
  'POST /data-requests/report': hostileNumbers('/data-requests/report'),
  'POST /data-requests/deletions': [
    ...hostileNumbers('/data-requests/deletions', { confirm: true }),
    {
      method: 'POST',
      path: '/data-requests/deletions',
      body: { callerNumber: '0151 1234567' },
      expect: ['body.confirm'],
    },
    {
      method: 'POST',
      path: '/data-requests/deletions',
      body: { callerNumber: '0151 1234567', confirm: 'yes' },
      expect: ['body.confirm'],
    },
  ],
  'GET /data-requests/receipts': [
    { method: 'GET', path: '/data-requests/receipts?limit=0', expect: ['query.limit'] },
  ],
  'GET /data-requests/receipts/:requestId': [
    { method: 'GET', path: '/data-requests/receipts/not-a-uuid', expect: ['params.requestId'] },
  ],
  // A desk's receipt holds counts only: no extra fields (a number, a name) and no free text.
  'POST /data-requests/desk-deletions/:requestId/receipt': [
    {
      method: 'POST',
      path: '/data-requests/desk-deletions/not-a-uuid/receipt',
      body: { counts: { historyEntries: 0, outboxNotes: 0, drafts: 0 }, note: null },
      expect: ['params.requestId'],
    },
    {
      method: 'POST',
      path: (fixtures) => `/data-requests/desk-deletions/${fixtures.dataRequestId}/receipt`,
      body: {
        counts: { historyEntries: -1, outboxNotes: 1.5, drafts: 0, callerNumber: 1 },
        note: 'Anrufer 0151 1234567',
      },
      expect: ['body.counts.historyEntries', 'body.counts.outboxNotes', 'body.counts', 'body.note'],
    },
    {
      method: 'POST',
      path: (fixtures) => `/data-requests/desk-deletions/${fixtures.dataRequestId}/receipt`,
      body: { counts: { historyEntries: 0, outboxNotes: 0, drafts: 0 }, note: null, number: 'x' },
      expect: ['body'],
    },
  ],
};
const note = noteSubmission(OWN_CLIENT.id);

/** Route key → invalid requests. */
export const INVALID_CASES: Record<string, InvalidCase[]> = {
  'POST /auth/login': [
    { method: 'POST', path: '/auth/login', body: {}, expect: ['body.userName', 'body.password'] },
    {
      method: 'POST',
      path: '/auth/login',
      body: { userName: 5, password: 'x', admin: true },
      expect: ['body.userName', 'body'],
    },
  ],
  'POST /auth/refresh': [
    {
      method: 'POST',
      path: '/auth/refresh',
      body: { refreshToken: '' },
      expect: ['body.refreshToken'],
    },
  ],
  'POST /auth/logout': [
    {
      method: 'POST',
      path: '/auth/logout',
      body: { refreshToken: 7 },
      expect: ['body.refreshToken'],
    },
  ],
  'POST /users': [
    {
      method: 'POST',
      path: '/users',
      body: {
        userName: 'Not Valid',
        displayName: '',
        role: 'boss',
        password: 'short',
        clientIds: 'own-client',
      },
      expect: ['body.userName', 'body.displayName', 'body.role', 'body.password', 'body.clientIds'],
    },
  ],
  'PATCH /users/:userId': [
    {
      method: 'PATCH',
      path: (fixtures) => `/users/${fixtures.userIds.agent}`,
      body: { role: 'boss', disabled: 'yes' },
      expect: ['body.role', 'body.disabled'],
    },
    { method: 'PATCH', path: `/users/${TOO_LONG}`, body: {}, expect: ['params.userId'] },
  ],
  'GET /clients/:clientId': [
    { method: 'GET', path: `/clients/${TOO_LONG}`, expect: ['params.clientId'] },
  ],
  'PUT /clients/:clientId': [
    {
      method: 'PUT',
      path: `/clients/${OWN_CLIENT.id}`,
      body: {
        ...testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line),
        lines: ['030 111'],
        retention: { mode: 'keep-hours', hours: 9999 },
      },
      expect: ['body.lines.0', 'body.retention.hours'],
    },
    {
      method: 'PUT',
      path: `/clients/${OWN_CLIENT.id}`,
      body: {
        ...testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line),
        retention: { mode: 'keep-minutes', minutes: 43_201 },
      },
      expect: ['body.retention.minutes'],
    },
    {
      // Issue 13: the AI provider allow-list names known providers, each once.
      method: 'PUT',
      path: `/clients/${OWN_CLIENT.id}`,
      body: {
        ...testClientProfile(OWN_CLIENT.id, OWN_CLIENT.line),
        aiProviders: { transcription: ['deepgram', 'deepgram'], model: ['evil-cloud'], extra: [] },
      },
      expect: ['body.aiProviders.transcription', 'body.aiProviders.model.0', 'body.aiProviders'],
    },
    {
      method: 'PUT',
      path: `/clients/${OWN_CLIENT.id}`,
      body: testClientProfile('another-id', '+4930999999'),
      expect: ['body.id'],
    },
  ],
  'GET /lines/:line/client': [
    { method: 'GET', path: '/lines/0301234/client', expect: ['params.line'] },
  ],
  'POST /calls': [
    {
      method: 'POST',
      path: '/calls',
      body: {
        id: 'not-a-uuid',
        clientId: OWN_CLIENT.id,
        line: '123',
        ringAt: 'yesterday',
        outcome: 'great',
        wrapUpSeconds: -1,
      },
      expect: ['body.id', 'body.line', 'body.ringAt', 'body.outcome', 'body.wrapUpSeconds'],
    },
    {
      method: 'POST',
      path: '/calls',
      body: {
        clientId: OWN_CLIENT.id,
        line: OWN_CLIENT.line,
        ringAt: '9999-12-31T23:59:59-23:59',
        endAt: '0000-01-01T00:00:00Z',
      },
      expect: ['body.ringAt', 'body.endAt'],
    },
  ],
  'POST /line-calls': [
    {
      method: 'POST',
      path: '/line-calls',
      body: { line: '+49301', ringAt: 'now', callerNumber: 'anonymous', clientId: OWN_CLIENT.id },
      expect: ['body.id', 'body.ringAt', 'body.callerNumber', 'body'],
    },
  ],
  'PATCH /calls/:callId': [
    {
      method: 'PATCH',
      path: (fixtures) => `/calls/${fixtures.calls.own}`,
      body: { outcome: 'great', endAt: 'later' },
      expect: ['body.outcome', 'body.endAt'],
    },
  ],
  'GET /calls/:callId': [{ method: 'GET', path: `/calls/${TOO_LONG}`, expect: ['params.callId'] }],
  'GET /calls': [
    { method: 'GET', path: '/calls?limit=0', expect: ['query.clientId', 'query.limit'] },
    { method: 'GET', path: `/calls?clientId=${OWN_CLIENT.id}&from=today`, expect: ['query.from'] },
    {
      method: 'GET',
      path: `/calls?clientId=${OWN_CLIENT.id}&from=9999-12-31T23:59:59-23:59&to=0000-01-01T00:00:00%2B23:59`,
      expect: ['query.from', 'query.to'],
    },
  ],
  'POST /notes': [
    { method: 'POST', path: '/notes', body: note, expect: ['headers.idempotency-key'] },
    {
      method: 'POST',
      path: '/notes',
      body: note,
      headers: { 'idempotency-key': 'one' },
      expect: ['headers.idempotency-key'],
    },
    {
      method: 'POST',
      path: '/notes',
      body: {
        ...note,
        concern: '',
        urgency: 'whenever',
        outcome: 'lunch',
        callbackNumber: '<script>',
        tags: ['x'.repeat(65)],
        extra: 1,
      },
      headers: { 'idempotency-key': randomUUID() },
      expect: [
        'body.concern',
        'body.urgency',
        'body.outcome',
        'body.callbackNumber',
        'body.tags.0',
        'body',
      ],
    },
    {
      method: 'POST',
      path: '/notes',
      body: '{"clientId": ',
      headers: { 'idempotency-key': randomUUID() },
      expect: ['body'],
    },
    {
      method: 'POST',
      path: '/notes',
      body: [note],
      headers: { 'idempotency-key': randomUUID() },
      expect: ['body'],
    },
  ],
  'GET /notes': [
    { method: 'GET', path: `/notes?clientId=${OWN_CLIENT.id}&limit=abc`, expect: ['query.limit'] },
  ],
  'GET /notes/:noteId': [{ method: 'GET', path: `/notes/${TOO_LONG}`, expect: ['params.noteId'] }],
  'GET /notes/:noteId/deliveries': [
    { method: 'GET', path: `/notes/${TOO_LONG}/deliveries`, expect: ['params.noteId'] },
  ],
  'POST /notes/:noteId/deliveries/retry': [
    { method: 'POST', path: `/notes/${TOO_LONG}/deliveries/retry`, expect: ['params.noteId'] },
  ],
  'GET /reports/billing': [
    {
      method: 'GET',
      path: `/reports/billing?clientId=${OWN_CLIENT.id}&from=2025-13-01&to=2025-03-01&timeZone=Mars%2FBase`,
      expect: ['query.from', 'query.timeZone'],
    },
    {
      method: 'GET',
      path: `/reports/billing?clientId=${OWN_CLIENT.id}&from=2025-03-02&to=2025-03-01`,
      expect: ['query.to'],
    },
    {
      method: 'GET',
      path: `/reports/billing?clientId=${OWN_CLIENT.id}&from=2025-01-01&to=2025-12-31&format=pdf`,
      expect: ['query.format'],
    },
    // Valid calendar days the report cannot compute (the day after is in year 10000): 400.
    {
      method: 'GET',
      path: `/reports/billing?clientId=${OWN_CLIENT.id}&from=9999-12-31&to=9999-12-31`,
      expect: ['query.from', 'query.to'],
    },
    {
      method: 'GET',
      path: `/reports/billing?clientId=${OWN_CLIENT.id}&from=0000-01-01&to=0000-01-02&format=csv`,
      expect: ['query.from', 'query.to'],
    },
  ],
  'GET /reports/unassigned-lines': [
    {
      method: 'GET',
      path: '/reports/unassigned-lines?from=2025-03-02&to=2025-03-01&timeZone=Mars%2FBase',
      expect: ['query.timeZone'],
    },
    {
      method: 'GET',
      path: '/reports/unassigned-lines?from=2025-01-01&to=2025-12-31&clientId=x',
      expect: ['query'],
    },
    {
      method: 'GET',
      path: '/reports/unassigned-lines?from=9999-12-31&to=9999-12-31&format=csv',
      expect: ['query.from', 'query.to'],
    },
  ],
  'PUT /presence': [
    { method: 'PUT', path: '/presence', body: { state: 'asleep' }, expect: ['body.state'] },
  ],
  'PUT /bot-switch/global': [
    { method: 'PUT', path: '/bot-switch/global', body: { mode: 'inherit' }, expect: ['body.mode'] },
  ],
  'PUT /bot-switch/lines/:line': [
    {
      method: 'PUT',
      path: '/bot-switch/lines/abc',
      body: { mode: 'maybe' },
      expect: ['params.line', 'body.mode'],
    },
  ],
  'GET /bot-switch/schedules/:clientId': [
    { method: 'GET', path: `/bot-switch/schedules/${TOO_LONG}`, expect: ['params.clientId'] },
  ],
  'PUT /bot-switch/schedules/:clientId': [
    {
      // 25:00 and overlapping windows are refused by the schedule rules (shared/domain).
      method: 'PUT',
      path: `/bot-switch/schedules/${OWN_CLIENT.id}`,
      body: {
        schedule: {
          weekly: [
            { weekday: 1, from: '08:00', to: '25:00' },
            { weekday: 1, from: '09:00', to: '10:00' },
          ],
          holidays: [],
          exceptions: [],
        },
      },
      expect: ['body.schedule'],
    },
    {
      method: 'PUT',
      path: `/bot-switch/schedules/${TOO_LONG}`,
      body: { schedule: null, reason: 'x', extra: true },
      expect: ['params.clientId', 'body'],
    },
  ],
  'GET /audit-log': [{ method: 'GET', path: '/audit-log?limit=5000', expect: ['query.limit'] }],
  'POST /deletion-receipts': [
    {
      method: 'POST',
      path: '/deletion-receipts',
      body: {
        transactionId: 'abc',
        clientId: OWN_CLIENT.id,
        recordType: 'audio',
        reason: 'because',
        deletedAt: 'now',
        callerName: 'x',
      },
      expect: ['body.transactionId', 'body.recordType', 'body.reason', 'body.deletedAt', 'body'],
    },
  ],
  'GET /deletion-receipts': [
    { method: 'GET', path: '/deletion-receipts', expect: ['query.clientId'] },
  ],
  ...DATA_REQUEST_INVALID_CASES,
};

/** Routes that take no input at all: nothing to send wrong. */
/** Hybrid reception routes (docs/hybrid.md); the machine routes validate before the credential. */
export const HYBRID_INVALID_CASES: Record<string, InvalidCase[]> = {
  'POST /routing/decisions': [
    {
      method: 'POST',
      path: '/routing/decisions',
      body: { sipCallId: '', line: '030 123', callerNumber: 'anonymous"', extra: 1 },
      expect: ['body.sipCallId', 'body.line', 'body.callerNumber', 'body'],
    },
    {
      method: 'POST',
      path: '/routing/decisions',
      body: { sipCallId: 'x', line: null, handoverToken: '../../etc' },
      expect: ['body.handoverToken'],
    },
  ],
  'POST /bot/v1/events': [
    {
      method: 'POST',
      path: '/bot/v1/events',
      body: { eventId: 'not-a-uuid', callId: randomUUID(), type: 'consent', at: 'now' },
      expect: ['body.eventId', 'body.at', 'body.given'],
    },
    {
      method: 'POST',
      path: '/bot/v1/events',
      body: {
        eventId: randomUUID(),
        callId: randomUUID(),
        at: '2025-03-31T10:00:00Z',
        type: 'hack',
      },
      expect: ['body.type'],
    },
  ],
  'GET /bot/v1/calls/:callId/commands': [
    {
      method: 'GET',
      path: `/bot/v1/calls/${randomUUID()}/commands?wait=99`,
      expect: ['query.wait'],
    },
    { method: 'GET', path: '/bot/v1/calls/x/commands', expect: ['params.callId'] },
  ],
  'GET /bot-calls': [
    { method: 'GET', path: `/bot-calls?clientId=${TOO_LONG}`, expect: ['query.clientId'] },
  ],
  'GET /bot-calls/:callId': [{ method: 'GET', path: '/bot-calls/123', expect: ['params.callId'] }],
  'POST /bot-calls/:callId/take-over': [
    { method: 'POST', path: '/bot-calls/123/take-over', expect: ['params.callId'] },
  ],
  'POST /offers/:offerId/accept': [
    { method: 'POST', path: '/offers/x/accept', expect: ['params.offerId'] },
  ],
  'POST /offers/:offerId/decline': [
    { method: 'POST', path: '/offers/x/decline', expect: ['params.offerId'] },
  ],
  'GET /supervision/board': [
    { method: 'GET', path: `/supervision/board?clientId=${TOO_LONG}`, expect: ['query.clientId'] },
    { method: 'GET', path: '/supervision/board?all=1', expect: ['query'] },
  ],
  'GET /reports/supervision-day': [
    {
      method: 'GET',
      path: `/reports/supervision-day?clientId=${OWN_CLIENT.id}&day=2025-02-30&format=xml`,
      expect: ['query.day', 'query.format'],
    },
    { method: 'GET', path: '/reports/supervision-day', expect: ['query.clientId', 'query.day'] },
  ],
  'PUT /supervision/targets/:clientId': [
    {
      method: 'PUT',
      path: `/supervision/targets/${OWN_CLIENT.id}`,
      body: { thresholdSeconds: 0, targetPercent: 101 },
      expect: ['body.thresholdSeconds', 'body.targetPercent'],
    },
    {
      method: 'PUT',
      path: `/supervision/targets/${TOO_LONG}`,
      body: { thresholdSeconds: 20.5, targetPercent: 80, extra: 1 },
      expect: ['params.clientId', 'body.thresholdSeconds', 'body'],
    },
  ],
  'POST /supervision/agents/:userId/not-ready': [
    {
      method: 'POST',
      path: `/supervision/agents/${TOO_LONG}/not-ready`,
      body: { reason: '   ' },
      expect: ['params.userId', 'body.reason'],
    },
    {
      method: 'POST',
      path: '/supervision/agents/someone/not-ready',
      body: { reason: 'x'.repeat(81) },
      expect: ['body.reason'],
    },
  ],
  'POST /supervision/agents/:userId/logout': [
    { method: 'POST', path: `/supervision/agents/${TOO_LONG}/logout`, expect: ['params.userId'] },
  ],
  'POST /supervision/alert-acknowledgements': [
    {
      method: 'POST',
      path: '/supervision/alert-acknowledgements',
      body: { clientId: '', alertKey: 'x'.repeat(201) },
      expect: ['body.clientId', 'body.alertKey'],
    },
  ],
  'GET /supervision/calls/:callId': [
    { method: 'GET', path: '/supervision/calls/123', expect: ['params.callId'] },
  ],
  'PUT /calls/:callId/human-transcript': [
    {
      method: 'PUT',
      path: `/calls/${randomUUID()}/human-transcript`,
      role: 'agent',
      body: { segments: [] },
      expect: ['body.segments'],
    },
    {
      method: 'PUT',
      path: '/calls/123/human-transcript',
      role: 'agent',
      body: { segments: [{ segmentId: 'h1', speaker: 'bot', text: 'x', startMs: -1, endMs: 0 }] },
      expect: ['params.callId', 'body.segments.0.speaker', 'body.segments.0.startMs'],
    },
  ],
  'POST /supervision/calls/:callId/whispers': [
    {
      method: 'POST',
      path: `/supervision/calls/${randomUUID()}/whispers`,
      body: { text: ' ' },
      expect: ['body.text'],
    },
    {
      method: 'POST',
      path: '/supervision/calls/x/whispers',
      body: { text: 'x'.repeat(501), to: 'everyone' },
      expect: ['params.callId', 'body.text', 'body'],
    },
  ],
  'POST /supervision/calls/:callId/review-notes': [
    {
      method: 'POST',
      path: `/supervision/calls/${randomUUID()}/review-notes`,
      body: { text: '', segmentId: '' },
      expect: ['body.text', 'body.segmentId'],
    },
  ],
  'GET /calls/:callId/whispers': [
    { method: 'GET', path: '/calls/x/whispers', expect: ['params.callId'] },
  ],
};

export const ROUTES_WITHOUT_INPUT = [
  'GET /data-requests/desk-deletions',
  'GET /offers',
  'GET /health',
  'GET /me',
  'GET /users',
  'GET /clients',
  'GET /presence',
  'GET /bot-switch',
  'GET /bot-switch/audit',
  'GET /openapi.json',
];

Object.assign(INVALID_CASES, HYBRID_INVALID_CASES);

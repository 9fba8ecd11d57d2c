/**
 * The supervisor board (issue 10): the board, the day report, an agent set not ready or logged
 * out, alert acknowledgements, per-client service-level targets, the read-only live view of a
 * call with whispers and review notes. Supervisors, shift leads and admins only, each scoped to
 * their clients; the one route for every role is an agent reading the whispers sent to them.
 */
import { z } from 'zod';
import { ALL_ROLES, WATCHER_ROLES } from '../../auth/authenticatedUser';
import {
  ClientIdParametersSchema,
  ErrorResponseSchema,
} from '../../../shared/portalWire/commonSchemas';
import {
  AcknowledgeAlertRequestSchema,
  AgentParametersSchema,
  BoardQuerySchema,
  DayReportQuerySchema,
  DayReportSchema,
  HumanTranscriptRequestSchema,
  ReviewNoteRequestSchema,
  ReviewNoteSchema,
  SetNotReadyRequestSchema,
  SetTargetRequestSchema,
  SupervisedCallParametersSchema,
  SupervisedCallSchema,
  SupervisionBoardSchema,
  WhisperRequestSchema,
  WhisperSchema,
} from '../../../shared/portalWire/supervisionSchemas';
import { toBotCallDetail } from '../../hybrid/botCallStore';
import { buildDayReport, dayReportToCsv } from '../../supervision/dayReport';
import { saveTarget } from '../../supervision/serviceLevelTargets';
import {
  acknowledgeAlert,
  addReviewNote,
  listReviewNotes,
  listWhispersTo,
  logAgentOut,
  reportHumanTranscript,
  requireSupervisedCall,
  setAgentNotReady,
  whisper,
} from '../../supervision/supervisionActions';
import { buildSupervisionBoard } from '../../supervision/supervisionBoard';
import { nowIso, type PortalContext } from '../../portalContext';
import type { AuthenticatedUser } from '../../auth/authenticatedUser';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient, scopeOf } from '../routeHelpers';

const WATCHERS = [...WATCHER_ROLES];

/** The clients a user watches: assigned ones, every client for admins. */
async function watchedClientIds(context: PortalContext, user: AuthenticatedUser) {
  const scope = scopeOf(user);
  if (scope !== undefined) return scope;
  const rows = await context.database.selectFrom('clients').select('id').execute();
  return rows.map((row) => row.id);
}

export const supervisionBoardRoute = defineRoute({
  method: 'GET',
  url: '/supervision/board',
  summary:
    "The supervisor board of the caller's clients (or one): lines, waiting calls, agents, alerts",
  tag: 'supervision',
  roles: WATCHERS,
  query: BoardQuerySchema,
  responses: { 200: SupervisionBoardSchema, 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    if (query.clientId) requireClient(user, query.clientId);
    const clientIds = query.clientId ? [query.clientId] : await watchedClientIds(context, user);
    return {
      status: 200,
      body: await buildSupervisionBoard(context.database, clientIds, context.now()),
      headers: NO_STORE,
    };
  },
});

export const supervisionDayReportRoute = defineRoute({
  method: 'GET',
  url: '/reports/supervision-day',
  summary: "One client's day on the board: per line and in total (JSON or CSV)",
  tag: 'reports',
  roles: WATCHERS,
  query: DayReportQuerySchema,
  responses: { 200: DayReportSchema, 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    requireClient(user, query.clientId);
    const report = await buildDayReport(context.database, query.clientId, query.day, context.now());
    if (query.format === 'csv')
      return {
        status: 200,
        body: dayReportToCsv(report),
        contentType: 'text/csv; charset=utf-8',
        headers: {
          ...NO_STORE,
          'content-disposition': `attachment; filename="day-${query.day}.csv"`,
        },
      };
    return { status: 200, body: report, headers: NO_STORE };
  },
});

export const setServiceLevelTargetRoute = defineRoute({
  method: 'PUT',
  url: '/supervision/targets/:clientId',
  summary: "Set a client's service-level threshold (seconds) and target (percent)",
  tag: 'supervision',
  roles: WATCHERS,
  params: ClientIdParametersSchema,
  body: SetTargetRequestSchema,
  responses: { 204: null, 403: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    requireClient(user, params.clientId);
    await saveTarget(context.database, params.clientId, body, {
      userId: user.id,
      at: nowIso(context),
    });
    return { status: 204 };
  },
});

export const setAgentNotReadyRoute = defineRoute({
  method: 'POST',
  url: '/supervision/agents/:userId/not-ready',
  summary: 'Set an agent not ready (break) with a reason: no more offers to that agent',
  tag: 'supervision',
  roles: WATCHERS,
  params: AgentParametersSchema,
  body: SetNotReadyRequestSchema,
  responses: { 204: null, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    await setAgentNotReady(context, user, params.userId, body.reason);
    return { status: 204 };
  },
});

export const logAgentOutRoute = defineRoute({
  method: 'POST',
  url: '/supervision/agents/:userId/logout',
  summary: "Log an agent out: every session revoked, the agent's event sockets closed",
  tag: 'supervision',
  roles: WATCHERS,
  params: AgentParametersSchema,
  responses: { 204: null, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    await logAgentOut(context, user, params.userId);
    return { status: 204 };
  },
});

export const acknowledgeAlertRoute = defineRoute({
  method: 'POST',
  url: '/supervision/alert-acknowledgements',
  summary: 'Acknowledge a board alert (recorded with who and when)',
  tag: 'supervision',
  roles: WATCHERS,
  body: AcknowledgeAlertRequestSchema,
  responses: { 204: null, 403: ErrorResponseSchema },
  async handler({ body, user, context }) {
    await acknowledgeAlert(context, user, body.clientId, body.alertKey);
    return { status: 204 };
  },
});

export const supervisedCallRoute = defineRoute({
  method: 'GET',
  url: '/supervision/calls/:callId',
  summary: 'Read-only live view of a call: transcript, collected fields, review notes',
  tag: 'supervision',
  roles: WATCHERS,
  params: SupervisedCallParametersSchema,
  responses: { 200: SupervisedCallSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    const row = await requireSupervisedCall(context, user, params.callId);
    return {
      status: 200,
      body: {
        call: await toBotCallDetail(context.database, context.botContent, row),
        humanTranscript: context.humanTranscripts.read(params.callId),
        reviewNotes: await listReviewNotes(context, params.callId),
      },
      headers: NO_STORE,
    };
  },
});

export const whisperRoute = defineRoute({
  method: 'POST',
  url: '/supervision/calls/:callId/whispers',
  summary: 'A text to the agent on the call only (409 when no agent is on it)',
  tag: 'supervision',
  roles: WATCHERS,
  params: SupervisedCallParametersSchema,
  body: WhisperRequestSchema,
  responses: {
    201: WhisperSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ params, body, user, context }) {
    return { status: 201, body: await whisper(context, user, params.callId, body.text) };
  },
});

export const reviewNoteRoute = defineRoute({
  method: 'POST',
  url: '/supervision/calls/:callId/review-notes',
  summary: "A note on a call's transcript for later review",
  tag: 'supervision',
  roles: WATCHERS,
  params: SupervisedCallParametersSchema,
  body: ReviewNoteRequestSchema,
  responses: { 201: ReviewNoteSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    return { status: 201, body: await addReviewNote(context, user, params.callId, body) };
  },
});

export const myWhispersRoute = defineRoute({
  method: 'GET',
  url: '/calls/:callId/whispers',
  summary: 'Whispers sent to the caller (the agent) on this call',
  tag: 'supervision',
  roles: ALL_ROLES,
  params: SupervisedCallParametersSchema,
  responses: { 200: z.array(WhisperSchema) },
  async handler({ params, user, context }) {
    return {
      status: 200,
      body: await listWhispersTo(context, user.id, params.callId),
      headers: NO_STORE,
    };
  },
});

export const humanTranscriptRoute = defineRoute({
  method: 'PUT',
  url: '/calls/:callId/human-transcript',
  summary:
    'The agent on a taken-over call reports final segments of the human part, for the supervisor’s live view (memory only, dropped when the call ends)',
  tag: 'supervision',
  roles: ['agent'],
  params: SupervisedCallParametersSchema,
  body: HumanTranscriptRequestSchema,
  responses: {
    204: null,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ params, body, user, context }) {
    await reportHumanTranscript(context, user, params.callId, body.segments);
    return { status: 204 };
  },
});

export const SUPERVISION_ROUTES = [
  supervisionBoardRoute,
  supervisionDayReportRoute,
  setServiceLevelTargetRoute,
  setAgentNotReadyRoute,
  logAgentOutRoute,
  acknowledgeAlertRoute,
  supervisedCallRoute,
  whisperRoute,
  reviewNoteRoute,
  myWhispersRoute,
  humanTranscriptRoute,
];

/**
 * The call log. Agents log and update their own calls (or unassigned ones, e.g. taken over from
 * the bot); supervisors, shift leads and admins any call of their clients. `POST /line-calls`
 * logs a call by its line alone, also beyond the user's scope (see that route). Changing the agent of
 * a call that already had one is a takeover and goes to the audit log.
 */
import { z } from 'zod';
import type { AuthenticatedUser } from '../../auth/authenticatedUser';
import { ALL_ROLES, canAccessClient } from '../../auth/authenticatedUser';
import { appendAudit } from '../../domain/auditLog';
import { createCall, getCall, listCalls, updateCall } from '../../domain/callStore';
import { getClient } from '../../domain/clientStore';
import {
  isUnassignedLineCall,
  LineCallConflictError,
  logCallByLine,
  type LineCallResult,
} from '../../domain/lineCallStore';
import {
  CallIdParametersSchema,
  CallListQuerySchema,
  CallSchema,
  CreateCallRequestSchema,
  LineCallReceiptSchema,
  LineCallRequestSchema,
  UpdateCallRequestSchema,
  type Call,
  type LineCallRouting,
} from '../../../shared/portalWire/callSchemas';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import { nowIso, type PortalContext } from '../../portalContext';
import { conflict, forbidden, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient } from '../routeHelpers';

/** Agents may only name themselves (or nobody) as a call's agent. */
function requireAgentRules(user: AuthenticatedUser, agentId: string | null | undefined): void {
  if (user.role === 'agent' && agentId !== undefined && agentId !== null && agentId !== user.id) {
    throw forbidden();
  }
}

/** IDs only: a desk that needs the call's facts reads them with `GET /calls/:callId`. */
function publishCall(context: PortalContext, call: Call): void {
  context.events.publish(
    { type: 'call.updated', at: nowIso(context), clientId: call.clientId, callId: call.id },
    { clientIds: [call.clientId] },
  );
}

async function loadScopedCall(context: PortalContext, user: AuthenticatedUser, callId: string) {
  const call = await getCall(context.database, callId);
  if (!call) throw notFound('Call');
  requireClient(user, call.clientId);
  return call;
}

export const createCallRoute = defineRoute({
  method: 'POST',
  url: '/calls',
  summary: 'Log a call; idempotent on the desk-chosen `id`',
  tag: 'calls',
  roles: ALL_ROLES,
  body: CreateCallRequestSchema,
  responses: {
    200: CallSchema,
    201: CallSchema,
    403: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ body, user, context }) {
    requireClient(user, body.clientId);
    requireAgentRules(user, body.agentId);
    const client = await getClient(context.database, body.clientId);
    if (!client) throw notFound('Client');
    if (body.id && (await isUnassignedLineCall(context.database, body.id))) {
      throw conflict('Call ID is taken');
    }
    const { call, created } = await createCall(context.database, body, user.id, nowIso(context));
    if (!created && call.clientId !== body.clientId) throw conflict('Call ID is taken');
    if (created) publishCall(context, call);
    return { status: created ? 201 : 200, body: call };
  },
});

/** The rule of `PATCH /calls/:callId`: may this user change this call's facts? */
function mayChangeCall(
  user: AuthenticatedUser,
  call: { clientId: string | null; agentId: string | null; createdBy: string },
): boolean {
  if (call.agentId !== null && user.role === 'agent' && call.agentId !== user.id) return false;
  // Unassigned-line calls have no client and no PATCH route: only the desk that logged one may
  // complete it.
  if (call.clientId === null) return call.createdBy === user.id;
  return canAccessClient(user, call.clientId);
}

/**
 * What the answer says about where the call went. Only what the caller may see anyway: a scoped
 * user learns nothing about a line outside its clients, so another client's line and a line no
 * client owns both answer `outside-scope`.
 */
function visibleRouting(user: AuthenticatedUser, result: LineCallResult): LineCallRouting {
  if (user.role === 'admin') return result.routed;
  if (result.clientId !== null && canAccessClient(user, result.clientId)) return 'client';
  return 'outside-scope';
}

/**
 * Billing beats scope for writing a call: any user may log a call to any line (the desk cannot
 * know or see the client of an unassigned line), but the answer names no client, and reading the
 * call stays scoped as before. A replay never changes a call the user could not change through
 * `PATCH /calls/:callId` (see `lineCallStore.ts`). Writes outside the user's scope are audited
 * without personal data.
 */
export const createLineCallRoute = defineRoute({
  method: 'POST',
  url: '/line-calls',
  summary:
    'Log a call by its dialled line; the portal resolves the client, or logs an unassigned-line call',
  tag: 'calls',
  roles: ALL_ROLES,
  body: LineCallRequestSchema,
  responses: {
    200: LineCallReceiptSchema,
    201: LineCallReceiptSchema,
    403: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ body, user, context }) {
    requireAgentRules(user, body.agentId);
    const at = nowIso(context);
    let result: LineCallResult;
    try {
      result = await logCallByLine(context.database, body, user.id, at, (call) =>
        mayChangeCall(user, call),
      );
    } catch (error) {
      if (error instanceof LineCallConflictError) throw conflict('Call ID is taken');
      throw error;
    }
    // Calls outside the user's scope (unassigned lines, other clients' lines) are audited: they
    // are the only calls a user can write without seeing the client.
    const outsideScope = result.clientId === null || !canAccessClient(user, result.clientId);
    if ((result.created || result.completed) && outsideScope) {
      await appendAudit(context.database, {
        at,
        actorUserId: user.id,
        action: result.created ? 'call.logged-by-line' : 'call.completed-by-line',
        clientId: result.clientId,
        targetType: 'call',
        targetId: result.id,
        details: { routed: result.routed },
      });
    }
    if (result.clientId && (result.created || result.completed)) {
      const call = await getCall(context.database, result.id);
      if (call) publishCall(context, call);
    }
    return {
      status: result.created ? 201 : 200,
      body: { id: result.id, routed: visibleRouting(user, result) },
    };
  },
});

export const updateCallRoute = defineRoute({
  method: 'PATCH',
  url: '/calls/:callId',
  summary: 'Record answer/end, outcome, wrap-up seconds or a takeover',
  tag: 'calls',
  roles: ALL_ROLES,
  params: CallIdParametersSchema,
  body: UpdateCallRequestSchema,
  responses: { 200: CallSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    const current = await loadScopedCall(context, user, params.callId);
    if (user.role === 'agent' && current.agentId !== null && current.agentId !== user.id) {
      throw forbidden();
    }
    requireAgentRules(user, body.agentId);
    const at = nowIso(context);
    const call = await updateCall(context.database, params.callId, body, at);
    if (body.agentId && current.agentId && body.agentId !== current.agentId) {
      await appendAudit(context.database, {
        at,
        actorUserId: user.id,
        action: 'call.takeover',
        clientId: call.clientId,
        targetType: 'call',
        targetId: call.id,
        details: { previousAgentId: current.agentId, agentId: body.agentId },
      });
    }
    publishCall(context, call);
    return { status: 200, body: call };
  },
});

export const getCallRoute = defineRoute({
  method: 'GET',
  url: '/calls/:callId',
  summary: 'One call',
  tag: 'calls',
  roles: ALL_ROLES,
  params: CallIdParametersSchema,
  responses: { 200: CallSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    return {
      status: 200,
      body: await loadScopedCall(context, user, params.callId),
      headers: NO_STORE,
    };
  },
});

export const listCallsRoute = defineRoute({
  method: 'GET',
  url: '/calls',
  summary: 'Calls of a client, newest first, optionally between two instants (ring time)',
  tag: 'calls',
  roles: ALL_ROLES,
  query: CallListQuerySchema,
  responses: { 200: z.array(CallSchema), 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    requireClient(user, query.clientId);
    return { status: 200, body: await listCalls(context.database, query), headers: NO_STORE };
  },
});

export const CALL_ROUTES = [
  createCallRoute,
  createLineCallRoute,
  updateCallRoute,
  getCallRoute,
  listCallsRoute,
];

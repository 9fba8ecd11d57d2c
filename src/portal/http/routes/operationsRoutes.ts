/** Presence, the audit log and deletion receipts (the bot switch: botSwitchRoutes.ts). */
import { z } from 'zod';
import { ALL_ROLES, WATCHER_ROLES } from '../../auth/authenticatedUser';
import { listAudit } from '../../domain/auditLog';
import { listDeletionReceipts, recordDeletionReceipt } from '../../domain/deletionReceiptStore';
import { listPresence } from '../../domain/presenceStore';
import { setAgentState } from '../../hybrid/agentStates';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  AuditEntrySchema,
  AuditListQuerySchema,
  DeletionReceiptListQuerySchema,
  DeletionReceiptRequestSchema,
  DeletionReceiptSchema,
  PresenceSchema,
  SetPresenceRequestSchema,
} from '../../../shared/portalWire/operationsSchemas';
import { nowIso } from '../../portalContext';
import { conflict } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient, scopeOf } from '../routeHelpers';

export const setPresenceRoute = defineRoute({
  method: 'PUT',
  url: '/presence',
  summary: "Set the caller's own presence state",
  tag: 'presence',
  roles: ALL_ROLES,
  body: SetPresenceRequestSchema,
  responses: { 204: null },
  async handler({ body, user, context }) {
    const at = nowIso(context);
    // Through the agent states (idle time for longest-idle offers); an agent who is offered a
    // call and sets itself to anything else lets the offer go on to the next agent.
    await setAgentState(context.database, context.events, {
      userId: user.id,
      state: body.state,
      at,
      reason: body.reason ?? null,
      changedBy: user.id,
    });
    context.offers.nudge();
    return { status: 204 };
  },
});

export const listPresenceRoute = defineRoute({
  method: 'GET',
  url: '/presence',
  summary: 'Presence of users sharing a client with the caller (all for admins)',
  tag: 'presence',
  roles: WATCHER_ROLES,
  responses: { 200: z.array(PresenceSchema) },
  async handler({ user, context }) {
    return {
      status: 200,
      body: await listPresence(context.database, scopeOf(user)),
      headers: NO_STORE,
    };
  },
});

export const auditLogRoute = defineRoute({
  method: 'GET',
  url: '/audit-log',
  summary: 'Audit entries, newest first (supervisors: their clients and global bot switches)',
  tag: 'audit',
  roles: ['supervisor', 'admin'],
  query: AuditListQuerySchema,
  responses: { 200: z.array(AuditEntrySchema), 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    if (query.clientId !== undefined) requireClient(user, query.clientId);
    const entries = await listAudit(context.database, {
      clientIds: scopeOf(user),
      ...(query.clientId !== undefined ? { clientId: query.clientId } : {}),
      limit: query.limit,
    });
    return { status: 200, body: entries, headers: NO_STORE };
  },
});

export const recordDeletionRoute = defineRoute({
  method: 'POST',
  url: '/deletion-receipts',
  summary: 'Record proof of a deletion (transaction ID, no personal data); idempotent on the ID',
  tag: 'privacy',
  roles: ALL_ROLES,
  body: DeletionReceiptRequestSchema,
  responses: {
    200: DeletionReceiptSchema,
    201: DeletionReceiptSchema,
    403: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ body, user, context }) {
    requireClient(user, body.clientId);
    const result = await recordDeletionReceipt(context.database, body, user.id, nowIso(context));
    if (result.kind === 'conflict') throw conflict('Transaction ID was used for another client');
    return { status: result.kind === 'recorded' ? 201 : 200, body: result.receipt };
  },
});

export const listDeletionsRoute = defineRoute({
  method: 'GET',
  url: '/deletion-receipts',
  summary: 'Deletion receipts of a client, newest first',
  tag: 'privacy',
  roles: ['supervisor', 'admin'],
  query: DeletionReceiptListQuerySchema,
  responses: { 200: z.array(DeletionReceiptSchema), 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    requireClient(user, query.clientId);
    return {
      status: 200,
      body: await listDeletionReceipts(context.database, query),
      headers: NO_STORE,
    };
  },
});

export const OPERATIONS_ROUTES = [
  setPresenceRoute,
  listPresenceRoute,
  auditLogRoute,
  recordDeletionRoute,
  listDeletionsRoute,
];

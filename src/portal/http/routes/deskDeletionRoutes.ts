/**
 * Desk deletions (issue 13 item 2): the deletions a desk still has to repeat on its local copies,
 * and its receipt (counts only). Every role runs a desk, so every role may use them, limited to
 * requests about its clients (an admin's request over every client concerns every desk).
 */
import { z } from 'zod';
import { ALL_ROLES } from '../../auth/authenticatedUser';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  DataRequestIdParametersSchema,
  DataRequestReceiptSchema,
  DeskDeletionNoticeSchema,
  DeskReceiptSubmissionSchema,
} from '../../../shared/portalWire/dataRequestSchemas';
import {
  findDeskDeletion,
  listPendingDeskDeletions,
  recordDeskReceipt,
} from '../../dataRequests/deskDeletionNotices';
import { nowIso } from '../../portalContext';
import { forbidden, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE } from '../routeHelpers';

export const listPendingDeskDeletionsRoute = defineRoute({
  method: 'GET',
  url: '/data-requests/desk-deletions',
  summary: 'Deletions this desk has not confirmed yet (salted number hashes, no numbers)',
  tag: 'data-requests',
  roles: ALL_ROLES,
  responses: { 200: z.array(DeskDeletionNoticeSchema) },
  async handler({ user, context }) {
    const notices = await listPendingDeskDeletions(context.database, user);
    return { status: 200, body: notices, headers: NO_STORE };
  },
});

export const recordDeskReceiptRoute = defineRoute({
  method: 'POST',
  url: '/data-requests/desk-deletions/:requestId/receipt',
  summary: "A desk's receipt for its local copies: counts per kind (replays answer the first)",
  tag: 'data-requests',
  roles: ALL_ROLES,
  params: DataRequestIdParametersSchema,
  body: DeskReceiptSubmissionSchema,
  responses: {
    201: DataRequestReceiptSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
  },
  async handler({ params, body, user, context }) {
    const notice = await findDeskDeletion(context.database, user, params.requestId);
    if (notice === 'not-found') throw notFound('Data request');
    if (notice === 'out-of-scope') throw forbidden();
    const receipt = await recordDeskReceipt(context.database, user, notice, body, nowIso(context));
    return { status: 201, body: receipt, headers: NO_STORE };
  },
});

export const DESK_DELETION_ROUTES = [listPendingDeskDeletionsRoute, recordDeskReceiptRoute];

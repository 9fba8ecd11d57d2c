/**
 * Data requests (DSGVO Art. 15 and 17, issue 13): supervisors and admins search, export and
 * delete everything held about one caller number. The number travels in the body (never in a
 * URL), is normalised to E.164, and is named in the audit log only by a keyed hash.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { AuthenticatedUser } from '../../auth/authenticatedUser';
import { appendAudit } from '../../domain/auditLog';
import { toE164 } from '../../../shared/domain/phoneNumber';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  DataRequestDeletionSchema,
  DataRequestFindingsSchema,
  DataRequestIdParametersSchema,
  DataRequestQuerySchema,
  DataRequestReceiptListQuerySchema,
  DataRequestReceiptSchema,
  type DataRequestQuery,
} from '../../../shared/portalWire/dataRequestSchemas';
import { deleteDataRequest } from '../../dataRequests/dataRequestDeletion';
import { announceDeskDeletion } from '../../dataRequests/deskDeletionNotices';
import { dataRequestRateLimiterFor } from '../../dataRequests/dataRequestRateLimiter';
import { listDataRequestReceipts } from '../../dataRequests/dataRequestReceiptStore';
import { renderDataRequestReport } from '../../dataRequests/dataRequestReport';
import type { DataRequestTarget } from '../../dataRequests/dataRequestScope';
import { searchDataRequest } from '../../dataRequests/dataRequestSearch';
import { subjectHash } from '../../dataRequests/subjectHash';
import { nowIso, type PortalContext } from '../../portalContext';
import { HttpError, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient, scopeOf } from '../routeHelpers';

const DATA_REQUEST_ROLES = ['supervisor', 'admin'] as const;
const REFUSALS = { 400: ErrorResponseSchema, 403: ErrorResponseSchema, 429: ErrorResponseSchema };

/** Rate limit, scope check and normalisation shared by search, export and deletion. */
function targetOf(
  context: PortalContext,
  user: AuthenticatedUser,
  query: DataRequestQuery,
): DataRequestTarget {
  const reservation = dataRequestRateLimiterFor(context).reserve(user.id);
  if (!reservation.ok) {
    throw new HttpError(429, 'unavailable', 'Too many data requests; try again later', undefined, {
      'retry-after': String(Math.ceil(reservation.retryAfterMilliseconds / 1000)),
    });
  }
  // A client outside the user's scope is refused clearly (403), before anything is searched.
  if (query.clientId !== undefined) requireClient(user, query.clientId);
  const e164 = toE164(query.callerNumber);
  // The schema already refused every input that is not a public number.
  if (e164 === undefined) throw new HttpError(400, 'validation', 'Not a public phone number');
  const clientIds = query.clientId !== undefined ? [query.clientId] : scopeOf(user);
  return { e164, clientIds };
}

async function auditSearch(
  context: PortalContext,
  user: AuthenticatedUser,
  target: DataRequestTarget,
  action: 'data-request.searched' | 'data-request.exported',
  found: number,
  at: string,
): Promise<void> {
  await appendAudit(context.database, {
    at,
    actorUserId: user.id,
    action,
    clientId: target.clientIds?.length === 1 ? (target.clientIds[0] ?? null) : null,
    targetType: 'data-request',
    targetId: null,
    details: { subject: subjectHash(context.tokenSecret, target.e164), found },
  });
}

/**
 * SQLite keeps the old page images in the write-ahead log until a checkpoint: fold them into
 * the database file (whose freed pages secure_delete zeroed) and truncate the log, so the
 * deleted data is gone from disk, not just from queries.
 */
async function flushDeletedPages(context: PortalContext): Promise<void> {
  if (context.databaseKind !== 'sqlite') return;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(context.database);
}

export const searchDataRequestRoute = defineRoute({
  method: 'POST',
  url: '/data-requests/search',
  summary: 'Everything held about a caller number, as JSON (Art. 15; audited, rate-limited)',
  tag: 'data-requests',
  roles: DATA_REQUEST_ROLES,
  body: DataRequestQuerySchema,
  responses: { 200: DataRequestFindingsSchema, ...REFUSALS },
  async handler({ body, user, context }) {
    const target = targetOf(context, user, body);
    const at = nowIso(context);
    const findings = await searchDataRequest(context.database, context.botContent, target, at);
    await auditSearch(context, user, target, 'data-request.searched', findings.records.length, at);
    return { status: 200, body: findings, headers: NO_STORE };
  },
});

export const reportDataRequestRoute = defineRoute({
  method: 'POST',
  url: '/data-requests/report',
  summary: 'The same as a readable German HTML page (Art. 15; audited, rate-limited)',
  tag: 'data-requests',
  roles: DATA_REQUEST_ROLES,
  body: DataRequestQuerySchema,
  responses: { 200: 'text/html', ...REFUSALS },
  async handler({ body, user, context }) {
    const target = targetOf(context, user, body);
    const at = nowIso(context);
    const findings = await searchDataRequest(context.database, context.botContent, target, at);
    await auditSearch(context, user, target, 'data-request.exported', findings.records.length, at);
    return {
      status: 200,
      body: renderDataRequestReport(findings),
      contentType: 'text/html; charset=utf-8',
      headers: NO_STORE,
    };
  },
});

export const deleteDataRequestRoute = defineRoute({
  method: 'POST',
  url: '/data-requests/deletions',
  summary: 'Delete everything held about a caller number; answers the receipt (Art. 17; audited)',
  tag: 'data-requests',
  roles: DATA_REQUEST_ROLES,
  body: DataRequestDeletionSchema,
  responses: { 201: DataRequestReceiptSchema, ...REFUSALS },
  async handler({ body, user, context }) {
    const target = targetOf(context, user, body);
    const at = nowIso(context);
    const receipt = await deleteDataRequest(context.database, context.botContent, target, {
      userId: user.id,
      subject: subjectHash(context.tokenSecret, target.e164),
      at,
    });
    await flushDeletedPages(context);
    // The desks' local copies (history, drafts, outbox) go next: event now, list for later.
    await announceDeskDeletion(context.database, context.events, receipt.requestId, target, at);
    return { status: 201, body: receipt, headers: NO_STORE };
  },
});

export const listDataRequestReceiptsRoute = defineRoute({
  method: 'GET',
  url: '/data-requests/receipts',
  summary: 'Deletion receipts of data requests, newest first (no personal data)',
  tag: 'data-requests',
  roles: DATA_REQUEST_ROLES,
  query: DataRequestReceiptListQuerySchema,
  responses: { 200: z.array(DataRequestReceiptSchema) },
  async handler({ query, user, context }) {
    const receipts = await listDataRequestReceipts(context.database, {
      scope: scopeOf(user),
      limit: query.limit,
    });
    return { status: 200, body: receipts, headers: NO_STORE };
  },
});

export const getDataRequestReceiptRoute = defineRoute({
  method: 'GET',
  url: '/data-requests/receipts/:requestId',
  summary: 'The receipts of one data request (portal and desks), to show the caller',
  tag: 'data-requests',
  roles: DATA_REQUEST_ROLES,
  params: DataRequestIdParametersSchema,
  responses: { 200: z.array(DataRequestReceiptSchema), 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    const receipts = await listDataRequestReceipts(context.database, {
      scope: scopeOf(user),
      limit: 100,
      requestId: params.requestId,
    });
    if (receipts.length === 0) throw notFound('Data request');
    return { status: 200, body: receipts, headers: NO_STORE };
  },
});

export const DATA_REQUEST_ROUTES = [
  searchDataRequestRoute,
  reportDataRequestRoute,
  deleteDataRequestRoute,
  listDataRequestReceiptsRoute,
  getDataRequestReceiptRoute,
];

/** The billing reports, JSON or CSV: per client, and for calls to lines no client owns. */
import { buildBillingReport, billingReportToCsv } from '../../domain/billingReport';
import {
  buildUnassignedLinesReport,
  unassignedLinesReportToCsv,
} from '../../domain/unassignedLinesReport';
import {
  BillingQuerySchema,
  BillingReportSchema,
  UnassignedLinesQuerySchema,
  UnassignedLinesReportSchema,
} from '../../../shared/portalWire/billingSchemas';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient } from '../routeHelpers';

export const billingReportRoute = defineRoute({
  method: 'GET',
  url: '/reports/billing',
  summary:
    'Calls, talk minutes, wrap-up minutes and outcome counts per client and local day; every call counts',
  tag: 'reports',
  roles: ['supervisor', 'admin'],
  query: BillingQuerySchema,
  responses: { 200: BillingReportSchema, 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    requireClient(user, query.clientId);
    const report = await buildBillingReport(context.database, query);
    if (query.format === 'csv') {
      return {
        status: 200,
        body: billingReportToCsv(report),
        contentType: 'text/csv; charset=utf-8',
        headers: {
          ...NO_STORE,
          'content-disposition': `attachment; filename="billing-${query.from}-${query.to}.csv"`,
        },
      };
    }
    return { status: 200, body: report, headers: NO_STORE };
  },
});

/**
 * Calls to lines no client owns belong to no client's scope; supervisors and admins bill them
 * (e.g. to find a line that should be assigned). The rows name lines, never callers.
 */
export const unassignedLinesReportRoute = defineRoute({
  method: 'GET',
  url: '/reports/unassigned-lines',
  summary: 'Calls to lines that belong to no client, per line and local day; every call counts',
  tag: 'reports',
  roles: ['supervisor', 'admin'],
  query: UnassignedLinesQuerySchema,
  responses: { 200: UnassignedLinesReportSchema, 403: ErrorResponseSchema },
  async handler({ query, context }) {
    const report = await buildUnassignedLinesReport(context.database, query);
    if (query.format === 'csv') {
      return {
        status: 200,
        body: unassignedLinesReportToCsv(report),
        contentType: 'text/csv; charset=utf-8',
        headers: {
          ...NO_STORE,
          'content-disposition': `attachment; filename="unassigned-lines-${query.from}-${query.to}.csv"`,
        },
      };
    }
    return { status: 200, body: report, headers: NO_STORE };
  },
});

export const REPORT_ROUTES = [billingReportRoute, unassignedLinesReportRoute];

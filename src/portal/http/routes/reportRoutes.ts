/** The billing report, JSON or CSV. */
import { buildBillingReport, billingReportToCsv } from '../../domain/billingReport';
import { BillingQuerySchema, BillingReportSchema } from '../../../shared/portalWire/billingSchemas';
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

export const REPORT_ROUTES = [billingReportRoute];

/**
 * Every HTTP route of the portal, in one list. To add a route: declare it with `defineRoute` in
 * `routes/<area>Routes.ts`, add it to that file's list, and add rows to the role matrix test
 * (`portalRoutes.authorization.test.ts`) and the invalid-input cases
 * (`portalRoutes.validationCases.ts`); both fail for any route they do not cover.
 */
import type { AnyRouteDefinition } from './routeDefinition';
import { AUTH_ROUTES } from './routes/authRoutes';
import { BOT_SWITCH_ROUTES } from './routes/botSwitchRoutes';
import { CALL_ROUTES } from './routes/callRoutes';
import { CLIENT_ROUTES } from './routes/clientRoutes';
import { DATA_REQUEST_ROUTES } from './routes/dataRequestRoutes';
import { DESK_DELETION_ROUTES } from './routes/deskDeletionRoutes';
import { NOTE_ROUTES } from './routes/noteRoutes';
import { HYBRID_MACHINE_ROUTES } from './routes/hybridMachineRoutes';
import { OFFER_ROUTES } from './routes/offerRoutes';
import { OPERATIONS_ROUTES } from './routes/operationsRoutes';
import { REPORT_ROUTES } from './routes/reportRoutes';
import { createOpenApiRoute, healthRoute } from './routes/systemRoutes';
import { SUPERVISION_ROUTES } from './routes/supervisionRoutes';
import { USER_ROUTES } from './routes/userRoutes';

const API_ROUTES: readonly AnyRouteDefinition[] = [
  healthRoute,
  ...AUTH_ROUTES,
  ...USER_ROUTES,
  ...CLIENT_ROUTES,
  ...CALL_ROUTES,
  ...NOTE_ROUTES,
  ...REPORT_ROUTES,
  ...OPERATIONS_ROUTES,
  ...BOT_SWITCH_ROUTES,
  ...HYBRID_MACHINE_ROUTES,
  ...OFFER_ROUTES,
  ...SUPERVISION_ROUTES,
  ...DATA_REQUEST_ROUTES,
  ...DESK_DELETION_ROUTES,
];

export const PORTAL_ROUTES: readonly AnyRouteDefinition[] = [
  ...API_ROUTES,
  createOpenApiRoute(API_ROUTES),
];

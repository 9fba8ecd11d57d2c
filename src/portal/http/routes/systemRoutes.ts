/** Health check and the OpenAPI description (both public). */
import { z } from 'zod';
import { defineRoute, type AnyRouteDefinition } from '../routeDefinition';
import { buildOpenApiDocument } from '../openApiDocument';

export const PORTAL_API_VERSION = '1.0.0';

export const healthRoute = defineRoute({
  method: 'GET',
  url: '/health',
  summary: 'Liveness: answers when the portal and its database respond',
  tag: 'system',
  public: true,
  roles: [],
  responses: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
  async handler({ context }) {
    await context.database.selectFrom('clients').select('id').limit(1).execute();
    return { status: 200, body: { status: 'ok', database: context.databaseKind } };
  },
});

/** The OpenAPI route needs the full route list, so it is built from it. */
export function createOpenApiRoute(routes: readonly AnyRouteDefinition[]): AnyRouteDefinition {
  let document: unknown;
  const route: AnyRouteDefinition = defineRoute({
    method: 'GET',
    url: '/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'system',
    public: true,
    roles: [],
    responses: { 200: z.record(z.string(), z.unknown()) },
    async handler() {
      document ??= buildOpenApiDocument([...routes, route], PORTAL_API_VERSION);
      return { status: 200, body: document };
    },
  });
  return route;
}

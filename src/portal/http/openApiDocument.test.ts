import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openApiDocument';
import { PORTAL_ROUTES } from './portalRoutes';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(PORTAL_ROUTES, 'test');

  it('describes every route, with its roles and inputs, as OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of PORTAL_ROUTES) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()] as
        Record<string, unknown> | undefined;
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      if (!route.public) expect(operation?.['x-roles']).toEqual(route.roles);
      if (route.body) expect(operation?.requestBody).toBeDefined();
    }
  });

  it('generates request schemas from the validating zod schemas', () => {
    const notes = document.paths['/notes']?.post as {
      parameters: Array<{ name: string; in: string; required: boolean }>;
      requestBody: {
        content: {
          'application/json': { schema: { required: string[]; additionalProperties: boolean } };
        };
      };
    };
    expect(notes.parameters).toContainEqual(
      expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true }),
    );
    const schema = notes.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['clientId', 'concern', 'outcome']));
    expect(schema.additionalProperties).toBe(false);
    const billing = document.paths['/reports/billing']?.get as {
      parameters: Array<{ name: string }>;
    };
    expect(billing.parameters.map((parameter) => parameter.name)).toEqual([
      'clientId',
      'from',
      'to',
      'format',
      'timeZone',
    ]);
  });

  it('includes the event schema for the WebSocket stream', () => {
    expect(JSON.stringify(document.components.schemas.PortalEvent)).toContain(
      'note.status-changed',
    );
  });
});

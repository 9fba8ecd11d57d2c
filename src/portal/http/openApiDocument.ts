/**
 * The OpenAPI 3.1 description, generated from the route declarations and their zod schemas
 * (the same schemas that validate requests). OpenAPI 3.1 uses JSON Schema 2020-12, which is
 * what `z.toJSONSchema` produces.
 */
import { z } from 'zod';
import type { AnyRouteDefinition } from './routeDefinition';
import { PortalEventSchema } from '../../shared/portalWire/eventSchemas';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query' | 'header') {
  if (!schema) return [];
  const converted = toSchema(schema, 'input');
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: propertySchema,
  }));
}

function responsesOf(route: AnyRouteDefinition): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses)) {
    if (schema === null) responses[status] = { description: 'No content' };
    else if (schema === 'text/csv' || schema === 'text/html') {
      responses[status] = {
        description: schema === 'text/csv' ? 'CSV' : 'HTML page',
        content: { [schema]: { schema: { type: 'string' } } },
      };
    } else {
      responses[status] = {
        description: Number(status) < 300 ? 'Success' : 'Error',
        content: { 'application/json': { schema: toSchema(schema as z.ZodType, 'output') } },
      };
    }
  }
  if (route.body || route.query || route.params || route.headers) {
    responses['400'] ??= { description: 'Validation failed: `error.fieldErrors` names each field' };
  }
  if (!route.public) {
    responses['401'] ??= { description: 'Missing, invalid or expired access token' };
    responses['403'] ??= { description: 'Role not allowed, or client not assigned' };
  }
  return responses;
}

/** Builds the whole document for the given routes. */
export function buildOpenApiDocument(routes: readonly AnyRouteDefinition[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z]+(.)?/g, (_match, next?: string) => (next ?? '').toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parametersOf(route.params, 'path'),
        ...parametersOf(route.query, 'query'),
        ...parametersOf(route.headers, 'header'),
      ],
      responses: responsesOf(route),
      ...(route.public ? { security: [] } : { 'x-roles': route.roles }),
    };
    if (route.body) {
      operation.requestBody = {
        required: !route.body.safeParse(undefined).success,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Empfang central portal',
      version,
      description:
        'System of record for clients, calls, notes and their delivery. Events: WebSocket `/events` (see components.schemas.PortalEvent).',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { PortalEvent: toSchema(PortalEventSchema, 'output') },
    },
    security: [{ bearer: [] }],
  };
}

/**
 * Turns route declarations into Fastify routes. For every request, in this order:
 * 1. authenticate (401), 2. role check (403), 3. validate params, query, headers and body
 * against the zod schemas (400 with field errors; the handler never runs, so nothing is
 * stored), 4. run the handler, which checks client scope itself (403).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticate } from '../auth/sessionService';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import { fieldErrorsFromZod, type FieldError } from '../../shared/rpc/result';
import type { PortalContext } from '../portalContext';
import { forbidden, HttpError, unauthorized, validationFailed } from './httpError';
import type { AnyRouteDefinition } from './routeDefinition';
import { nulCharacterErrors } from './nulCharacters';

/** Reads `Authorization: Bearer <token>`. */
export function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~-]+)$/.exec(header) : null;
  return match?.[1];
}

function validatePart(
  schema: z.ZodType | undefined,
  value: unknown,
  prefix: string,
  errors: FieldError[],
): unknown {
  if (!schema) return undefined;
  const nulErrors = nulCharacterErrors(value, prefix);
  if (nulErrors.length > 0) {
    errors.push(...nulErrors);
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const error of fieldErrorsFromZod(parsed.error)) {
    errors.push({ path: error.path ? `${prefix}.${error.path}` : prefix, message: error.message });
  }
  return undefined;
}

async function handle(
  route: AnyRouteDefinition,
  context: PortalContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  let user: AuthenticatedUser | undefined;
  if (!route.public) {
    const token = bearerTokenOf(request);
    user = token ? await authenticate(context, token) : undefined;
    if (!user) throw unauthorized();
    if (!route.roles.includes(user.role)) throw forbidden();
  }
  const errors: FieldError[] = [];
  const params = validatePart(route.params, request.params, 'params', errors);
  const query = validatePart(route.query, request.query, 'query', errors);
  const headers = validatePart(route.headers, request.headers, 'headers', errors);
  const body = validatePart(route.body, request.body, 'body', errors);
  if (!route.body && request.body !== undefined && request.body !== null) {
    errors.push({ path: 'body', message: 'This route takes no body' });
  }
  if (errors.length > 0) throw validationFailed(errors);
  const answer = await route.handler({
    body,
    params,
    query,
    headers,
    user,
    context,
    request,
    reply,
  });
  reply.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  if (answer.contentType) reply.type(answer.contentType);
  await reply.send(answer.body ?? null);
}

const CLIENT_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Body is not valid JSON',
  413: 'Body is too large',
  415: 'Content type must be application/json',
};

/** Registers the routes and the error handler that gives every error the shared shape. */
export function registerRoutes(
  app: FastifyInstance,
  routes: readonly AnyRouteDefinition[],
  context: PortalContext,
): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
      const fieldErrors = error.fieldErrors ? { fieldErrors: error.fieldErrors } : {};
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, ...fieldErrors } });
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      // Fastify's own client errors: bad JSON (400), body too large (413), not JSON (415).
      const message = CLIENT_ERROR_MESSAGES[statusCode] ?? 'Request rejected';
      return reply.status(statusCode).send({
        error: { code: 'validation', message, fieldErrors: [{ path: 'body', message }] },
      });
    }
    // Log an abstract indicator only: error messages can carry SQL values (personal data).
    request.log.error(
      { route: request.routeOptions.url, errorName: (error as Error)?.name },
      'request failed',
    );
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not-found', message: 'No such route' } }),
  );
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: (request, reply) => handle(route, context, request, reply),
    });
  }
}

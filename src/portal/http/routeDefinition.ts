/**
 * One declaration per route: method, path, who may call it, the zod schemas of its inputs and
 * outputs, and the handler. The same declaration drives request validation, the role check and
 * the OpenAPI description, so they cannot drift apart.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AuthenticatedUser } from '../auth/authenticatedUser';
import type { UserRole } from '../../shared/portalWire/commonSchemas';
import type { PortalContext } from '../portalContext';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler answers; `body` is serialised as JSON unless `contentType` says otherwise. */
export interface RouteAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly contentType?: string;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteInput<Body, Params, Query, Headers, Public extends boolean> {
  readonly body: Infer<Body>;
  readonly params: Infer<Params>;
  readonly query: Infer<Query>;
  readonly headers: Infer<Headers>;
  readonly user: Public extends true ? undefined : AuthenticatedUser;
  readonly context: PortalContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteDefinition<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Headers extends z.ZodType | undefined = z.ZodType | undefined,
  Public extends boolean = boolean,
> {
  readonly method: HttpMethod;
  /** Fastify path syntax, e.g. `/clients/:clientId`. */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  /** `public: true` routes need no token; all others list the roles allowed. */
  readonly public?: Public;
  readonly roles: readonly UserRole[];
  readonly body?: Body;
  readonly params?: Params;
  readonly query?: Query;
  /** Checked against the lower-cased request headers (extra headers are allowed). */
  readonly headers?: Headers;
  /** Response schemas by status, for the OpenAPI description; `text/csv`/`text/html` bodies. */
  readonly responses: Readonly<Record<number, z.ZodType | 'text/csv' | 'text/html' | null>>;
  handler(input: RouteInput<Body, Params, Query, Headers, Public>): Promise<RouteAnswer>;
}

/** Keeps the handler's input types tied to the declared schemas. */
export function defineRoute<
  Body extends z.ZodType | undefined = undefined,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Headers extends z.ZodType | undefined = undefined,
  Public extends boolean = false,
>(
  definition: RouteDefinition<Body, Params, Query, Headers, Public>,
): RouteDefinition<Body, Params, Query, Headers, Public> {
  return definition;
}

/** Any route, for tables of routes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteDefinition = RouteDefinition<any, any, any, any, any>;

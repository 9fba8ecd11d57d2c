/**
 * Routes called by machines, not desks (docs/hybrid.md): the SIP proxy's routing decision and
 * the voicebot's bot API. They authenticate with their own bearer secrets (the routing secret,
 * one token per bot instance), never with a user session, so they are `public` to the user
 * authentication and check their credential first thing.
 */
import type { FastifyRequest } from 'fastify';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  BotCallParametersSchema,
  BotCommandSchema,
  BotCommandsQuerySchema,
  BotEventAcceptedSchema,
  BotEventSchema,
  RoutingDecisionRequestSchema,
  RoutingDecisionSchema,
} from '../../../shared/portalWire/hybridSchemas';
import { getBotCallRow } from '../../hybrid/botCallStore';
import { ingestBotEvent } from '../../hybrid/botEventIngest';
import { botOfToken, secretMatches, type BotInstance } from '../../hybrid/hybridSettings';
import { decideRoute } from '../../hybrid/routingDecision';
import type { PortalContext } from '../../portalContext';
import { conflict, forbidden, HttpError, notFound, unauthorized } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { bearerTokenOf } from '../registerRoutes';
import { NO_STORE } from '../routeHelpers';

/**
 * The proxy's credential: `Bearer <secret>`, or Basic auth with the secret as password (what
 * Kamailio's http_client sends for `http://user:secret@host` connections).
 */
function routingCredentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const basic = typeof header === 'string' ? /^Basic ([A-Za-z0-9+/=]{1,400})$/.exec(header) : null;
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return bearerTokenOf(request);
}

function requireBot(context: PortalContext, request: FastifyRequest): BotInstance {
  const bot = botOfToken(context.hybrid, bearerTokenOf(request));
  if (!bot) throw unauthorized();
  return bot;
}

export const routingDecisionRoute = defineRoute({
  method: 'POST',
  url: '/routing/decisions',
  summary:
    'SIP proxy: where an initial INVITE to a client line or to handover.<token> goes (Authorization: Bearer <routing secret>, or Basic with it as password)',
  tag: 'routing',
  public: true,
  roles: [],
  body: RoutingDecisionRequestSchema,
  responses: { 200: RoutingDecisionSchema, 401: ErrorResponseSchema, 503: ErrorResponseSchema },
  async handler({ body, context, request }) {
    const secret = context.hybrid.routingSecret;
    if (!secret) throw new HttpError(503, 'unavailable', 'Routing is not configured');
    if (!secretMatches(routingCredentialOf(request), secret)) throw unauthorized();
    return { status: 200, body: await decideRoute(context, body), headers: NO_STORE };
  },
});

export const botEventRoute = defineRoute({
  method: 'POST',
  url: '/bot/v1/events',
  summary:
    'Voicebot: report one event of a call (Authorization: Bearer <bot token>); idempotent by eventId',
  tag: 'bot',
  public: true,
  roles: [],
  body: BotEventSchema,
  responses: {
    200: BotEventAcceptedSchema,
    201: BotEventAcceptedSchema,
    401: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ body, context, request }) {
    const bot = requireBot(context, request);
    const result = await ingestBotEvent(context, bot, body);
    switch (result.kind) {
      case 'applied':
        return { status: 201, body: { eventId: body.eventId, status: 'applied' } };
      case 'replayed':
        return {
          status: 200,
          body: { eventId: body.eventId, status: 'applied' },
          headers: { 'idempotent-replayed': 'true' },
        };
      case 'conflict':
        throw conflict('This eventId was used with another body');
      case 'unknown-call':
        throw notFound('Call');
      case 'unknown-line':
        throw notFound('Line');
      case 'out-of-scope':
        throw forbidden();
      case 'call-ended':
        throw conflict('The call has ended');
    }
  },
});

export const botCommandsRoute = defineRoute({
  method: 'GET',
  url: '/bot/v1/calls/:callId/commands',
  summary: 'Voicebot: long poll for the next command of a call (204 when none within wait s)',
  tag: 'bot',
  public: true,
  roles: [],
  params: BotCallParametersSchema,
  query: BotCommandsQuerySchema,
  responses: {
    200: BotCommandSchema,
    204: null,
    401: ErrorResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
  },
  async handler({ params, query, context, request }) {
    const bot = requireBot(context, request);
    const row = await getBotCallRow(context.database, params.callId);
    if (!row) throw notFound('Call');
    if (bot.clientIds !== undefined && !bot.clientIds.includes(row.client_id)) throw forbidden();
    const command = await context.botCommands.next(context, params.callId, query.wait);
    return command ? { status: 200, body: command, headers: NO_STORE } : { status: 204 };
  },
});

export const HYBRID_MACHINE_ROUTES = [routingDecisionRoute, botEventRoute, botCommandsRoute];

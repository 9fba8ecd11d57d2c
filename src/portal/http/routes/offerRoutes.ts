/**
 * Desk routes of the hybrid reception (docs/hybrid.md): the bot-calls board, one bot call's
 * detail, the agent's current offers, accept/decline, and taking a live bot call over. Every
 * route is client-scoped; none answers with a caller's number.
 */
import { z } from 'zod';
import { ALL_ROLES } from '../../auth/authenticatedUser';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  BotCallDetailSchema,
  BotCallListQuerySchema,
  BotCallParametersSchema,
  BotCallSummarySchema,
  OfferAcceptedSchema,
  OfferParametersSchema,
  OfferSchema,
  type Offer,
} from '../../../shared/portalWire/hybridSchemas';
import { getBotCallRow, listLiveBotCallRows, toBotCallDetail } from '../../hybrid/botCallStore';
import type { ClaimResult } from '../../hybrid/offerEngine';
import { conflict, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient, scopeOf } from '../routeHelpers';

function claimAnswer(result: ClaimResult) {
  if (result.kind === 'not-found') throw notFound('Offer');
  if (result.kind === 'already-taken') throw conflict('already-taken');
  return { status: 200, body: result.answer, headers: NO_STORE };
}

export const listBotCallsRoute = defineRoute({
  method: 'GET',
  url: '/bot-calls',
  summary: "Live bot calls of the caller's clients (the bot-calls board), with a transcript peek",
  tag: 'hybrid',
  roles: ALL_ROLES,
  query: BotCallListQuerySchema,
  responses: { 200: z.array(BotCallSummarySchema), 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    if (query.clientId) requireClient(user, query.clientId);
    const rows = await listLiveBotCallRows(
      context.database,
      query.clientId ? [query.clientId] : scopeOf(user),
    );
    const details = await Promise.all(
      rows.map((row) => toBotCallDetail(context.database, context.botContent, row)),
    );
    return {
      status: 200,
      body: details.map(
        ({ transcript: _transcript, collectedFields: _fields, ...summary }) => summary,
      ),
      headers: NO_STORE,
    };
  },
});

export const getBotCallRoute = defineRoute({
  method: 'GET',
  url: '/bot-calls/:callId',
  summary: 'One bot call with its transcript and collected fields',
  tag: 'hybrid',
  roles: ALL_ROLES,
  params: BotCallParametersSchema,
  responses: { 200: BotCallDetailSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    const row = await getBotCallRow(context.database, params.callId);
    if (!row) throw notFound('Bot call');
    requireClient(user, row.client_id);
    return {
      status: 200,
      body: await toBotCallDetail(context.database, context.botContent, row),
      headers: NO_STORE,
    };
  },
});

export const takeOverBotCallRoute = defineRoute({
  method: 'POST',
  url: '/bot-calls/:callId/take-over',
  summary: 'Take a live bot call over before the bot escalates (409 already-taken for the loser)',
  tag: 'hybrid',
  roles: ALL_ROLES,
  params: BotCallParametersSchema,
  responses: {
    200: OfferAcceptedSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ params, user, context }) {
    const row = await getBotCallRow(context.database, params.callId);
    if (!row) throw notFound('Bot call');
    requireClient(user, row.client_id);
    return claimAnswer(await context.offers.takeOver(row, user.id));
  },
});

export const listOffersRoute = defineRoute({
  method: 'GET',
  url: '/offers',
  summary: "The caller's open offers (normally at most one)",
  tag: 'hybrid',
  roles: ALL_ROLES,
  responses: { 200: z.array(OfferSchema) },
  async handler({ user, context }) {
    const rows = await context.database
      .selectFrom('bot_calls')
      .selectAll()
      .where('queue_state', '=', 'offered')
      .where('offered_to', '=', user.id)
      .execute();
    const offers: Offer[] = [];
    for (const row of rows) {
      const detail = await toBotCallDetail(context.database, context.botContent, row);
      offers.push({
        offerId: row.offer_id ?? '',
        callId: row.call_id,
        clientId: row.client_id,
        line: row.line,
        reason: detail.escalation?.reason ?? 'judgement-required',
        urgency: detail.escalation?.urgency ?? 'normal',
        summary: detail.escalation?.summary ?? '',
        collectedFields: detail.collectedFields,
        consentGiven: detail.consentGiven,
        disclosurePlayed: detail.disclosurePlayed,
        transcript: detail.transcript,
        offeredAt: row.updated_at,
        expiresAt: row.offer_expires_at ?? '',
      });
    }
    return { status: 200, body: offers, headers: NO_STORE };
  },
});

export const acceptOfferRoute = defineRoute({
  method: 'POST',
  url: '/offers/:offerId/accept',
  summary: 'Accept an offer: exactly one agent wins; the answer carries the handover token',
  tag: 'hybrid',
  roles: ALL_ROLES,
  params: OfferParametersSchema,
  responses: { 200: OfferAcceptedSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema },
  async handler({ params, user, context }) {
    return claimAnswer(await context.offers.accept(params.offerId, user.id));
  },
});

export const declineOfferRoute = defineRoute({
  method: 'POST',
  url: '/offers/:offerId/decline',
  summary: 'Decline an offer: the call goes to the next available agent',
  tag: 'hybrid',
  roles: ALL_ROLES,
  params: OfferParametersSchema,
  responses: { 204: null, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    if (!(await context.offers.decline(params.offerId, user.id))) throw notFound('Offer');
    return { status: 204 };
  },
});

export const OFFER_ROUTES = [
  listBotCallsRoute,
  getBotCallRoute,
  takeOverBotCallRoute,
  listOffersRoute,
  acceptOfferRoute,
  declineOfferRoute,
];

/** Client companies: list, profile, lookup by dialled line, and saving (admins). */
import { z } from 'zod';
import { allowedAiProviders } from '../../../shared/domain/aiProviderPolicy';
import { ClientProfileSchema, type ClientProfile } from '../../../shared/domain/clientProfile';
import { ALL_ROLES } from '../../auth/authenticatedUser';
import { appendAudit } from '../../domain/auditLog';
import { getClient, listClients, saveClient } from '../../domain/clientStore';
import {
  ClientIdParametersSchema,
  ErrorResponseSchema,
} from '../../../shared/portalWire/commonSchemas';
import { LineParametersSchema } from '../../../shared/portalWire/operationsSchemas';
import { nowIso, type PortalContext } from '../../portalContext';
import { conflict, HttpError, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { findVisibleClientIdByLine, NO_STORE, requireClient, scopeOf } from '../routeHelpers';

const ClientSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  lines: z.array(z.string()),
});

export const listClientsRoute = defineRoute({
  method: 'GET',
  url: '/clients',
  summary: 'Clients the user is assigned to (all for admins)',
  tag: 'clients',
  roles: ALL_ROLES,
  responses: { 200: z.array(ClientSummarySchema) },
  async handler({ user, context }) {
    return {
      status: 200,
      body: await listClients(context.database, scopeOf(user)),
      headers: NO_STORE,
    };
  },
});

export const getClientRoute = defineRoute({
  method: 'GET',
  url: '/clients/:clientId',
  summary: 'The full client profile for the client card',
  tag: 'clients',
  roles: ALL_ROLES,
  params: ClientIdParametersSchema,
  responses: { 200: ClientProfileSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    requireClient(user, params.clientId);
    const profile = await getClient(context.database, params.clientId);
    if (!profile) throw notFound('Client');
    return { status: 200, body: profile, headers: NO_STORE };
  },
});

/** Which AI providers receive a client's call data is a privacy decision: audited (issue 13). */
async function auditAiProviderChange(
  context: PortalContext,
  userId: string,
  before: ClientProfile | undefined,
  after: ClientProfile,
  at: string,
): Promise<void> {
  const listed = (profile: ClientProfile | undefined) => {
    if (!profile) return undefined;
    const allowed = allowedAiProviders(profile);
    return { transcription: allowed.transcription.join(','), model: allowed.model.join(',') };
  };
  const previous = listed(before);
  const next = listed(after);
  if (next === undefined || JSON.stringify(previous) === JSON.stringify(next)) return;
  await appendAudit(context.database, {
    at,
    actorUserId: userId,
    action: 'client.ai-providers-changed',
    clientId: after.id,
    targetType: 'client',
    targetId: after.id,
    details: {
      transcription: next.transcription,
      model: next.model,
      previousTranscription: previous?.transcription ?? null,
      previousModel: previous?.model ?? null,
    },
  });
}

export const saveClientRoute = defineRoute({
  method: 'PUT',
  url: '/clients/:clientId',
  summary: 'Create or replace a client profile (lines must not belong to another client)',
  tag: 'clients',
  roles: ['admin'],
  params: ClientIdParametersSchema,
  body: ClientProfileSchema,
  responses: { 200: ClientProfileSchema, 201: ClientProfileSchema, 409: ErrorResponseSchema },
  async handler({ params, body, user, context }) {
    if (body.id !== params.clientId) {
      throw new HttpError(400, 'validation', 'Request is invalid', [
        { path: 'body.id', message: 'Must equal the client ID in the path' },
      ]);
    }
    const at = nowIso(context);
    const before = await getClient(context.database, body.id);
    const result = await saveClient(context.database, body, at);
    if (result.kind === 'line-taken') throw conflict('A line belongs to another client');
    await appendAudit(context.database, {
      at,
      actorUserId: user.id,
      action: 'client.saved',
      clientId: body.id,
      targetType: 'client',
      targetId: body.id,
      details: {
        created: result.created,
        lines: body.lines.length,
        approvedTexts: body.approvedTexts.length,
      },
    });
    await auditAiProviderChange(context, user.id, before, body, at);
    return { status: result.created ? 201 : 200, body };
  },
});

export const lookupLineRoute = defineRoute({
  method: 'GET',
  url: '/lines/:line/client',
  summary:
    'The client profile for a dialled line (E.164); 404 for an unknown line or one of a client the caller may not see',
  tag: 'clients',
  roles: ALL_ROLES,
  params: LineParametersSchema,
  responses: { 200: ClientProfileSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    const clientId = await findVisibleClientIdByLine(context, user, params.line);
    const profile = await getClient(context.database, clientId);
    if (!profile) throw notFound('Client');
    return { status: 200, body: profile, headers: NO_STORE };
  },
});

export const CLIENT_ROUTES = [listClientsRoute, getClientRoute, saveClientRoute, lookupLineRoute];

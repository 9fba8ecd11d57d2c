/** Call notes: submit exactly once per `Idempotency-Key`, read, and follow their delivery. */
import { z } from 'zod';
import { ALL_ROLES, type AuthenticatedUser } from '../../auth/authenticatedUser';
import { appendAudit } from '../../domain/auditLog';
import {
  listDeliveries,
  refreshNoteStatus,
  retryFailedDeliveries,
} from '../../domain/deliveryStore';
import { getNote, listNotes, submitNote } from '../../domain/noteStore';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import {
  IdempotencyKeySchema,
  NoteDeliveriesResponseSchema,
  NoteIdParametersSchema,
  NoteListQuerySchema,
  NoteSchema,
  NoteSubmissionSchema,
} from '../../../shared/portalWire/noteSchemas';
import { nowIso, type PortalContext } from '../../portalContext';
import { publishNoteStatus } from '../../events/noteEvents';
import { conflict, HttpError, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE, requireClient } from '../routeHelpers';

const IdempotencyHeadersSchema = z.object({ 'idempotency-key': IdempotencyKeySchema });

async function loadScopedNote(context: PortalContext, user: AuthenticatedUser, noteId: string) {
  const note = await getNote(context.database, noteId);
  if (!note) throw notFound('Note');
  requireClient(user, note.clientId);
  return note;
}

export const submitNoteRoute = defineRoute({
  method: 'POST',
  url: '/notes',
  summary:
    'Submit a call note. The same Idempotency-Key returns the stored note (200, Idempotent-Replayed: true) instead of a duplicate',
  tag: 'notes',
  roles: ALL_ROLES,
  headers: IdempotencyHeadersSchema,
  body: NoteSubmissionSchema,
  responses: {
    201: NoteSchema,
    200: NoteSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
    409: ErrorResponseSchema,
  },
  async handler({ body, headers, user, context }) {
    requireClient(user, body.clientId);
    const result = await submitNote(
      context.database,
      body,
      headers['idempotency-key'],
      user.id,
      nowIso(context),
    );
    if (result.kind === 'unknown-client') throw notFound('Client');
    if (result.kind === 'conflict') throw conflict('Idempotency-Key was used for a different note');
    if (result.kind === 'call-of-other-client') {
      throw new HttpError(400, 'validation', 'Request is invalid', [
        { path: 'body.callId', message: 'Call belongs to another client' },
      ]);
    }
    if (result.kind === 'replayed') {
      return { status: 200, body: result.note, headers: { 'idempotent-replayed': 'true' } };
    }
    publishNoteStatus(context, result.note);
    context.nudgeDelivery();
    return { status: 201, body: result.note };
  },
});

export const listNotesRoute = defineRoute({
  method: 'GET',
  url: '/notes',
  summary: 'Notes of a client, newest first',
  tag: 'notes',
  roles: ALL_ROLES,
  query: NoteListQuerySchema,
  responses: { 200: z.array(NoteSchema), 403: ErrorResponseSchema },
  async handler({ query, user, context }) {
    requireClient(user, query.clientId);
    return { status: 200, body: await listNotes(context.database, query), headers: NO_STORE };
  },
});

export const getNoteRoute = defineRoute({
  method: 'GET',
  url: '/notes/:noteId',
  summary: 'One note',
  tag: 'notes',
  roles: ALL_ROLES,
  params: NoteIdParametersSchema,
  responses: { 200: NoteSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema },
  async handler({ params, user, context }) {
    return {
      status: 200,
      body: await loadScopedNote(context, user, params.noteId),
      headers: NO_STORE,
    };
  },
});

export const noteDeliveriesRoute = defineRoute({
  method: 'GET',
  url: '/notes/:noteId/deliveries',
  summary: 'Delivery status of a note per channel (attempts, next attempt, abstract last error)',
  tag: 'notes',
  roles: ALL_ROLES,
  params: NoteIdParametersSchema,
  responses: {
    200: NoteDeliveriesResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
  },
  async handler({ params, user, context }) {
    const note = await loadScopedNote(context, user, params.noteId);
    const deliveries = await listDeliveries(context.database, note.id);
    return {
      status: 200,
      body: { noteId: note.id, status: note.status, deliveries },
      headers: NO_STORE,
    };
  },
});

export const retryDeliveriesRoute = defineRoute({
  method: 'POST',
  url: '/notes/:noteId/deliveries/retry',
  summary: 'Put failed deliveries of a note back in the queue (dead letter → pending)',
  tag: 'notes',
  roles: ['supervisor', 'admin'],
  params: NoteIdParametersSchema,
  responses: {
    200: NoteDeliveriesResponseSchema,
    403: ErrorResponseSchema,
    404: ErrorResponseSchema,
  },
  async handler({ params, user, context }) {
    const note = await loadScopedNote(context, user, params.noteId);
    const at = nowIso(context);
    const retried = await retryFailedDeliveries(context.database, note.id, at);
    if (retried > 0) {
      await appendAudit(context.database, {
        at,
        actorUserId: user.id,
        action: 'delivery.retried',
        clientId: note.clientId,
        targetType: 'note',
        targetId: note.id,
        details: { deliveries: retried },
      });
      const status = await refreshNoteStatus(context.database, note.id, at);
      if (status) publishNoteStatus(context, { ...note, status });
      context.nudgeDelivery();
    }
    const current = (await getNote(context.database, note.id)) ?? note;
    const deliveries = await listDeliveries(context.database, note.id);
    return { status: 200, body: { noteId: note.id, status: current.status, deliveries } };
  },
});

export const NOTE_ROUTES = [
  submitNoteRoute,
  listNotesRoute,
  getNoteRoute,
  noteDeliveriesRoute,
  retryDeliveriesRoute,
];

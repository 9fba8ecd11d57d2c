/**
 * The portal routes the desk uses, on top of an authenticated session. Answers are mapped onto
 * the contract's shapes; failures become ServiceErrors with abstract messages (a portal message
 * could echo personal data, so none is passed on).
 */
import {
  ClientSummarySchema,
  NoteDeliveryStatusSchema,
  PortalCallSchema,
  PortalNoteSchema,
  type CallRecord,
  type ClientLookup,
  type ClientSummary,
  type NoteDeliveryStatus,
  type PortalCall,
  type PortalNote,
  type PresenceState,
  type RecentActivity,
} from '../../../shared/contract/services/portalService';
import { ClientProfileSchema, type ClientProfile } from '../../../shared/domain/clientProfile';
import { ServiceError } from '../../../shared/rpc/result';
import { NotLoggedInError, type PortalAuth } from './portalAuth';
import {
  PortalUnreachableError,
  type PortalRequest,
  type PortalResponse,
} from './portalHttpClient';
import { z } from 'zod';

/** Recent activity is read per client; more clients than this are not scanned. */
const MAXIMUM_CLIENTS_FOR_RECENT = 30;

/** Runs a request and turns "no answer" and "no session" into ServiceErrors. */
export async function send(
  auth: Pick<PortalAuth, 'request'>,
  request: Omit<PortalRequest, 'accessToken'>,
): Promise<PortalResponse> {
  try {
    return await auth.request(request);
  } catch (error) {
    if (error instanceof PortalUnreachableError) {
      throw new ServiceError('unavailable', 'The portal cannot be reached');
    }
    if (error instanceof NotLoggedInError) {
      throw new ServiceError('unauthorized', 'Not logged in to the portal');
    }
    throw error;
  }
}

/** A ServiceError for a status the caller did not expect. */
export function unexpected(response: PortalResponse): ServiceError {
  if (response.status === 401)
    return new ServiceError('unauthorized', 'Not logged in to the portal');
  if (response.status === 403) return new ServiceError('forbidden', 'Not allowed for this user');
  if (response.status === 404) return new ServiceError('not-found', 'Not found at the portal');
  if (response.status === 409) return new ServiceError('conflict', 'The portal refused a conflict');
  if (response.status === 400) return new ServiceError('validation', 'The portal refused the data');
  if (response.status === 429 || response.status >= 500) {
    return new ServiceError('unavailable', 'The portal is busy or failing');
  }
  return new ServiceError('internal', 'Unexpected answer from the portal');
}

function parse<T>(schema: z.ZodType<T>, response: PortalResponse): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new ServiceError('internal', 'The portal answered with invalid data');
  return parsed.data;
}

export async function clientByLine(auth: PortalAuth, line: string): Promise<ClientLookup> {
  const response = await send(auth, {
    method: 'GET',
    path: `/lines/${encodeURIComponent(line)}/client`,
  });
  if (response.status === 200)
    return { kind: 'found', profile: parse(ClientProfileSchema, response) };
  if (response.status === 404) return { kind: 'unknown-line', line };
  if (response.status === 403) return { kind: 'not-assigned', line };
  throw unexpected(response);
}

export async function clientById(auth: PortalAuth, clientId: string): Promise<ClientProfile> {
  const response = await send(auth, {
    method: 'GET',
    path: `/clients/${encodeURIComponent(clientId)}`,
  });
  if (response.status !== 200) throw unexpected(response);
  return parse(ClientProfileSchema, response);
}

export async function listClients(auth: PortalAuth): Promise<ClientSummary[]> {
  const response = await send(auth, { method: 'GET', path: '/clients' });
  if (response.status !== 200) throw unexpected(response);
  return parse(z.array(ClientSummarySchema), response);
}

/**
 * Writes a call to the call log: create (idempotent on the desk's ID), and if it existed, update
 * the fields the desk knows by now. Only known (non-null) values are sent, so a late update can
 * never erase a time that was already logged.
 */
export async function recordCall(
  auth: PortalAuth,
  call: CallRecord,
  agentId: string,
): Promise<PortalCall> {
  const known = {
    ...(call.answerAt ? { answerAt: call.answerAt, agentId } : {}),
    ...(call.endAt ? { endAt: call.endAt } : {}),
    ...(call.outcome ? { outcome: call.outcome } : {}),
    ...(call.wrapUpSeconds > 0 ? { wrapUpSeconds: call.wrapUpSeconds } : {}),
  };
  const created = await send(auth, {
    method: 'POST',
    path: '/calls',
    body: {
      id: call.id,
      clientId: call.clientId,
      line: call.line,
      callerNumber: call.callerNumber,
      ringAt: call.ringAt,
      ...known,
    },
  });
  if (created.status === 201) return parse(PortalCallSchema, created);
  if (created.status !== 200) throw unexpected(created);
  if (Object.keys(known).length === 0) return parse(PortalCallSchema, created);
  const updated = await send(auth, {
    method: 'PATCH',
    path: `/calls/${encodeURIComponent(call.id)}`,
    body: known,
  });
  if (updated.status !== 200) throw unexpected(updated);
  return parse(PortalCallSchema, updated);
}

export async function setPresence(
  auth: PortalAuth,
  state: PresenceState,
  reason?: string,
): Promise<null> {
  // A reason only goes with "break" (not ready); the portal's schema allows it there.
  const body = state === 'break' && reason ? { state, reason } : { state };
  const response = await send(auth, { method: 'PUT', path: '/presence', body });
  if (response.status !== 204) throw unexpected(response);
  return null;
}

export async function noteDeliveries(
  auth: PortalAuth,
  noteId: string,
): Promise<NoteDeliveryStatus> {
  const response = await send(auth, {
    method: 'GET',
    path: `/notes/${encodeURIComponent(noteId)}/deliveries`,
  });
  if (response.status !== 200) throw unexpected(response);
  return parse(NoteDeliveryStatusSchema, response);
}

/** The newest calls and notes across the user's clients, newest first. */
export async function listRecent(auth: PortalAuth, limit: number): Promise<RecentActivity> {
  const clients = (await listClients(auth)).slice(0, MAXIMUM_CLIENTS_FOR_RECENT);
  const calls: PortalCall[] = [];
  const notes: PortalNote[] = [];
  for (const client of clients) {
    const query = `clientId=${encodeURIComponent(client.id)}&limit=${limit}`;
    const [callAnswer, noteAnswer] = await Promise.all([
      send(auth, { method: 'GET', path: `/calls?${query}` }),
      send(auth, { method: 'GET', path: `/notes?${query}` }),
    ]);
    if (callAnswer.status !== 200) throw unexpected(callAnswer);
    if (noteAnswer.status !== 200) throw unexpected(noteAnswer);
    calls.push(...parse(z.array(PortalCallSchema), callAnswer));
    notes.push(...parse(z.array(PortalNoteSchema), noteAnswer));
  }
  calls.sort((left, right) => right.ringAt.localeCompare(left.ringAt));
  notes.sort((left, right) => right.createdAt.localeCompare(left.createdAt));
  return { calls: calls.slice(0, limit), notes: notes.slice(0, limit) };
}

/**
 * One send attempt of a note from the desk's outbox: first the call's final log entry (create or
 * update, idempotent on the call ID), then `POST /notes` with the outbox's Idempotency-Key.
 *
 * The answer is classified for the outbox, as data:
 * - accepted: 201 (stored now) or 200 (stored before: a retry after a lost response);
 * - retry, not counted: no answer, no session, 429/503 (the portal said "later", with
 *   Retry-After) — waiting is not the note's fault and must never dead-letter it;
 * - retry, counted: other 5xx;
 * - rejected: 400/403/404/409 — sending again cannot help; the note becomes visible as failed.
 *
 * A call-log failure never holds the note back: the note is what the client waits for.
 */
import type {
  SubmitNoteRequest,
  SubmitNoteResult,
} from '../../../shared/contract/services/portalService';
import { NotLoggedInError, type PortalAuth } from './portalAuth';
import { recordCall } from './portalApi';
import {
  errorCodeOf,
  fieldPathsOf,
  PortalUnreachableError,
  type PortalResponse,
} from './portalHttpClient';
import { ServiceError } from '../../../shared/rpc/result';

const NOT_COUNTED_STATUSES = new Set([401, 408, 429, 503]);

export function classifyNoteAnswer(response: PortalResponse): SubmitNoteResult {
  const body = response.body as { id?: unknown; status?: unknown } | null;
  if ((response.status === 201 || response.status === 200) && typeof body?.id === 'string') {
    return {
      kind: 'accepted',
      noteId: body.id,
      status: typeof body.status === 'string' ? body.status : 'received',
    };
  }
  if (response.status >= 500 || NOT_COUNTED_STATUSES.has(response.status)) {
    return {
      kind: 'retry',
      code: errorCodeOf(response),
      httpStatus: response.status,
      ...(response.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: response.retryAfterSeconds }
        : {}),
      countsTowardLimit: !NOT_COUNTED_STATUSES.has(response.status),
    };
  }
  const fieldPaths = fieldPathsOf(response);
  return {
    kind: 'rejected',
    code: errorCodeOf(response),
    httpStatus: response.status,
    ...(fieldPaths.length > 0 ? { fieldPaths } : {}),
  };
}

/** The retry answer for a request that never reached the portal; rethrows anything else. */
export function notSent(error: unknown): {
  kind: 'retry';
  code: 'unreachable' | 'not-logged-in';
  countsTowardLimit: false;
} {
  if (error instanceof PortalUnreachableError) {
    return { kind: 'retry', code: 'unreachable', countsTowardLimit: false };
  }
  if (error instanceof NotLoggedInError) {
    return { kind: 'retry', code: 'not-logged-in', countsTowardLimit: false };
  }
  throw error;
}

export async function submitNote(
  auth: PortalAuth,
  request: SubmitNoteRequest,
): Promise<SubmitNoteResult> {
  const user = auth.user;
  if (!user) return { kind: 'retry', code: 'not-logged-in', countsTowardLimit: false };
  if (request.call) {
    try {
      await recordCall(auth, request.call, user.id);
    } catch (error) {
      if (error instanceof PortalUnreachableError || error instanceof NotLoggedInError) {
        return notSent(error);
      }
      if (error instanceof ServiceError && error.code === 'unavailable') {
        return { kind: 'retry', code: 'call-log-unavailable', countsTowardLimit: false };
      }
      if (error instanceof ServiceError && error.code === 'unauthorized') {
        return { kind: 'retry', code: 'not-logged-in', countsTowardLimit: false };
      }
      // A refused call log (e.g. the call belongs to someone else now) must not block the note.
    }
  }
  try {
    const response = await auth.request({
      method: 'POST',
      path: '/notes',
      headers: { 'idempotency-key': request.idempotencyKey },
      body: { ...request.note, callId: request.note.callId },
    });
    return classifyNoteAnswer(response);
  } catch (error) {
    return notSent(error);
  }
}

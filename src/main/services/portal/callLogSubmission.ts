/**
 * One send attempt of a call's final log entry from the desk's durable call-log queue (calls
 * that end without a note). Failures are classified as data, exactly as for notes
 * (`classifyNoteAnswer`): accepted (201/200), retry (no answer, no session, 429/5xx), rejected
 * (400/403/404/409: sending again cannot help).
 *
 * - With a client ID (a client the agent is assigned to): `POST /calls`, and if the call was
 *   logged before (live updates), `PATCH` the facts known by now. If the portal refuses the
 *   client (403/404, e.g. the assignment ended meanwhile) the call still goes by its line. If
 *   the `PATCH` is refused (403: another agent took the call over) the call counts as logged.
 * - Without one (unknown line, not assigned): `POST /line-calls`; the portal resolves the client
 *   or logs an unassigned-line call. A resend of the same entry gets the same answer; other
 *   facts for a call the agent may not change are a conflict (409, rejected).
 * Every request is idempotent on the call ID, so a retry after a lost answer never bills twice.
 */
import type {
  CallLogEntry,
  SubmitCallResult,
} from '../../../shared/contract/services/portalService';
import type { PortalAuth } from './portalAuth';
import { classifyNoteAnswer, notSent } from './noteSubmission';
import type { PortalRequest } from './portalHttpClient';

type CallLogAuth = Pick<PortalAuth, 'user' | 'request'>;

async function attempt(
  auth: CallLogAuth,
  request: Omit<PortalRequest, 'accessToken'>,
): Promise<SubmitCallResult> {
  try {
    const result = classifyNoteAnswer(await auth.request(request));
    return result.kind === 'accepted' ? { kind: 'accepted', callId: result.noteId } : result;
  } catch (error) {
    return notSent(error);
  }
}

/** Sends one call log entry; never throws for portal or network failures (see file comment). */
export async function submitCall(
  auth: CallLogAuth,
  entry: CallLogEntry,
): Promise<SubmitCallResult> {
  const user = auth.user;
  if (!user) return { kind: 'retry', code: 'not-logged-in', countsTowardLimit: false };
  const known = {
    ...(entry.answerAt ? { answerAt: entry.answerAt, agentId: user.id } : {}),
    ...(entry.endAt ? { endAt: entry.endAt } : {}),
    ...(entry.outcome ? { outcome: entry.outcome } : {}),
    ...(entry.wrapUpSeconds > 0 ? { wrapUpSeconds: entry.wrapUpSeconds } : {}),
  };
  const ring = {
    id: entry.id,
    line: entry.line,
    callerNumber: entry.callerNumber,
    ringAt: entry.ringAt,
  };
  if (entry.clientId) {
    const created = await attempt(auth, {
      method: 'POST',
      path: '/calls',
      body: { ...ring, clientId: entry.clientId, ...known },
    });
    const refused =
      created.kind === 'rejected' && (created.httpStatus === 403 || created.httpStatus === 404);
    if (!refused) {
      // 201 stored it whole; 200 means the live updates logged it before: add what is known now.
      if (created.kind !== 'accepted' || Object.keys(known).length === 0) return created;
      const patched = await attempt(auth, {
        method: 'PATCH',
        path: `/calls/${encodeURIComponent(entry.id)}`,
        body: known,
      });
      // 403: another agent took the call over. It is logged; its facts are the new agent's
      // (the portal lets nobody else change them, also not through the line route).
      if (patched.kind === 'rejected' && patched.httpStatus === 403) {
        return { kind: 'accepted', callId: entry.id };
      }
      return patched;
    }
  }
  return attempt(auth, { method: 'POST', path: '/line-calls', body: { ...ring, ...known } });
}

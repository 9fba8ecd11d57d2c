/**
 * Maps a host answer of `portal.submitNote` / `portal.submitCall` (a Result around the host's
 * classified accepted / retry / rejected) onto the outbox engine's {@link SendResult}, so the
 * note outbox and the call-log queue classify failures the same way.
 */
import type { Result } from '../../../shared/rpc/result';
import type { SendResult } from '../../../shared/sync/outboxTypes';

type ClassifiedAnswer =
  | { kind: 'accepted' }
  | {
      kind: 'retry';
      code: string;
      httpStatus?: number;
      retryAfterSeconds?: number;
      countsTowardLimit: boolean;
    }
  | { kind: 'rejected'; code: string; httpStatus?: number };

export function sendResultOf<Answer extends ClassifiedAnswer>(
  result: Result<Answer>,
  accepted: (answer: Extract<Answer, { kind: 'accepted' }>) => SendResult,
): SendResult {
  if (!result.ok) {
    const code = `host-${result.error.code}`;
    if (result.error.code === 'validation') return { kind: 'rejected', code };
    // The host did not answer (reload, host restart): not the entry's fault, unless it broke.
    return { kind: 'retry', code, countsTowardLimit: result.error.code === 'internal' };
  }
  const answer = result.value;
  if (answer.kind === 'accepted') return accepted(answer as Extract<Answer, { kind: 'accepted' }>);
  const httpStatus = answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {};
  if (answer.kind === 'retry') {
    return {
      kind: 'retry',
      code: answer.code,
      ...httpStatus,
      ...(answer.retryAfterSeconds !== undefined
        ? { retryAfterMilliseconds: answer.retryAfterSeconds * 1000 }
        : {}),
      countsTowardLimit: answer.countsTowardLimit,
    };
  }
  return { kind: 'rejected', code: answer.code, ...httpStatus };
}

/**
 * Sends one call-log queue entry through the host (`portal.submitCall`) and maps the classified
 * answer onto the outbox engine's {@link SendResult}. An entry waits (not counting toward the
 * dead letter) while another user is logged in: it must be logged in its agent's name.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { OutboxSender, SendResult } from '../../../shared/sync/outboxTypes';
import type { CallLogPayload } from './callLogPayload';

export function createHostCallLogSender(
  client: Pick<AppClient, 'portal'>,
  currentUserId: () => string | null,
): OutboxSender<CallLogPayload> {
  return {
    async send({ payload }): Promise<SendResult> {
      if (currentUserId() !== payload.agentUserId) {
        return { kind: 'retry', code: 'waiting-for-agent', countsTowardLimit: false };
      }
      const result = await client.portal.submitCall(payload.entry);
      if (!result.ok) {
        const code = `host-${result.error.code}`;
        if (result.error.code === 'validation') return { kind: 'rejected', code };
        return { kind: 'retry', code, countsTowardLimit: result.error.code === 'internal' };
      }
      const answer = result.value;
      if (answer.kind === 'accepted') return { kind: 'accepted', remoteId: answer.callId };
      if (answer.kind === 'retry') {
        return {
          kind: 'retry',
          code: answer.code,
          ...(answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {}),
          ...(answer.retryAfterSeconds !== undefined
            ? { retryAfterMilliseconds: answer.retryAfterSeconds * 1000 }
            : {}),
          countsTowardLimit: answer.countsTowardLimit,
        };
      }
      return {
        kind: 'rejected',
        code: answer.code,
        ...(answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {}),
      };
    },
  };
}

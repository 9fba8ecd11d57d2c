/**
 * Sends one call-log queue entry through the host (`portal.submitCall`) and maps the classified
 * answer onto the outbox engine's {@link SendResult}. An entry waits (not counting toward the
 * dead letter) while another user is logged in: it must be logged in its agent's name.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { OutboxSender, SendResult } from '../../../shared/sync/outboxTypes';
import { sendResultOf } from './hostSendResult';
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
      return sendResultOf(result, (answer) => ({ kind: 'accepted', remoteId: answer.callId }));
    },
  };
}

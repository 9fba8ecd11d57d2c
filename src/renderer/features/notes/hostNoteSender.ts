/**
 * Sends one outbox entry through the host (`portal.submitNote`) and classifies the answer for
 * the outbox engine. A note waits (without counting toward the dead letter) while its author is
 * not the logged-in user: the portal would refuse another user's idempotency key, and a note
 * must never be sent under someone else's name.
 */
import type { AppClient } from '../../../shared/contract/appContract';
import type { OutboxSender, SendResult } from '../../../shared/sync/outboxTypes';
import { sendResultOf } from './hostSendResult';
import type { NotePayload } from './noteFields';

export function createHostNoteSender(
  client: Pick<AppClient, 'portal'>,
  currentUserId: () => string | null,
): OutboxSender<NotePayload> {
  return {
    async send({ idempotencyKey, payload }): Promise<SendResult> {
      if (currentUserId() !== payload.authorUserId) {
        return { kind: 'retry', code: 'waiting-for-author', countsTowardLimit: false };
      }
      if (!payload.submission) return { kind: 'rejected', code: 'not-submitted' };
      const result = await client.portal.submitNote({
        idempotencyKey,
        note: payload.submission,
        call: payload.call,
      });
      return sendResultOf(result, (answer) => ({
        kind: 'accepted',
        remoteId: answer.noteId,
        remoteStatus: answer.status,
      }));
    },
  };
}

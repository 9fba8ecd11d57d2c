/**
 * Retention of notes: every persisted change of an outbox entry records (or updates) the note's
 * deadline from its client's policy. For a delete-after-sync client the call's history entry
 * follows the note: while the note is not committed the entry waits (up to the 30-day ceiling,
 * instead of the 15 minutes of a call without a note); once it is, the entry goes with it.
 */
import type { OutboxEntry } from '../../../shared/sync/outboxTypes';
import { historyRecordId } from '../history/callHistoryRepository';
import type { NotePayload } from '../notes/noteFields';
import type { ClientRetentionDirectory } from './clientRetentionDirectory';
import { noteDeadline, RETENTION_CEILING_MILLISECONDS } from './retentionPolicy';
import type { RetentionSchedule } from './retentionSchedule';

const COMMITTED = new Set(['sent', 'delivered']);

export class NoteRetention {
  constructor(
    private readonly directory: Pick<ClientRetentionDirectory, 'forClient'>,
    private readonly schedule: RetentionSchedule,
  ) {}

  /**
   * Records the note's deadline. Without the client's policy (portal unreachable) nothing is
   * recorded now; the next change or the next start tries again — an unsent note is kept anyway.
   */
  async noteChanged(entry: OutboxEntry<NotePayload>): Promise<void> {
    const clientId = entry.payload.context.clientId;
    const client = await this.directory.forClient(clientId);
    if (!client) return;
    const committed = COMMITTED.has(entry.status);
    const sentAt = committed ? (entry.sentAt ?? entry.updatedAt) : null;
    const endedAt = entry.payload.context.endAt ?? entry.createdAt;
    const deadline = noteDeadline(client.policy, endedAt, sentAt);
    const callId = entry.payload.context.callId;
    await this.schedule.schedule({
      ...(callId ? { callId } : {}),
      recordId: entry.id,
      recordType: 'note',
      clientId,
      deleteAt: deadline.deleteAt,
      reason: deadline.reason,
    });
    if (callId && client.policy.mode === 'delete-after-sync') {
      const recordId = historyRecordId(callId);
      if (committed) await this.schedule.bringForward(recordId, sentAt!, 'after-sync');
      else {
        await this.schedule.postpone(recordId, entry.createdAt + RETENTION_CEILING_MILLISECONDS);
      }
    }
  }
}

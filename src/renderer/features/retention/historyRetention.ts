/**
 * Retention of the call history: decides per finished call, from the dialled client line,
 * whether its entry may be written to disk and until when, and records the deadline.
 */
import type { ClientRetentionDirectory } from './clientRetentionDirectory';
import {
  historyDecision,
  RETENTION_CEILING_MILLISECONDS,
  type HistoryDecision,
} from './retentionPolicy';
import type { RetentionSchedule } from './retentionSchedule';

export class HistoryRetention {
  constructor(
    private readonly directory: Pick<ClientRetentionDirectory, 'forLine'>,
    private readonly schedule: RetentionSchedule,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The decision for call `callId` that just ended on `clientLine`. When the client's policy
   * cannot be known (portal unreachable), the entry stays in memory only: it might be a RAM-only
   * client. For delete-after-sync, a note already written for the call decides: unsent, the
   * entry waits for it (30-day ceiling); sent, the entry goes now.
   */
  async decide(clientLine: string | undefined, callId: string): Promise<HistoryDecision> {
    const lookup = await this.directory.forLine(clientLine);
    const endedAt = this.now();
    if (lookup.kind === 'unavailable') return { persist: false };
    const decision = historyDecision(lookup.kind === 'client' ? lookup.client : null, endedAt);
    if (!decision.persist || lookup.kind !== 'client') return decision;
    if (lookup.client.policy.mode !== 'delete-after-sync') return decision;
    const notes = await this.schedule.notesOfCall(callId);
    if (notes.length === 0) return decision;
    const committed = notes.some((note) => note.deleteAt !== null || note.shreddedAt !== null);
    return {
      ...decision,
      deleteAt: committed ? endedAt : endedAt + RETENTION_CEILING_MILLISECONDS,
    };
  }

  /** Records the deadline of an entry before it is written. */
  async scheduleEntry(
    recordId: string,
    decision: Extract<HistoryDecision, { persist: true }>,
  ): Promise<void> {
    await this.schedule.schedule({
      recordId,
      recordType: 'call-record',
      clientId: decision.clientId,
      deleteAt: decision.deleteAt,
      reason: decision.reason,
    });
  }
}

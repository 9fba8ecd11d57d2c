/**
 * Retention of the call history: decides per finished call, from the dialled client line,
 * whether its entry may be written to disk and until when, and records the deadline.
 */
import type { ClientRetentionDirectory } from './clientRetentionDirectory';
import { historyDecision, type HistoryDecision } from './retentionPolicy';
import type { RetentionSchedule } from './retentionSchedule';

export class HistoryRetention {
  constructor(
    private readonly directory: Pick<ClientRetentionDirectory, 'forLine'>,
    private readonly schedule: RetentionSchedule,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The decision for a call that just ended on `clientLine`. When the client's policy cannot
   * be known (portal unreachable), the entry stays in memory only: it might be a RAM-only client.
   */
  async decide(clientLine: string | undefined): Promise<HistoryDecision> {
    const lookup = await this.directory.forLine(clientLine);
    const endedAt = this.now();
    if (lookup.kind === 'unavailable') return { persist: false };
    return historyDecision(lookup.kind === 'client' ? lookup.client : null, endedAt);
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

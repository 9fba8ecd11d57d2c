/**
 * The retention schedule in the desk's database: one plain row per personal record (its vault
 * id, type, client id and deadline — never personal data), and the queue of deletion receipts
 * waiting for the portal. Several windows share it: completing a row and queueing its receipt
 * is one transaction that first checks the row is still open, so a record shredded by two
 * windows at once yields one receipt.
 */
import type {
  DeletionReason,
  DeskDatabase,
  RetainedRecordType,
  RetentionScheduleRow,
} from '../../data/localDatabase';
import type { ShredReceipt } from '../../data/sealedRecord';

export interface ScheduleRequest {
  readonly recordId: string;
  readonly recordType: RetainedRecordType;
  readonly clientId: string | null;
  readonly deleteAt: number | null;
  readonly reason: DeletionReason;
  readonly callId?: string;
}

export class RetentionSchedule {
  constructor(
    readonly database: DeskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records or updates a record's deadline; a shredded record stays shredded. */
  async schedule(request: ScheduleRequest): Promise<void> {
    await this.database.transaction('rw', this.database.retentionSchedule, async () => {
      const existing = await this.database.retentionSchedule.get(request.recordId);
      if ((existing?.shreddedAt ?? null) !== null) return;
      if (
        existing &&
        existing.deleteAt === request.deleteAt &&
        existing.reason === request.reason &&
        existing.clientId === request.clientId &&
        existing.callId === request.callId
      ) {
        return;
      }
      await this.database.retentionSchedule.put({
        ...request,
        createdAt: existing?.createdAt ?? this.now(),
        shreddedAt: null,
      });
    });
  }

  /** Brings an open record's deadline forward (never later); false when there is none. */
  async bringForward(recordId: string, deleteAt: number, reason: DeletionReason): Promise<boolean> {
    return this.database.transaction('rw', this.database.retentionSchedule, async () => {
      const existing = await this.database.retentionSchedule.get(recordId);
      if (!existing || existing.shreddedAt !== null) return false;
      if (existing.deleteAt !== null && existing.deleteAt <= deleteAt) return true;
      await this.database.retentionSchedule.put({ ...existing, deleteAt, reason });
      return true;
    });
  }

  /** Moves an open record's deadline later (never earlier); false when there is none. */
  async postpone(recordId: string, deleteAt: number): Promise<boolean> {
    return this.database.transaction('rw', this.database.retentionSchedule, async () => {
      const existing = await this.database.retentionSchedule.get(recordId);
      if (!existing || existing.shreddedAt !== null) return false;
      if (existing.deleteAt === null || existing.deleteAt >= deleteAt) return true;
      await this.database.retentionSchedule.put({ ...existing, deleteAt });
      return true;
    });
  }

  /** Open rows whose deadline has passed, oldest deadline first. */
  async due(now = this.now()): Promise<RetentionScheduleRow[]> {
    // Rows without a deadline (null) are not in the index; shredded rows have a null deadline.
    return this.database.retentionSchedule.where('deleteAt').belowOrEqual(now).toArray();
  }

  /** The notes scheduled for a call (a desk's schedule is small: a scan is fine). */
  async notesOfCall(callId: string): Promise<RetentionScheduleRow[]> {
    return this.database.retentionSchedule
      .where('recordType')
      .equals('note')
      .filter((row) => row.callId === callId)
      .toArray();
  }

  async get(recordId: string): Promise<RetentionScheduleRow | undefined> {
    return this.database.retentionSchedule.get(recordId);
  }

  /**
   * Marks a record shredded and queues its receipt, unless another window did so first.
   * Calls without a client have no one to prove the deletion to: no receipt.
   */
  async complete(row: RetentionScheduleRow, receipt: ShredReceipt): Promise<boolean> {
    const { retentionSchedule, deletionReceipts } = this.database;
    return this.database.transaction('rw', retentionSchedule, deletionReceipts, async () => {
      const current = await retentionSchedule.get(row.recordId);
      if (!current || current.shreddedAt !== null) return false;
      const now = this.now();
      await retentionSchedule.put({ ...current, deleteAt: null, shreddedAt: now });
      if (current.clientId !== null) {
        await deletionReceipts.add({
          transactionId: receipt.transactionId,
          clientId: current.clientId,
          recordType: current.recordType,
          reason: current.reason,
          deletedAt: new Date(now).toISOString(),
          queuedAt: now,
        });
      }
      return true;
    });
  }
}

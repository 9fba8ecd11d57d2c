/**
 * The retention sweeper: shreds every scheduled record whose deadline has passed and queues a
 * receipt per deletion. Runs at start and every 15 s in each window; windows may sweep at the
 * same time (shredding twice is harmless, the schedule hands out one receipt per record).
 */
import type { RetainedRecordType } from '../../data/localDatabase';
import type { ShredReceipt } from '../../data/sealedRecord';
import type { RetentionSchedule } from './retentionSchedule';

/** How often a window sweeps. */
export const SWEEP_INTERVAL_MILLISECONDS = 15_000;

/** Destroys one record of a type; undefined when it must not go yet (an unsent note). */
export type RecordShredder = (recordId: string) => Promise<ShredReceipt | undefined>;

export interface SweepResult {
  readonly shredded: number;
  /** Due records that must wait (not yet committed to the portal, or no shredder here). */
  readonly waiting: number;
  readonly failed: number;
}

export class RetentionSweeper {
  private running: Promise<SweepResult> | undefined;

  constructor(
    private readonly schedule: RetentionSchedule,
    private readonly shredders: Partial<Record<RetainedRecordType, RecordShredder>>,
    private readonly now: () => number = Date.now,
  ) {}

  /** One pass; a pass already running in this window is joined, not doubled. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<SweepResult> {
    let shredded = 0;
    let waiting = 0;
    let failed = 0;
    for (const row of await this.schedule.due(this.now())) {
      const shredder = this.shredders[row.recordType];
      if (!shredder) {
        waiting += 1;
        continue;
      }
      try {
        const receipt = await shredder(row.recordId);
        if (!receipt) {
          waiting += 1;
          continue;
        }
        if (await this.schedule.complete(row, receipt)) shredded += 1;
      } catch {
        // Tried again next pass; the record's id is not logged (ids of calls are pseudonymous,
        // but nothing here needs them in a log).
        failed += 1;
      }
    }
    return { shredded, waiting, failed };
  }
}

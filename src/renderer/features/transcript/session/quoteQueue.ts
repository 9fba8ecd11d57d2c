/**
 * Quotes into a call's note. The note form opens at hang-up (after-call work), so a line or
 * suggestion quoted during the call is kept here — in memory, per call, bounded — and appended
 * as soon as the note of that call is open. Quotes never cross to another call's note.
 */

/** What happened to a quote, for the notice next to the clicked line or card. */
export type QuoteResult = 'quoted' | 'queued' | 'failed';

/** The notes store's side: append to the note of a call; false when none is open. */
export type AppendQuote = (callId: string, text: string) => boolean;

/** Quotes waiting per call; more than this many is not a note any more. */
const QUEUED_QUOTES_PER_CALL = 50;

export class QuoteQueue {
  private readonly waiting = new Map<string, string[]>();
  private flushing = false;

  constructor(private readonly append: AppendQuote) {}

  /** Appends at once when the note is open, else keeps the quote for when it opens. */
  quote(callId: string, text: string, callRunning: boolean): QuoteResult {
    this.flush(callId);
    if (!this.waiting.has(callId) && this.append(callId, text)) return 'quoted';
    if (!callRunning) return 'failed';
    const queued = this.waiting.get(callId) ?? [];
    if (queued.length >= QUEUED_QUOTES_PER_CALL) return 'failed';
    queued.push(text);
    this.waiting.set(callId, queued);
    return 'queued';
  }

  /** Appends what waits for `callId`, in order, as far as the note takes it. */
  flush(callId: string): void {
    // Appending changes the notes store, whose listener flushes again: never re-enter, or the
    // head of the queue would be appended twice.
    if (this.flushing) return;
    const queued = this.waiting.get(callId);
    if (!queued) return;
    this.flushing = true;
    try {
      while (queued.length > 0 && this.append(callId, queued[0]!)) queued.shift();
    } finally {
      this.flushing = false;
    }
    if (queued.length === 0) this.waiting.delete(callId);
  }

  /** Tries every call with waiting quotes (the notes changed: a note may have opened). */
  flushAll(): void {
    for (const callId of [...this.waiting.keys()]) this.flush(callId);
  }

  /** Drops what still waits for a call whose note will not open any more. */
  forget(callId: string): void {
    this.waiting.delete(callId);
  }

  pendingFor(callId: string): number {
    return this.waiting.get(callId)?.length ?? 0;
  }
}

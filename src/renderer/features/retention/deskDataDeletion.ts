/**
 * Issue 13 item 2: a portal deletion repeated on this desk's local copies. The portal names the
 * caller only by `deskMatchHash(salt, e164)`; the desk hashes each of its own normalised numbers
 * with the notice's salt and deletes what matches: history entries (crypto-shredded like a
 * retention deadline), drafts (discarded), and outbox notes. A note still queued is not dropped:
 * it is sent first (the caller's message reaches the portal), then shredded here, and the
 * receipt says `waited-for-queued-note`. The receipt holds counts only.
 */
import { deskMatchHash } from '../../../shared/domain/deskMatchHash';
import { toE164 } from '../../../shared/domain/phoneNumber';
import type {
  DeskDeletionNotice,
  DeskReceiptSubmission,
} from '../../../shared/portalWire/dataRequestSchemas';
import type { NoteOutbox } from '../../../shared/sync/noteOutbox';
import type { OutboxEntry } from '../../../shared/sync/outboxTypes';
import type { CallHistoryEntry } from '../history/callHistoryEntry';
import type { NotePayload } from '../notes/noteFields';

/** The desk's stores as this deletion needs them. */
export interface DeskDeletionStores {
  readonly history: {
    list(): Promise<CallHistoryEntry[]>;
    /** Crypto-shreds one entry (memory and disk). */
    shred(callId: string): Promise<void>;
  };
  readonly outbox: Pick<
    NoteOutbox<NotePayload>,
    'list' | 'discardDraft' | 'retry' | 'notifyOnline' | 'whenIdle' | 'forgetCommitted'
  >;
  /** Shreds a note the portal holds (the retention shredder); undefined while it is unsent. */
  shredCommittedNote(id: string): Promise<unknown>;
  /** Sends the desk's receipt for a request (`POST /data-requests/desk-deletions/…/receipt`). */
  sendReceipt(requestId: string, receipt: DeskReceiptSubmission): Promise<void>;
}

const COMMITTED = new Set(['sent', 'delivered']);
/**
 * Desk and portal clocks differ a little. A note the desk sent this shortly before the request
 * may still have reached the portal after its deletion; reporting it as waited for only makes
 * the portal look for late copies (notes it stored since the request), so erring is harmless.
 */
const CLOCK_SKEW_MILLISECONDS = 10 * 60_000;

/** Sent after the portal's deletion (e.g. the outbox flushed it at start, before this ran). */
function sentAfterRequest(entry: OutboxEntry<NotePayload>, notice: DeskDeletionNotice): boolean {
  const requestedAt = Date.parse(notice.requestedAt);
  return entry.sentAt !== null && entry.sentAt >= requestedAt - CLOCK_SKEW_MILLISECONDS;
}

function numbersOfNote(entry: OutboxEntry<NotePayload>): Array<string | null | undefined> {
  return [entry.payload.fields.callbackNumber, entry.payload.context.callerNumber];
}

/** A matcher for one notice: true for a number written any way that normalises to its E.164. */
export function deskNumberMatcher(
  notice: Pick<DeskDeletionNotice, 'salt' | 'numberHash'>,
): (numbers: ReadonlyArray<string | null | undefined>) => Promise<boolean> {
  const hashes = new Map<string, Promise<string>>();
  return async (numbers) => {
    for (const number of numbers) {
      const e164 = number ? toE164(number) : undefined;
      if (e164 === undefined) continue;
      let hash = hashes.get(e164);
      if (!hash) hashes.set(e164, (hash = deskMatchHash(notice.salt, e164)));
      if ((await hash) === notice.numberHash) return true;
    }
    return false;
  };
}

/**
 * Deletes this desk's copies for one notice and sends the receipt. Throws (no receipt) when a
 * queued note could not reach the portal yet: the notice stays pending and is tried again at
 * the next start or event.
 */
export async function deleteDeskData(
  notice: DeskDeletionNotice,
  stores: DeskDeletionStores,
): Promise<DeskReceiptSubmission> {
  const matches = deskNumberMatcher(notice);
  const counts = { historyEntries: 0, outboxNotes: 0, drafts: 0 };
  let waited = false;
  const matching: string[] = [];
  for (const entry of stores.outbox.list()) {
    if (!(await matches(numbersOfNote(entry)))) continue;
    if (entry.status === 'draft') {
      await stores.outbox.discardDraft(entry.id);
      counts.drafts += 1;
      continue;
    }
    matching.push(entry.id);
    if (COMMITTED.has(entry.status)) {
      // Its copy at the portal arrived late: the remark makes the portal delete that too.
      if (sentAfterRequest(entry, notice)) waited = true;
      continue;
    }
    // Queued or failed: the caller's message must reach the portal first, never be lost here.
    waited = true;
    if (entry.status === 'failed') await stores.outbox.retry(entry.id);
  }
  if (waited) {
    stores.outbox.notifyOnline();
    await stores.outbox.whenIdle();
  }
  const unsent = stores.outbox
    .list()
    .filter((entry) => matching.includes(entry.id) && !COMMITTED.has(entry.status));
  if (unsent.length > 0) throw new Error('A matching note has not reached the portal yet');
  for (const id of matching) {
    await stores.shredCommittedNote(id);
    // Gone from this window's memory too, not only from disk (the history lists the outbox).
    stores.outbox.forgetCommitted(id);
    counts.outboxNotes += 1;
  }
  for (const entry of await stores.history.list()) {
    if (!(await matches([entry.remoteNumber]))) continue;
    await stores.history.shred(entry.id);
    counts.historyEntries += 1;
  }
  const receipt: DeskReceiptSubmission = {
    counts,
    note: waited ? 'waited-for-queued-note' : null,
  };
  await stores.sendReceipt(notice.requestId, receipt);
  return receipt;
}

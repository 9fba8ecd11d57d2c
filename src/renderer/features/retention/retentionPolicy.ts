/**
 * What each client's retention policy means for the records this desk writes (SECURITY.md
 * rule 7). Pure functions; the schedule and the sweeper act on their answers.
 *
 * - `keep-hours` / `keep-minutes`: a call's history entry is shredded at the end of the call
 *   plus N; a note at the end of its call (or its creation, without a call) plus N — but never
 *   before the portal committed it: an unsent note waits, then goes at once.
 * - `delete-after-sync`: a note is shredded as soon as the portal committed it (sent or
 *   delivered). The call's history entry goes when that call's note is sent, or, without a
 *   note, at call end + 15 minutes, so the agent can still call back.
 * - `ram-only`: the history entry is never written to disk (memory of the window only). A note
 *   is still kept sealed until the portal commits it — losing a note is worse, this is the
 *   handover — and shredded at once after.
 * - no client (internal, outgoing, unknown line): the 30-day ceiling.
 * - a keep mode without its number: the 30-day ceiling.
 */
import {
  MAXIMUM_RETENTION_HOURS,
  type RetentionPolicy,
} from '../../../shared/domain/clientProfile';
import type { DeletionReason } from '../../data/localDatabase';

const MINUTE_MILLISECONDS = 60_000;
/** Nothing personal is kept longer than 30 days. */
export const RETENTION_CEILING_MILLISECONDS = MAXIMUM_RETENTION_HOURS * 60 * MINUTE_MILLISECONDS;
/** delete-after-sync: how long a call without a note stays in the history for a callback. */
export const CALLBACK_GRACE_MILLISECONDS = 15 * MINUTE_MILLISECONDS;

/** A client and its policy, as far as retention needs it. */
export interface ClientRetention {
  readonly clientId: string;
  readonly policy: RetentionPolicy;
}

/** How long a keep mode keeps a record; undefined for the other modes. */
export function keepMilliseconds(policy: RetentionPolicy): number | undefined {
  let milliseconds: number | undefined;
  if (policy.mode === 'keep-hours') {
    milliseconds = policy.hours !== undefined ? policy.hours * 60 * MINUTE_MILLISECONDS : undefined;
  } else if (policy.mode === 'keep-minutes') {
    milliseconds = policy.minutes !== undefined ? policy.minutes * MINUTE_MILLISECONDS : undefined;
  } else {
    return undefined;
  }
  return Math.min(milliseconds ?? RETENTION_CEILING_MILLISECONDS, RETENTION_CEILING_MILLISECONDS);
}

export type HistoryDecision =
  | { readonly persist: false }
  | {
      readonly persist: true;
      readonly clientId: string | null;
      readonly deleteAt: number;
      readonly reason: DeletionReason;
    };

/** Whether and until when a finished call's history entry is kept on disk. */
export function historyDecision(client: ClientRetention | null, endedAt: number): HistoryDecision {
  if (!client) {
    return {
      persist: true,
      clientId: null,
      deleteAt: endedAt + RETENTION_CEILING_MILLISECONDS,
      reason: 'retention-expired',
    };
  }
  const { clientId, policy } = client;
  if (policy.mode === 'ram-only') return { persist: false };
  if (policy.mode === 'delete-after-sync') {
    return {
      persist: true,
      clientId,
      deleteAt: endedAt + CALLBACK_GRACE_MILLISECONDS,
      reason: 'after-sync',
    };
  }
  return {
    persist: true,
    clientId,
    deleteAt: endedAt + (keepMilliseconds(policy) ?? RETENTION_CEILING_MILLISECONDS),
    reason: 'retention-expired',
  };
}

export interface NoteDeadline {
  /** null: not before the portal committed the note. */
  readonly deleteAt: number | null;
  readonly reason: DeletionReason;
}

/**
 * When a note is shredded. `endedAt` is its call's end (or its creation); `sentAt` the time the
 * portal committed it, null while unsent. The sweeper additionally never shreds an unsent note.
 */
export function noteDeadline(
  policy: RetentionPolicy,
  endedAt: number,
  sentAt: number | null,
): NoteDeadline {
  const keep = keepMilliseconds(policy);
  if (keep !== undefined) return { deleteAt: endedAt + keep, reason: 'retention-expired' };
  return {
    deleteAt: sentAt,
    reason: policy.mode === 'ram-only' ? 'ram-only' : 'after-sync',
  };
}

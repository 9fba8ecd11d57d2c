/**
 * Pure state transitions of an outbox entry (the diagram is in `noteOutbox.ts`). No I/O, no
 * clock: the engine passes `now` and the random source, so every transition is testable alone.
 */
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import type { OutboxEntry, SendResult } from './outboxTypes';

/** A fresh draft. */
export function createDraft<Payload>(
  id: string,
  payload: Payload,
  now: number,
): OutboxEntry<Payload> {
  return {
    id,
    payload,
    status: 'draft',
    idempotencyKey: null,
    attempts: 0,
    countedFailures: 0,
    nextAttemptAt: null,
    lastError: null,
    remoteId: null,
    remoteStatus: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    sentAt: null,
    deliveredAt: null,
  };
}

export interface AttemptPolicy {
  readonly now: number;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
}

/**
 * The entry after one send attempt, and until when every send should pause (a server's
 * Retry-After applies to the whole portal, not just this note).
 */
export function afterAttempt<Payload>(
  entry: OutboxEntry<Payload>,
  result: SendResult,
  policy: AttemptPolicy,
): { entry: OutboxEntry<Payload>; pauseUntil: number | undefined } {
  const { now } = policy;
  const attempts = entry.attempts + 1;
  if (result.kind === 'accepted') {
    const delivered = result.remoteStatus === 'delivered';
    return {
      entry: {
        ...entry,
        status: delivered ? 'delivered' : 'sent',
        attempts,
        remoteId: result.remoteId,
        remoteStatus: result.remoteStatus ?? null,
        lastError: null,
        nextAttemptAt: null,
        sentAt: now,
        deliveredAt: delivered ? now : null,
        updatedAt: now,
      },
      pauseUntil: undefined,
    };
  }
  const lastError =
    result.httpStatus === undefined
      ? { code: result.code }
      : { code: result.code, httpStatus: result.httpStatus };
  const counts = result.kind === 'rejected' || result.countsTowardLimit;
  const countedFailures = entry.countedFailures + (counts ? 1 : 0);
  const base = { ...entry, attempts, countedFailures, lastError, updatedAt: now };
  if (result.kind === 'rejected' || countedFailures >= policy.maxAttempts) {
    return { entry: { ...base, status: 'failed', nextAttemptAt: null }, pauseUntil: undefined };
  }
  const delay = fullJitterDelay(
    policy.backoff,
    attempts - 1,
    policy.random,
    result.retryAfterMilliseconds,
  );
  return {
    entry: { ...base, nextAttemptAt: now + delay },
    pauseUntil:
      result.retryAfterMilliseconds === undefined ? undefined : now + result.retryAfterMilliseconds,
  };
}

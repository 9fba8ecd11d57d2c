/**
 * Retry delays: "full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff
 * And Jitter"): the delay is uniformly random in [0, min(cap, base · 2^attempt)]. Randomising
 * the whole interval spreads a crowd of desks that went offline together, so they do not hit a
 * recovering portal in waves. A server's `Retry-After` is a floor: never retry earlier.
 */

export interface BackoffPolicy {
  /** Delay scale for the first retry, in milliseconds. */
  readonly baseMilliseconds: number;
  /** Upper bound of any delay, in milliseconds. */
  readonly capMilliseconds: number;
}

/**
 * Delay before retry number `attempt` (0 = first retry).
 * `random` returns a number in [0, 1); injected so tests are deterministic.
 */
export function fullJitterDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number,
  retryAfterMilliseconds?: number,
): number {
  // 2^attempt overflows to Infinity for large attempts; min() with the cap keeps it finite.
  const ceiling = Math.min(
    policy.capMilliseconds,
    policy.baseMilliseconds * 2 ** Math.max(0, attempt),
  );
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMilliseconds ?? 0);
}

/**
 * Reads an HTTP `Retry-After` value (delta seconds or an HTTP date) as milliseconds from `now`;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

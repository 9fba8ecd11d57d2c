/**
 * Data requests per user and time window. A search lists a caller's whole history, so a stolen
 * supervisor session must not be able to walk through numbers: 20 requests (search, export or
 * deletion) per user per 10 minutes, then 429 with `Retry-After`. In process, like the login
 * limiter (README "Open points": several portals need a shared limiter).
 */
export interface DataRequestRateLimit {
  readonly maxRequests: number;
  readonly windowMilliseconds: number;
}

export const DEFAULT_DATA_REQUEST_RATE_LIMIT: DataRequestRateLimit = {
  maxRequests: 20,
  windowMilliseconds: 10 * 60_000,
};

export class DataRequestRateLimiter {
  private readonly requests = new Map<string, number[]>();

  constructor(
    private readonly limit: DataRequestRateLimit,
    private readonly now: () => number,
  ) {}

  /** Counts a request now; or milliseconds until the next one is allowed. */
  reserve(userId: string): { ok: true } | { ok: false; retryAfterMilliseconds: number } {
    const now = this.now();
    const recent = (this.requests.get(userId) ?? []).filter(
      (at) => at > now - this.limit.windowMilliseconds,
    );
    if (recent.length >= this.limit.maxRequests) {
      this.requests.set(userId, recent);
      const oldest = recent[0] ?? now;
      return { ok: false, retryAfterMilliseconds: oldest + this.limit.windowMilliseconds - now };
    }
    recent.push(now);
    this.requests.set(userId, recent);
    return { ok: true };
  }
}

const limiters = new WeakMap<object, DataRequestRateLimiter>();

/** One limiter per portal (keyed by its context: no module-level state shared between portals). */
export function dataRequestRateLimiterFor(
  context: { now(): number },
  limit: DataRequestRateLimit = DEFAULT_DATA_REQUEST_RATE_LIMIT,
): DataRequestRateLimiter {
  let limiter = limiters.get(context);
  if (!limiter) {
    limiter = new DataRequestRateLimiter(limit, () => context.now());
    limiters.set(context, limiter);
  }
  return limiter;
}

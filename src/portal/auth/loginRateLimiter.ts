/**
 * Limits failed logins per (user name, IP address): after `maxFailures` failures inside
 * `windowMilliseconds`, further attempts are refused until the oldest failure leaves the window.
 * In memory on purpose: one portal instance; several instances would share it in Redis.
 */
export interface LoginRateLimitOptions {
  readonly maxFailures: number;
  readonly windowMilliseconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailures: 5,
  windowMilliseconds: 60_000,
};

/** Tracks failures; `now` is injected so tests control time. */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: LoginRateLimitOptions,
    private readonly now: () => number,
  ) {}

  private key(userName: string, address: string): string {
    return `${userName.toLowerCase()}\u0000${address}`;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMilliseconds;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until the next attempt is allowed; 0 when allowed now. */
  retryAfterMilliseconds(userName: string, address: string): number {
    const recent = this.recent(this.key(userName, address));
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? this.now();
    return Math.max(1, oldest + this.options.windowMilliseconds - this.now());
  }

  recordFailure(userName: string, address: string): void {
    const key = this.key(userName, address);
    // Attackers choose the user names: sweep old keys so the map cannot grow without bound.
    if (this.failures.size > 10_000) for (const old of [...this.failures.keys()]) this.recent(old);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(userName: string, address: string): void {
    this.failures.delete(this.key(userName, address));
  }
}

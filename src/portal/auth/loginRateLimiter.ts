/**
 * Limits failed logins inside a sliding window, on three keys at once: per (user name, address),
 * per user name from any address (a spread-out guess at one account), and per address for any
 * user name (one address guessing many accounts). Any key at its limit refuses the attempt.
 *
 * Atomic under concurrency: `reserve()` counts an attempt as a failure *before* the password is
 * checked, synchronously (one event loop turn), so a burst of parallel requests cannot all pass
 * the check while none has failed yet. A correct password then takes its reservation back.
 * In memory on purpose: one portal instance; several instances would share it in Redis.
 */
import { foldUserName } from '../domain/userStore';

export interface LoginRateLimitOptions {
  /** Failures per (user name, address). */
  readonly maxFailures: number;
  /** Failures per user name, from any address. */
  readonly maxFailuresPerAccount: number;
  /** Failures per address, for any user name. */
  readonly maxFailuresPerAddress: number;
  readonly windowMilliseconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailures: 5,
  maxFailuresPerAccount: 20,
  maxFailuresPerAddress: 30,
  windowMilliseconds: 60_000,
};

/** A reserved attempt: call `succeeded()` when the password was right. */
export interface LoginAttempt {
  succeeded(): void;
}

export type LoginReservation =
  | { readonly kind: 'allowed'; readonly attempt: LoginAttempt }
  | { readonly kind: 'limited'; readonly retryAfterMilliseconds: number };

/** Tracks failures; `now` is injected so tests control time. */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: LoginRateLimitOptions,
    private readonly now: () => number,
  ) {}

  private keys(userName: string, address: string): Array<[string, number]> {
    const name = foldUserName(userName);
    return [
      [`pair\u0000${name}\u0000${address}`, this.options.maxFailures],
      [`account\u0000${name}`, this.options.maxFailuresPerAccount],
      [`address\u0000${address}`, this.options.maxFailuresPerAddress],
    ];
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMilliseconds;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Counts this attempt as a failure now, or refuses it when any key is at its limit. */
  reserve(userName: string, address: string): LoginReservation {
    const keys = this.keys(userName, address);
    let retryAfterMilliseconds = 0;
    for (const [key, limit] of keys) {
      const recent = this.recent(key);
      if (recent.length < limit) continue;
      const oldest = recent[recent.length - limit] ?? this.now();
      const wait = Math.max(1, oldest + this.options.windowMilliseconds - this.now());
      retryAfterMilliseconds = Math.max(retryAfterMilliseconds, wait);
    }
    if (retryAfterMilliseconds > 0) return { kind: 'limited', retryAfterMilliseconds };
    // Attackers choose the user names: sweep old keys so the map cannot grow without bound.
    if (this.failures.size > 10_000) for (const old of [...this.failures.keys()]) this.recent(old);
    const at = this.now();
    for (const [key] of keys) this.failures.set(key, [...this.recent(key), at]);
    return {
      kind: 'allowed',
      attempt: {
        succeeded: () => {
          for (const [key] of keys) {
            const list = this.failures.get(key) ?? [];
            const index = list.indexOf(at);
            if (index >= 0) list.splice(index, 1);
            if (list.length === 0) this.failures.delete(key);
          }
          // The user typed it right: earlier typos from this address are forgiven.
          this.failures.delete(keys[0]![0]);
        },
      },
    };
  }
}

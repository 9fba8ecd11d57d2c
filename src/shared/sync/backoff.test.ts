import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter } from './backoff';

const policy = { baseMilliseconds: 100, capMilliseconds: 1_000 };

describe('fullJitterDelay', () => {
  it('stays within [0, min(cap, base·2^attempt))', () => {
    expect(fullJitterDelay(policy, 0, () => 0)).toBe(0);
    expect(fullJitterDelay(policy, 0, () => 0.999)).toBe(99);
    expect(fullJitterDelay(policy, 3, () => 0.5)).toBe(400);
    expect(fullJitterDelay(policy, 30, () => 0.999)).toBe(999);
    expect(fullJitterDelay(policy, 5000, () => 0.5)).toBe(500);
  });

  it('never goes below a Retry-After', () => {
    expect(fullJitterDelay(policy, 0, () => 0, 5_000)).toBe(5_000);
    expect(fullJitterDelay(policy, 10, () => 0.9, 10)).toBe(900);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('0', 0)).toBe(0);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('', 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

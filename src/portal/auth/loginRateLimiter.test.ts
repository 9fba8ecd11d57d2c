/** The three keys of the login limiter; the HTTP tests are in authentication.test.ts. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter } from './loginRateLimiter';

function limiter() {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new LoginRateLimiter(DEFAULT_LOGIN_RATE_LIMIT, () => clock.now) };
}

describe('login rate limiter', () => {
  it('limits one account guessed from many addresses (20 a minute)', () => {
    const { limiter: subject } = limiter();
    for (let index = 0; index < 20; index += 1) {
      expect(subject.reserve('anna', `10.0.0.${index}`).kind).toBe('allowed');
    }
    expect(subject.reserve('ANNA', '10.0.1.1')).toMatchObject({ kind: 'limited' });
    expect(subject.reserve('ben', '10.0.1.1').kind).toBe('allowed');
  });

  it('gives a reservation back when the password was right, and frees the window in time', () => {
    const { clock, limiter: subject } = limiter();
    for (let index = 0; index < 4; index += 1) subject.reserve('anna', '10.0.0.1');
    const right = subject.reserve('anna', '10.0.0.1');
    if (right.kind !== 'allowed') throw new Error('expected an allowed attempt');
    right.attempt.succeeded();
    for (let index = 0; index < 5; index += 1) {
      expect(subject.reserve('anna', '10.0.0.1').kind).toBe('allowed');
    }
    const limited = subject.reserve('anna', '10.0.0.1');
    expect(limited).toMatchObject({ kind: 'limited' });
    clock.now += DEFAULT_LOGIN_RATE_LIMIT.windowMilliseconds;
    expect(subject.reserve('anna', '10.0.0.1').kind).toBe('allowed');
  });
});

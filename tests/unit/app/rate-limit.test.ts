import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../app/lib/rate-limit.server';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows failures up to the limit, then refuses until the oldest ages out', () => {
    const c = clock();
    const limiter = new RateLimiter(5, 15 * 60_000, c.now);
    for (let i = 0; i < 4; i++) {
      limiter.fail('sari');
      c.advance(60_000);
    }
    expect(limiter.retryAfterMs('sari')).toBe(0);
    limiter.fail('sari'); // the fifth, at t = 4 min
    // refused until the first failure (t = 0) is 15 minutes old: 15 − 4 = 11 minutes from now
    expect(limiter.retryAfterMs('sari')).toBe(11 * 60_000);
    c.advance(11 * 60_000 - 1);
    expect(limiter.retryAfterMs('sari')).toBe(1);
    c.advance(1);
    expect(limiter.retryAfterMs('sari')).toBe(0);
  });

  it('counts each key on its own', () => {
    const c = clock();
    const limiter = new RateLimiter(2, 60_000, c.now);
    limiter.fail('a');
    limiter.fail('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('b')).toBe(0);
  });

  it('forgets a key on reset (a successful sign-in)', () => {
    const limiter = new RateLimiter(1, 60_000);
    limiter.fail('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('drops keys whose failures all aged out', () => {
    const c = clock();
    const limiter = new RateLimiter(3, 1000, c.now);
    for (let i = 0; i < 100; i++) limiter.fail(`k${i}`);
    expect(limiter.size).toBe(100);
    c.advance(1001);
    for (let i = 0; i < 100; i++) limiter.retryAfterMs(`k${i}`);
    expect(limiter.size).toBe(0);
  });
});

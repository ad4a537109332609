/**
 * The sign-in throttling policy (sign-in-throttle.server.ts) with a clock of its own: guessers are
 * locked out of the account from their own client; the account's owner is never locked out.
 */
import { describe, expect, it } from 'vitest';
import { progressiveDelay, SIGN_IN_POLICY, SignInThrottle, type Attempt } from '../../../app/lib/sign-in-throttle.server';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const MIN = 60_000;
const from = (address: string, account = 'direktur', knownDevice: string | null = null): Attempt => ({ account, address, knownDevice });

describe('progressiveDelay', () => {
  it('is nothing below the threshold, then 0.5 s doubling up to 10 s', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 50].map((n) => progressiveDelay(n, 5))).toEqual([0, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('SignInThrottle', () => {
  it('five failures lock the account for that address only, for 15 minutes from the first', () => {
    const c = clock();
    const t = new SignInThrottle(SIGN_IN_POLICY, c.now);
    for (let i = 0; i < 5; i++) {
      expect(t.check(from('10.0.0.9')).refuseMs).toBe(0);
      t.failed(from('10.0.0.9'));
      c.advance(MIN);
    }
    expect(t.check(from('10.0.0.9')).refuseMs).toBe(10 * MIN);
    // the owner elsewhere: not refused, only slowed (the account has 5 failures)
    expect(t.check(from('10.0.0.1'))).toEqual({ refuseMs: 0, waitMs: 500 });
    // the guesser's address on another account: free
    expect(t.check(from('10.0.0.9', 'manajer'))).toEqual({ refuseMs: 0, waitMs: 0 });
    c.advance(10 * MIN);
    expect(t.check(from('10.0.0.9')).refuseMs).toBe(0);
  });

  it('behind one NAT, a browser that signed in to the account before is neither locked nor slowed', () => {
    const t = new SignInThrottle(SIGN_IN_POLICY, clock().now);
    for (let i = 0; i < 12; i++) t.failed(from('192.0.2.1'));
    expect(t.check(from('192.0.2.1')).refuseMs).toBeGreaterThan(0);
    expect(t.check(from('192.0.2.1', 'direktur', 'device-1'))).toEqual({ refuseMs: 0, waitMs: 0 });
    // a known browser that guesses is locked itself, and only itself
    for (let i = 0; i < 5; i++) t.failed(from('192.0.2.1', 'direktur', 'device-2'));
    expect(t.check(from('192.0.2.1', 'direktur', 'device-2')).refuseMs).toBeGreaterThan(0);
    expect(t.check(from('192.0.2.1', 'direktur', 'device-1')).refuseMs).toBe(0);
  });

  it('name spraying from one address slows that address from the 20th failure, and refuses nobody', () => {
    const t = new SignInThrottle(SIGN_IN_POLICY, clock().now);
    for (let i = 0; i < 19; i++) t.failed(from('192.0.2.7', `nobody${i}`));
    expect(t.check(from('192.0.2.7', 'manajer'))).toEqual({ refuseMs: 0, waitMs: 0 });
    for (let i = 19; i < 23; i++) t.failed(from('192.0.2.7', `nobody${i}`));
    expect(t.check(from('192.0.2.7', 'manajer'))).toEqual({ refuseMs: 0, waitMs: 4000 });
    expect(t.check(from('192.0.2.8', 'manajer'))).toEqual({ refuseMs: 0, waitMs: 0 });
  });

  it('a success clears its own client’s lock, not the account’s count', () => {
    const t = new SignInThrottle(SIGN_IN_POLICY, clock().now);
    for (let i = 0; i < 4; i++) t.failed(from('10.0.0.9'));
    t.failed(from('10.0.0.2'));
    t.succeeded(from('10.0.0.9'));
    for (let i = 0; i < 4; i++) t.failed(from('10.0.0.9'));
    expect(t.check(from('10.0.0.9')).refuseMs).toBe(0);
    expect(t.check(from('10.0.0.3')).waitMs).toBe(8000);
  });
});

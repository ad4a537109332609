/**
 * Sign-in throttling: stops password guessing without letting anyone lock a legitimate user out.
 * Counted in memory over a sliding window of 15 minutes (SIGN_IN_POLICY):
 *
 *  1. A lock per account and client. Five failures for one account from one client, and that client
 *     is refused (429) for that account until the oldest failure ages out. The client is the browser
 *     when it has signed in to this account before (its device cookie, set at every successful
 *     sign-in), otherwise the client address. Only the guesser's own client is locked: the account
 *     stays open everywhere else, and to the account's own browsers even behind the same address.
 *  2. Progressive delays per account. From the fifth failure on an account (from anywhere, within
 *     the window), each attempt from a client the account does not know waits 0.5 s, 1 s, 2 s … at
 *     most 10 s before its password is checked. Never a refusal: the right password still signs in.
 *  3. A limit per address that refuses no one. From the twentieth failure from one address (on any
 *     accounts: name spraying), its attempts wait in the same way; the right password of any account
 *     still signs in, so colleagues behind one office NAT are slowed, not locked out.
 *
 * Browsers the account knows skip 2 and 3 (their own lock, 1, still applies). A success clears the
 * lock of its own client only; the account's and the address's counts age out on their own.
 */
import { RateLimiter } from './rate-limit.server';

export const SIGN_IN_POLICY = {
  windowMs: 15 * 60 * 1000,
  /** failures of one account from one client before that client is refused for the account */
  clientLimit: 5,
  /** failures of one account, from anywhere, from which unknown clients wait */
  accountDelayFrom: 5,
  /** failures from one address, on any accounts, from which its attempts wait */
  addressDelayFrom: 20,
  delayBaseMs: 500,
  delayMaxMs: 10_000,
} as const;

export type SignInPolicy = { readonly [K in keyof typeof SIGN_IN_POLICY]: number };

/** Who is trying: the account (normalised name), the client address, and the browser when the account knows it. */
export interface Attempt {
  account: string;
  address: string;
  /** the device id of a browser that has signed in to this account before, else null */
  knownDevice: string | null;
}

export type Verdict = { refuseMs: number; waitMs: 0 } | { refuseMs: 0; waitMs: number };

/** The wait after `failures` failures when waiting starts at `from`: base, doubling, capped. */
export function progressiveDelay(failures: number, from: number, policy: Pick<SignInPolicy, 'delayBaseMs' | 'delayMaxMs'> = SIGN_IN_POLICY): number {
  if (failures < from) return 0;
  return Math.min(policy.delayMaxMs, policy.delayBaseMs * 2 ** Math.min(failures - from, 30));
}

export class SignInThrottle {
  private readonly clients: RateLimiter;
  private readonly accounts: RateLimiter;
  private readonly addresses: RateLimiter;

  constructor(
    private readonly policy: SignInPolicy = SIGN_IN_POLICY,
    now: () => number = Date.now,
  ) {
    this.clients = new RateLimiter(policy.clientLimit, policy.windowMs, now);
    // the account and address limiters only count; their limit is never used to refuse
    this.accounts = new RateLimiter(Number.MAX_SAFE_INTEGER, policy.windowMs, now);
    this.addresses = new RateLimiter(Number.MAX_SAFE_INTEGER, policy.windowMs, now);
  }

  private clientKey(a: Attempt): string {
    return a.knownDevice !== null ? `${a.account}\u0000device:${a.knownDevice}` : `${a.account}\u0000address:${a.address}`;
  }

  /** Before the password is checked: refuse for refuseMs, or wait waitMs (0: go ahead). */
  check(a: Attempt): Verdict {
    const refuseMs = this.clients.retryAfterMs(this.clientKey(a));
    if (refuseMs > 0) return { refuseMs, waitMs: 0 };
    if (a.knownDevice !== null) return { refuseMs: 0, waitMs: 0 };
    const waitMs = Math.max(
      progressiveDelay(this.accounts.count(a.account), this.policy.accountDelayFrom, this.policy),
      progressiveDelay(this.addresses.count(a.address), this.policy.addressDelayFrom, this.policy),
    );
    return { refuseMs: 0, waitMs };
  }

  failed(a: Attempt): void {
    this.clients.fail(this.clientKey(a));
    this.accounts.fail(a.account);
    this.addresses.fail(a.address);
  }

  succeeded(a: Attempt): void {
    this.clients.reset(this.clientKey(a));
  }
}

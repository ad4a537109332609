/**
 * Who the collectors visit first: a priority score of a candidate (a customer in arrears in the
 * planned area), made of parts a supervisor can read, in whole points that add up to the score.
 *
 * | part | points |
 * |---|---|
 * | `amount` | 1 per full Rp50.000 of arrears, at most 40 |
 * | `months` | 3 per month of age of the oldest debt, at most 30 |
 * | `sealing` | 15 when the customer meets the sealing policy (SEALING_POLICY: 3+ overdue bills and not sealed) |
 * | `broken_promise` | 20 when the customer's latest promise to pay has passed unpaid |
 * | `days_since_visit` | 1 per 3 days since the last visit, at most 10; never visited: 10 |
 * | `answers` | how the customer answered past visits: +2 per visit that ended paid, partial or promise_to_pay, −2 per refused or not_home, at most ±10; −20 when the last visit found the customer moved |
 *
 * Ties in the score fall back to the larger arrears, then the customer_id, so a ranking never
 * depends on the order rows arrive in.
 */

/**
 * The sealing policy the score uses. Another release makes it an admin setting; until then this
 * default (the utility's rule: three or more overdue bills and not yet sealed).
 */
export const SEALING_POLICY = { minOverdueBills: 3 } as const;

export interface CandidateFacts {
  customer_id: string;
  arrears: number;
  /** overdue bills that still owe something */
  overdue_bills: number;
  /** age in months of the oldest debt */
  oldest_months: number;
  status: string;
  /** days from the last visit to the plan date; null: never visited */
  days_since_visit: number | null;
  last_outcome: string | null;
  /** the latest promise whose date has passed went unpaid */
  broken_promise: boolean;
  /** past visits that ended paid, partial or promise_to_pay */
  cooperative_visits: number;
  /** past visits that ended refused or not_home */
  refusing_visits: number;
}

export const SCORE_PARTS = ['amount', 'months', 'sealing', 'broken_promise', 'days_since_visit', 'answers'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];
export type ScoreParts = Record<ScorePart, number>;

export interface Scored {
  score: number;
  parts: ScoreParts;
}

export function meetsSealingPolicy(c: Pick<CandidateFacts, 'overdue_bills' | 'status'>): boolean {
  return c.overdue_bills >= SEALING_POLICY.minOverdueBills && c.status !== 'sealed';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function priorityScore(c: CandidateFacts): Scored {
  const parts: ScoreParts = {
    amount: clamp(Math.floor(c.arrears / 50_000), 0, 40),
    months: clamp(3 * c.oldest_months, 0, 30),
    sealing: meetsSealingPolicy(c) ? 15 : 0,
    broken_promise: c.broken_promise ? 20 : 0,
    days_since_visit: c.days_since_visit === null ? 10 : clamp(Math.floor(c.days_since_visit / 3), 0, 10),
    answers: c.last_outcome === 'moved' ? -20 : clamp(2 * c.cooperative_visits - 2 * c.refusing_visits, -10, 10),
  };
  return { score: SCORE_PARTS.reduce((sum, k) => sum + parts[k], 0), parts };
}

/** Highest score first; ties: larger arrears, then customer_id. */
export function byPriority(a: CandidateFacts & Scored, b: CandidateFacts & Scored): number {
  return b.score - a.score || b.arrears - a.arrears || (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0);
}

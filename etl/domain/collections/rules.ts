/**
 * The collection team's rules (CONTRACT §4, Collections), as pure functions on plain rows: what a
 * contact is, when a promise to pay is kept, which visit a payment is attributed to. The named queries
 * (etl/queries/collections.ts) compute the same in SQL at scale; tests hold both to hand-built figures.
 * Days are Jakarta calendar days `YYYY-MM-DD`, which compare as text.
 */

export const VISIT_OUTCOMES = ['paid', 'partial', 'promise_to_pay', 'not_home', 'refused', 'sealed', 'letter_delivered', 'moved'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** Outcomes where the collector met nobody who answers for the account. */
export const NO_CONTACT_OUTCOMES: readonly VisitOutcome[] = ['not_home', 'moved'];

/** A payment counts for the latest visit at most this many days before it. */
export const ATTRIBUTION_DAYS = 14;

export function isContact(outcome: string): boolean {
  return !(NO_CONTACT_OUTCOMES as readonly string[]).includes(outcome);
}

export interface PaymentDay {
  customer_id: string;
  /** Jakarta day of paid_at */
  day: string;
  amount: number;
}

/**
 * A promise made on `visitDay` for `promiseDate` is kept when the customer made a completed payment
 * of more than zero from the visit day to the promised day, both included. `payments` are the
 * customer's completed payments.
 */
export function promiseKept(visitDay: string, promiseDate: string, payments: readonly Pick<PaymentDay, 'day' | 'amount'>[]): boolean {
  return payments.some((p) => p.amount > 0 && p.day >= visitDay && p.day <= promiseDate);
}

export interface VisitDay {
  visit_id: string;
  customer_id: string;
  day: string;
}

/** Whole days from `from` to `to` (`to` later: positive). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Each completed payment goes to its customer's latest visit on or before the payment's day (a tie:
 * the lowest visit_id) when that visit is at most ATTRIBUTION_DAYS before it; otherwise to none. A
 * payment is attributed once. Returns the attributed amount per visit_id (visits with none left out).
 */
export function attributePayments(visits: readonly VisitDay[], payments: readonly PaymentDay[], days = ATTRIBUTION_DAYS): Map<string, number> {
  const byCustomer = new Map<string, VisitDay[]>();
  for (const v of visits) {
    const list = byCustomer.get(v.customer_id) ?? [];
    list.push(v);
    byCustomer.set(v.customer_id, list);
  }
  const attributed = new Map<string, number>();
  for (const p of payments) {
    let best: VisitDay | null = null;
    for (const v of byCustomer.get(p.customer_id) ?? []) {
      if (v.day > p.day) continue;
      if (best === null || v.day > best.day || (v.day === best.day && v.visit_id < best.visit_id)) best = v;
    }
    if (best === null || daysBetween(best.day, p.day) > days) continue;
    attributed.set(best.visit_id, (attributed.get(best.visit_id) ?? 0) + p.amount);
  }
  return attributed;
}

/** contacts ÷ visits, null without visits. */
export function contactRate(contacts: number, visits: number): number | null {
  return visits > 0 ? contacts / visits : null;
}

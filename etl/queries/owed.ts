/**
 * What a debt still owes as of a day D (CONTRACT §4, Outstanding), written once for every query and
 * derived table that needs it: arrears (overdue debts), receivables not yet due, the customer list.
 *
 * A bill owes nothing before it is issued, nor on or after the day it was settled (bill_balances.settled_on:
 * a debt only ever shrinks, so that skips most bills); otherwise it owes what it owes now plus what was
 * applied to it after D. An opening balance owes its amount from its as_of date, less what was applied
 * to it by D. `asOf` is an SQL expression: `CAST($as_of AS DATE)` for one day, a month end column for
 * every month.
 */

/** The bill `b` (a bill_balances row) still owes something as of asOf. */
export function billOwesAsOfSql(b: string, asOf: string): string {
  return `(${b}.issued_on <= ${asOf} AND (${b}.settled_on IS NULL OR ${b}.settled_on > ${asOf}))`;
}

/** What the bill `b` (a bill_balances row) owed as of asOf; meant for bills that billOwesAsOfSql keeps. */
export function billOwedAsOfSql(b: string, asOf: string): string {
  return `(${b}.outstanding
      + coalesce((SELECT sum(p.amount) FROM payment_allocations p
                   WHERE p.target = 'bill' AND p.bill_id = ${b}.bill_id AND p.paid_on > ${asOf}), 0)
      + coalesce((SELECT sum(w.amount) FROM write_off_allocations w
                   WHERE w.target = 'bill' AND w.bill_id = ${b}.bill_id AND w.written_off_on > ${asOf}), 0))`;
}

/** The opening balance `o` is owed from its as_of date. */
export function openingOwesAsOfSql(o: string, asOf: string): string {
  return `(${o}.as_of <= ${asOf})`;
}

/** What the opening balance `o` owed as of asOf. */
export function openingOwedAsOfSql(o: string, asOf: string): string {
  return `(${o}.amount
      - coalesce((SELECT sum(p.amount) FROM payment_allocations p
                   WHERE p.target = 'opening' AND p.customer_id = ${o}.customer_id AND p.paid_on <= ${asOf}), 0)
      - coalesce((SELECT sum(w.amount) FROM write_off_allocations w
                   WHERE w.target = 'opening' AND w.customer_id = ${o}.customer_id AND w.written_off_on <= ${asOf}), 0))`;
}

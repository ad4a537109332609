/**
 * One customer's ledger as of a day: the opening balance, every bill, every payment (date, channel,
 * amount applied, penalty), every write-off, in order with the running balance; what the customer
 * owes overdue (arrears, CONTRACT §4) and holds as credit; the collectors' visits. Personal data:
 * refused for a scope without it. Lines come from the allocation tables (payment_allocations,
 * write_off_allocations, bill_balances), so a payment counts with what it was applied to.
 *
 * Balance: what is owed after the line (bills and opening balance less payments and write-offs)
 * less the credit; a negative balance is money the customer has paid ahead.
 */
import type { Warehouse } from '../warehouse/duckdb';
import { DEBTS_AS_OF_SQL } from './debts';
import { requirePersonalData, teamParams, teamScopeSql, type Scope } from './scope';

export type LedgerLineKind = 'opening' | 'bill' | 'payment' | 'write_off';

export interface LedgerLine {
  date: string;
  kind: LedgerLineKind;
  /** the bill's period; an opening balance's oldest period; a payment's stated period (null: oldest first) */
  period: string | null;
  /** + adds to what is owed, − reduces it */
  amount: number;
  balance: number;
  channel_code: string | null;
  /** payments: the reference and the denda paid with it */
  reference: string | null;
  penalty: number | null;
}

export interface LedgerVisit {
  visited_at: string;
  team_id: string;
  collector_id: string;
  outcome: string;
  amount_collected: number;
  promise_date: string | null;
}

/** A customer with the area they are in: what a ledger, a letter or a sealing list names them by. */
export interface CustomerInArea {
  customer_id: string;
  name: string;
  address: string;
  phone: string | null;
  desa_code: string;
  desa_name: string;
  desa_type: string;
  kecamatan_code: string;
  kecamatan_name: string;
  tariff_class: string;
  status: string;
}

export interface LedgerCustomer extends CustomerInArea {
  connected_on: string | null;
}

/** A debt overdue as of the day: the bill's period (null for the opening balance), its age and what it owes. */
export interface OverdueDebt {
  period: string | null;
  age: number;
  outstanding: number;
}

export interface Ledger {
  as_of: string;
  customer: LedgerCustomer;
  arrears: number;
  credit: number;
  overdue: OverdueDebt[];
  lines: LedgerLine[];
  visits: LedgerVisit[];
}

const KIND_ORDER = `CASE kind WHEN 'opening' THEN 0 WHEN 'bill' THEN 1 WHEN 'payment' THEN 2 ELSE 3 END`;

/** The ledger, or null for a customer the warehouse does not know. */
export async function customerLedger(wh: Warehouse, { customerId, asOf, scope }: { customerId: string; asOf: string; scope: Scope }): Promise<Ledger | null> {
  requirePersonalData(scope, 'a customer ledger');
  const p = { customer_id: customerId, as_of: asOf };
  const customers = await wh.query<LedgerCustomer>(
    `SELECT c.customer_id, c.name, c.address, c.phone, c.desa_code, a.desa_name, a.desa_type, a.kecamatan_code, a.kecamatan_name,
            c.tariff_class, c.status, strftime(c.connected_on, '%Y-%m-%d') AS connected_on
       FROM customers c LEFT JOIN areas a USING (desa_code) WHERE c.customer_id = $customer_id`,
    { customer_id: customerId },
  );
  if (customers.length === 0) return null;
  const lines = await wh.query<LedgerLine>(
    `WITH entries AS (
       SELECT o.as_of AS day, 'opening' AS kind, o.oldest_period AS period, o.amount, NULL AS channel_code, NULL AS reference, NULL::BIGINT AS penalty, 0 AS credit, '' AS tiebreak
         FROM opening_balances o WHERE o.customer_id = $customer_id AND o.as_of <= CAST($as_of AS DATE)
       UNION ALL
       SELECT b.issued_on, 'bill', b.period, b.total_amount, NULL, NULL, NULL, 0, b.period
         FROM bill_balances b WHERE b.customer_id = $customer_id AND b.issued_on <= CAST($as_of AS DATE)
       UNION ALL
       SELECT a.paid_on, 'payment', any_value(p.period), -sum(a.amount) FILTER (WHERE a.target IN ('bill', 'opening')),
              any_value(a.channel_code), any_value(p.payment_ref), any_value(p.penalty),
              coalesce(sum(a.amount) FILTER (WHERE a.target = 'credit'), 0), strftime(any_value(p.paid_at), '%Y-%m-%d %H:%M:%S') || any_value(p.payment_ref)
         FROM payment_allocations a JOIN payments p USING (payment_id)
        WHERE a.customer_id = $customer_id AND a.paid_on <= CAST($as_of AS DATE) AND a.target IN ('bill', 'opening', 'credit')
        GROUP BY a.payment_id, a.paid_on
       UNION ALL
       SELECT w.written_off_on, 'write_off', any_value(w.period), -sum(w.amount), NULL, NULL, NULL, 0, CAST(w.write_off_id AS VARCHAR)
         FROM write_off_allocations w
        WHERE w.customer_id = $customer_id AND w.written_off_on <= CAST($as_of AS DATE) AND w.target IN ('bill', 'opening')
        GROUP BY w.write_off_id, w.written_off_on)
     SELECT strftime(day, '%Y-%m-%d') AS date, kind, period, (coalesce(amount, 0) - credit)::BIGINT AS amount,
            sum(coalesce(amount, 0) - credit) OVER (ORDER BY day, ${KIND_ORDER}, tiebreak ROWS UNBOUNDED PRECEDING)::BIGINT AS balance,
            channel_code, reference, penalty::BIGINT AS penalty
       FROM entries ORDER BY day, ${KIND_ORDER}, tiebreak`,
    p,
  );
  const overdue = await wh.query<OverdueDebt>(
    `SELECT b.period, d.age::BIGINT AS age, d.outstanding::BIGINT AS outstanding
       FROM (${DEBTS_AS_OF_SQL}) d LEFT JOIN bill_balances b USING (bill_id)
      WHERE d.customer_id = $customer_id AND d.outstanding <> 0
      ORDER BY d.age DESC, b.period`,
    p,
  );
  const { credit } = await wh.one<{ credit: number }>(
    `SELECT coalesce(sum(amount), 0)::BIGINT AS credit FROM payment_allocations
      WHERE customer_id = $customer_id AND target = 'credit' AND paid_on <= CAST($as_of AS DATE)`,
    p,
  );
  const visits = await wh.query<LedgerVisit>(
    `SELECT strftime(visited_at, '%Y-%m-%d %H:%M') AS visited_at, team_id, collector_id, outcome, amount_collected,
            strftime(promise_date, '%Y-%m-%d') AS promise_date
       FROM visits
      WHERE customer_id = $customer_id AND CAST(visited_at AS DATE) <= CAST($as_of AS DATE) AND ${teamScopeSql('team_id')}
      ORDER BY visited_at, visit_id`,
    { ...p, ...teamParams(scope) },
  );
  return {
    as_of: asOf,
    customer: customers[0],
    arrears: overdue.reduce((sum, d) => sum + d.outstanding, 0),
    credit,
    overdue,
    lines,
    visits,
  };
}

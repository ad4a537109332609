/**
 * The follow-up of issued letters: what the listed customers owed overdue (arrears, CONTRACT §4) on
 * given days, from the warehouse, one row per customer and day (0 when they owed nothing). The
 * letters themselves live in the state store; the web layer joins the two. Built on owed.ts, with
 * the customers narrowed first so a handful of letters never scans every bill.
 */
import type { Warehouse } from '../warehouse/duckdb';
import { billOwedAsOfSql, billOwesAsOfSql, openingOwedAsOfSql, openingOwesAsOfSql } from './owed';

export interface CustomerArrearsOnDay {
  day: string;
  customer_id: string;
  arrears: number;
}

const DAY = 'CAST($day AS DATE)';

const ARREARS_OF_CUSTOMERS_SQL = `
  SELECT customer_id, sum(outstanding)::BIGINT AS arrears FROM (
    SELECT b.customer_id, ${billOwedAsOfSql('b', DAY)} AS outstanding
      FROM bill_balances b
     WHERE list_contains($customer_ids, b.customer_id) AND b.due_on < ${DAY} AND ${billOwesAsOfSql('b', DAY)}
    UNION ALL
    SELECT o.customer_id, ${openingOwedAsOfSql('o', DAY)}
      FROM opening_balances o
     WHERE list_contains($customer_ids, o.customer_id) AND ${openingOwesAsOfSql('o', DAY)})
   GROUP BY customer_id`;

/** Arrears of each customer on each day (days later than the warehouse's last day are left out). */
export async function arrearsOfCustomersOn(wh: Warehouse, { customerIds, days }: { customerIds: readonly string[]; days: readonly string[] }): Promise<CustomerArrearsOnDay[]> {
  const last = await lastDayInWarehouse(wh);
  const out: CustomerArrearsOnDay[] = [];
  if (customerIds.length === 0 || last === null) return out;
  for (const day of days) {
    if (day > last) continue;
    const rows = await wh.query<{ customer_id: string; arrears: number }>(ARREARS_OF_CUSTOMERS_SQL, { day, customer_ids: [...customerIds] });
    const owed = new Map(rows.map((r) => [r.customer_id, r.arrears]));
    for (const id of customerIds) out.push({ day, customer_id: id, arrears: owed.get(id) ?? 0 });
  }
  return out;
}

/** The last day the warehouse has data for: its latest bill issued or payment made. */
export async function lastDayInWarehouse(wh: Warehouse): Promise<string | null> {
  const { last } = await wh.one<{ last: string | null }>(
    `SELECT strftime(greatest((SELECT max(issued_on) FROM bill_balances), (SELECT max(paid_on) FROM payments)), '%Y-%m-%d') AS last`,
  );
  return last;
}

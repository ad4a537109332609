/**
 * Arrears as of any day, straight from the bills, opening balances and the allocation (not from the
 * monthly snapshots), so it can be checked against them. Shared by `npm run report` and the web API.
 */
import { AGE_BUCKETS, ageBucketSql, ageInMonthsSql } from '../../app/domain/aging';
import type { Warehouse } from '../warehouse/duckdb';

export type ArrearsGrouping = 'kecamatan' | 'desa' | 'tariff_class' | 'age';
export const ARREARS_GROUPINGS: readonly ArrearsGrouping[] = ['kecamatan', 'desa', 'tariff_class', 'age'];

export interface ArrearsRow {
  group: string;
  code: string | null;
  arrears: number;
  customers: number;
}

export interface ArrearsReport {
  as_of: string;
  by: ArrearsGrouping;
  total_arrears: number;
  customers: number;
  rows: ArrearsRow[];
}

const GROUP_SQL: Record<ArrearsGrouping, { group: string; code: string }> = {
  kecamatan: { group: 'a.kecamatan_name', code: 'a.kecamatan_code' },
  desa: { group: 'a.desa_name', code: 'a.desa_code' },
  tariff_class: { group: 'c.tariff_class', code: 'NULL' },
  age: { group: ageBucketSql('d.age'), code: 'NULL' },
};

/** Every debt outstanding and overdue as of $as_of, with its age in months. */
export const DEBTS_AS_OF_SQL = `
  WITH paid AS (
    SELECT bill_id, sum(amount) AS amount FROM payment_allocations
     WHERE target = 'bill' AND paid_on <= CAST($as_of AS DATE) GROUP BY bill_id),
  written AS (
    SELECT bill_id, sum(amount) AS amount FROM write_off_allocations
     WHERE target = 'bill' AND written_off_on <= CAST($as_of AS DATE) GROUP BY bill_id),
  opening_paid AS (
    SELECT customer_id, sum(amount) AS amount FROM payment_allocations
     WHERE target = 'opening' AND paid_on <= CAST($as_of AS DATE) GROUP BY customer_id),
  opening_written AS (
    SELECT customer_id, sum(amount) AS amount FROM write_off_allocations
     WHERE target = 'opening' AND written_off_on <= CAST($as_of AS DATE) GROUP BY customer_id)
  SELECT b.customer_id, ${ageInMonthsSql('CAST($as_of AS DATE)', 'b.due_on')} AS age,
         b.total_amount - coalesce(p.amount, 0) - coalesce(w.amount, 0) AS outstanding
    FROM bills b LEFT JOIN paid p USING (bill_id) LEFT JOIN written w USING (bill_id)
   WHERE b.due_on < CAST($as_of AS DATE)
  UNION ALL
  SELECT o.customer_id, ${ageInMonthsSql('CAST($as_of AS DATE)', `strptime(o.oldest_period || '-01', '%Y-%m-%d')`)},
         o.amount - coalesce(p.amount, 0) - coalesce(w.amount, 0)
    FROM opening_balances o LEFT JOIN opening_paid p USING (customer_id) LEFT JOIN opening_written w USING (customer_id)
   WHERE o.as_of <= CAST($as_of AS DATE)`;

export async function arrearsAsOf(wh: Warehouse, asOf: string, by: ArrearsGrouping): Promise<ArrearsReport> {
  const g = GROUP_SQL[by];
  const rows = await wh.query<{ grp: string; code: string | null; arrears: number; customers: number }>(
    `WITH debts AS (${DEBTS_AS_OF_SQL})
     SELECT ${g.group} AS grp, ${g.code} AS code, sum(d.outstanding)::BIGINT AS arrears,
            count(DISTINCT d.customer_id)::BIGINT AS customers
       FROM debts d JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
      WHERE d.outstanding <> 0
      GROUP BY ALL`,
    { as_of: asOf },
  );
  const total = await wh.one<{ arrears: number | null; customers: number }>(
    `WITH debts AS (${DEBTS_AS_OF_SQL})
     SELECT sum(outstanding)::BIGINT AS arrears, count(DISTINCT customer_id)::BIGINT AS customers
       FROM debts WHERE outstanding <> 0`,
    { as_of: asOf },
  );
  const order = (r: { grp: string }) => AGE_BUCKETS.findIndex((b) => b.label === r.grp);
  rows.sort((a, b) => (by === 'age' ? order(a) - order(b) : b.arrears - a.arrears || a.grp.localeCompare(b.grp)));
  return {
    as_of: asOf,
    by,
    total_arrears: total.arrears ?? 0,
    customers: total.customers,
    rows: rows.map((r) => ({ group: r.grp, code: r.code, arrears: r.arrears, customers: r.customers })),
  };
}

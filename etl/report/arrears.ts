/**
 * Arrears as of any day, straight from the bills, opening balances and the allocation (not from the
 * monthly snapshots), so it can be checked against them. Shared by `npm run report` and the web API.
 */
import { AGE_BUCKETS, ageBucketSql, ageInMonthsSql } from '../domain/aging';
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

/**
 * Every debt outstanding and overdue as of $as_of, with its age in months. A bill's outstanding as of
 * D is what it owes now plus what was applied to it after D; bills settled on or before D owe nothing
 * then and are skipped (bill_balances.settled_on), which is most of them.
 */
export const DEBTS_AS_OF_SQL = `
  WITH later_paid AS (
    SELECT bill_id, sum(amount) AS amount FROM payment_allocations
     WHERE target = 'bill' AND paid_on > CAST($as_of AS DATE) GROUP BY bill_id),
  later_written AS (
    SELECT bill_id, sum(amount) AS amount FROM write_off_allocations
     WHERE target = 'bill' AND written_off_on > CAST($as_of AS DATE) GROUP BY bill_id),
  opening_paid AS (
    SELECT customer_id, sum(amount) AS amount FROM payment_allocations
     WHERE target = 'opening' AND paid_on <= CAST($as_of AS DATE) GROUP BY customer_id),
  opening_written AS (
    SELECT customer_id, sum(amount) AS amount FROM write_off_allocations
     WHERE target = 'opening' AND written_off_on <= CAST($as_of AS DATE) GROUP BY customer_id)
  SELECT b.customer_id, ${ageInMonthsSql('CAST($as_of AS DATE)', 'b.due_on')} AS age,
         b.outstanding + coalesce(p.amount, 0) + coalesce(w.amount, 0) AS outstanding
    FROM bill_balances b LEFT JOIN later_paid p USING (bill_id) LEFT JOIN later_written w USING (bill_id)
   WHERE b.due_on < CAST($as_of AS DATE) AND (b.settled_on IS NULL OR b.settled_on > CAST($as_of AS DATE))
  UNION ALL
  SELECT o.customer_id, ${ageInMonthsSql('CAST($as_of AS DATE)', `strptime(o.oldest_period || '-01', '%Y-%m-%d')`)},
         o.amount - coalesce(p.amount, 0) - coalesce(w.amount, 0)
    FROM opening_balances o LEFT JOIN opening_paid p USING (customer_id) LEFT JOIN opening_written w USING (customer_id)
   WHERE o.as_of <= CAST($as_of AS DATE)`;

export async function arrearsAsOf(wh: Warehouse, asOf: string, by: ArrearsGrouping): Promise<ArrearsReport> {
  const g = GROUP_SQL[by];
  // One pass: the groups and the grand total (the empty grouping set) from the same debts.
  const rows = await wh.query<{ total: boolean; grp: string | null; code: string | null; arrears: number | null; customers: number }>(
    `WITH debts AS (${DEBTS_AS_OF_SQL})
     SELECT GROUPING(grp) = 1 AS total, grp, code, sum(outstanding)::BIGINT AS arrears,
            count(DISTINCT customer_id)::BIGINT AS customers
       FROM (SELECT d.customer_id, d.outstanding, ${g.group} AS grp, ${g.code} AS code
               FROM debts d JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
              WHERE d.outstanding <> 0)
      GROUP BY GROUPING SETS ((grp, code), ())`,
    { as_of: asOf },
  );
  const total = rows.find((r) => r.total);
  const groups = rows.filter((r) => !r.total) as { grp: string; code: string | null; arrears: number; customers: number }[];
  const order = (r: { grp: string }) => AGE_BUCKETS.findIndex((b) => b.label === r.grp);
  groups.sort((a, b) => (by === 'age' ? order(a) - order(b) : b.arrears - a.arrears || a.grp.localeCompare(b.grp)));
  return {
    as_of: asOf,
    by,
    total_arrears: total?.arrears ?? 0,
    customers: total?.customers ?? 0,
    rows: groups.map((r) => ({ group: r.grp, code: r.code, arrears: r.arrears, customers: r.customers })),
  };
}

/**
 * Arrears (tunggakan): as of any day straight from the bills (arrearsAsOf, what `npm run report --
 * arrears` prints), and at a month end from the monthly snapshots the ETL builds (arrearsAtMonthEnd,
 * arrearsByAge, arrearsTrend: milliseconds at a million customers). The snapshots equal the bills at
 * every month end (tests/integration/demo-truth.test.ts holds them to it); a filter the snapshots cannot
 * answer (a customer's total for minAmount, customers per age bucket) is answered from the bills.
 */
import { AGE_BUCKETS, ageBucketOrder } from '../domain/aging';
import { isCurrentBucket } from '../domain/kpi';
import { monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { FILTERED_DEBTS_SQL } from './debts';
import { conditionParams, filterConditionSql, filterParams, NO_FILTERS, type ArrearsFilters } from './filters';

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

/** The filters the monthly snapshots can answer (they keep neither customers' totals nor customers per age). */
export type SnapshotFilters = Omit<ArrearsFilters, 'minAmount' | 'age'>;

const GROUP_SQL: Record<ArrearsGrouping, { group: string; code: string }> = {
  kecamatan: { group: 'kecamatan_name', code: 'kecamatan_code' },
  desa: { group: 'desa_name', code: 'desa_code' },
  tariff_class: { group: 'tariff_class', code: 'NULL' },
  age: { group: 'age_bucket', code: 'NULL' },
};

/** Largest first, then by name; the age buckets in their order. */
function sortRows(by: ArrearsGrouping, rows: ArrearsRow[]): ArrearsRow[] {
  return rows.sort((a, b) =>
    by === 'age' ? ageBucketOrder(a.group) - ageBucketOrder(b.group) : b.arrears - a.arrears || a.group.localeCompare(b.group),
  );
}

/** Arrears as of any day from the bills, opening balances and the allocation, grouped and filtered. */
export async function arrearsAsOf(
  wh: Warehouse,
  { asOf, by, filters = NO_FILTERS }: { asOf: string; by: ArrearsGrouping; filters?: ArrearsFilters },
): Promise<ArrearsReport> {
  const g = GROUP_SQL[by];
  // One pass: the groups and the grand total (the empty grouping set) from the same debts.
  const rows = await wh.query<{ total: boolean; grp: string | null; code: string | null; arrears: number; customers: number }>(
    `WITH ${FILTERED_DEBTS_SQL}
     SELECT GROUPING(grp) = 1 AS total, grp, code, sum(outstanding)::BIGINT AS arrears,
            count(DISTINCT customer_id)::BIGINT AS customers
       FROM (SELECT d.customer_id, d.outstanding, d.${g.group} AS grp, ${g.code === 'NULL' ? 'NULL' : `d.${g.code}`} AS code
               FROM debts d JOIN kept USING (customer_id))
      GROUP BY GROUPING SETS ((grp, code), ())`,
    { as_of: asOf, ...filterParams(filters) },
  );
  const total = rows.find((r) => r.total);
  const groups = rows.filter((r) => !r.total).map((r) => ({ group: r.grp ?? '', code: r.code, arrears: r.arrears, customers: r.customers }));
  return { as_of: asOf, by, total_arrears: total?.arrears ?? 0, customers: total?.customers ?? 0, rows: sortRows(by, groups) };
}

/** The snapshot filters over a row of arrears_monthly / arrears_customers_monthly `s` joined to areas `a`. */
const snapshotCondition = (age: string) =>
  filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 's.desa_code', tariffClass: 's.tariff_class', status: 's.status', age });

/**
 * Arrears at the end of `month` (YYYY-MM), grouped and filtered: the same report as arrearsAsOf at that
 * month end, from the snapshots when they can answer it.
 */
export async function arrearsAtMonthEnd(
  wh: Warehouse,
  { month, by, filters = NO_FILTERS }: { month: string; by: ArrearsGrouping; filters?: ArrearsFilters },
): Promise<ArrearsReport> {
  if (by === 'age' || filters.minAmount !== undefined || filters.age !== undefined) {
    return arrearsAsOf(wh, { asOf: monthEnd(month), by, filters });
  }
  const g = GROUP_SQL[by];
  // tariff_class is on the snapshot row; the area's names and codes come from areas
  const group = g.code === 'NULL' ? `s.${g.group}` : `a.${g.group}`;
  const code = g.code === 'NULL' ? 'NULL::VARCHAR' : `a.${g.code}`;
  const rows = await wh.query<{ grp: string; code: string | null; arrears: number; customers: number }>(
    `WITH money AS (
       SELECT ${group} AS grp, ${code} AS code, sum(s.arrears) AS arrears
         FROM arrears_monthly s JOIN areas a USING (desa_code)
        WHERE s.month = $month AND ${snapshotCondition('s.age_bucket')}
        GROUP BY ALL),
     people AS (
       SELECT ${group} AS grp, ${code} AS code, sum(s.customers) AS customers
         FROM arrears_customers_monthly s JOIN areas a USING (desa_code)
        WHERE s.month = $month AND ${snapshotCondition('NULL')}
        GROUP BY ALL)
     SELECT m.grp, m.code, m.arrears::BIGINT AS arrears, coalesce(p.customers, 0)::BIGINT AS customers
       FROM money m LEFT JOIN people p ON p.grp = m.grp AND p.code IS NOT DISTINCT FROM m.code
      WHERE m.arrears <> 0`,
    { month, ...conditionParams(filters) },
  );
  const groups = rows.map((r) => ({ group: r.grp, code: r.code, arrears: r.arrears, customers: r.customers }));
  return {
    as_of: monthEnd(month),
    by,
    total_arrears: groups.reduce((s, r) => s + r.arrears, 0),
    customers: groups.reduce((s, r) => s + r.customers, 0),
    rows: sortRows(by, groups),
  };
}

export interface AgeRow {
  bucket: string;
  arrears: number;
}

/** Arrears by age bucket at the end of `month`, every bucket in order (zero where there is none). */
export async function arrearsByAge(wh: Warehouse, { month, filters = NO_FILTERS }: { month: string; filters?: ArrearsFilters }): Promise<AgeRow[]> {
  let found: AgeRow[];
  if (filters.minAmount !== undefined) {
    found = (await arrearsAsOf(wh, { asOf: monthEnd(month), by: 'age', filters })).rows.map((r) => ({ bucket: r.group, arrears: r.arrears }));
  } else {
    found = await wh.query<AgeRow>(
      `SELECT s.age_bucket AS bucket, sum(s.arrears)::BIGINT AS arrears
         FROM arrears_monthly s JOIN areas a USING (desa_code)
        WHERE s.month = $month AND ${snapshotCondition('s.age_bucket')}
        GROUP BY s.age_bucket`,
      { month, ...conditionParams(filters) },
    );
  }
  return AGE_BUCKETS.map((b) => ({ bucket: b.label, arrears: found.find((r) => r.bucket === b.label)?.arrears ?? 0 }));
}

export interface TrendPoint {
  month: string;
  /** arrears at the month end */
  arrears: number;
  /** the part overdue more than 12 months */
  legacy: number;
}

/** Arrears at every month end from `from` to `to` (YYYY-MM), with the legacy part, from the snapshots. */
export async function arrearsTrend(
  wh: Warehouse,
  { from, to, filters = NO_FILTERS }: { from: string; to: string; filters?: Omit<ArrearsFilters, 'minAmount'> },
): Promise<TrendPoint[]> {
  // the labels are the code's own constants, not a caller's text
  const legacy = AGE_BUCKETS.filter((b) => !isCurrentBucket(b.label)).map((b) => `'${b.label}'`);
  return wh.query<TrendPoint>(
    `WITH levels AS (
       SELECT s.month, sum(s.arrears) AS arrears, sum(s.arrears) FILTER (WHERE s.age_bucket IN (${legacy.join(', ')})) AS legacy
         FROM arrears_monthly s JOIN areas a USING (desa_code)
        WHERE s.month BETWEEN $from AND $to AND ${snapshotCondition('s.age_bucket')}
        GROUP BY s.month)
     SELECT m.month, coalesce(l.arrears, 0)::BIGINT AS arrears, coalesce(l.legacy, 0)::BIGINT AS legacy
       FROM months m LEFT JOIN levels l USING (month)
      WHERE m.month BETWEEN $from AND $to
      ORDER BY m.month`,
    { from, to, ...conditionParams(filters) },
  );
}

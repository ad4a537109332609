/**
 * The arrears drill-down's area levels at a month end: each kecamatan (or each desa/kelurahan) with its
 * arrears, customers in arrears and overdue bills, and the same split by age bucket, from
 * arrears_customer_month_end with every filter (minAmount on a customer's total after the others). The
 * customer level is customersInArrears (customers.ts) over the same table, so the levels add up.
 */
import { ageBucketOrder } from '../domain/aging';
import { monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { MONTH_END_DEBTS_SQL } from './debts';
import { conditionParams, filterConditionSql, filterParams, minAmountSql, NO_FILTERS, type ArrearsFilters } from './filters';

export type AreaLevel = 'kecamatan' | 'desa';
export const AREA_LEVELS: readonly AreaLevel[] = ['kecamatan', 'desa'];

export interface AreaArrearsRow {
  code: string;
  name: string;
  arrears: number;
  customers: number;
  /** overdue bills still owing (lembar) */
  bills: number;
}

export interface AreaAgeRow {
  code: string;
  bucket: string;
  arrears: number;
}

export interface AreaArrears {
  as_of: string;
  level: AreaLevel;
  total_arrears: number;
  customers: number;
  bills: number;
  /** largest first */
  rows: AreaArrearsRow[];
  /** every area's arrears by age bucket (buckets in order) */
  by_age: AreaAgeRow[];
}

const AREA_SQL: Record<AreaLevel, { code: string; name: string }> = {
  kecamatan: { code: 'kecamatan_code', name: 'kecamatan_name' },
  desa: { code: 'desa_code', name: 'desa_name' },
};

/** The areas of `level` with arrears at the end of `month` (YYYY-MM), after the filters. */
export async function arrearsByArea(
  wh: Warehouse,
  { month, level, filters = NO_FILTERS }: { month: string; level: AreaLevel; filters?: ArrearsFilters },
): Promise<AreaArrears> {
  const area = AREA_SQL[level];
  const params = { as_of: monthEnd(month), ...filterParams(filters) };
  // Each customer once, with their area: the areas' customers are then a count, not a DISTINCT over
  // every (customer, age bucket) row, and the minimum amount is a HAVING on the customer's total.
  const perCustomer = `WITH ${MONTH_END_DEBTS_SQL},
    per_customer AS (
      SELECT customer_id, ${area.code} AS code, ${area.name} AS name, sum(arrears) AS arrears, sum(bills) AS bills
        FROM month_debts GROUP BY ALL HAVING ${minAmountSql('sum(arrears)')})`;
  const groups = await wh.query<{ total: boolean; code: string | null; name: string | null; arrears: number; customers: number; bills: number }>(
    `${perCustomer}
     SELECT GROUPING(code) = 1 AS total, code, name, sum(arrears)::BIGINT AS arrears, count(*)::BIGINT AS customers, sum(bills)::BIGINT AS bills
       FROM per_customer GROUP BY GROUPING SETS ((code, name), ())`,
    params,
  );
  const byAge = await wh.query<AreaAgeRow>(
    filters.minAmount == null
      ? `WITH ${MONTH_END_DEBTS_SQL} SELECT ${area.code} AS code, age_bucket AS bucket, sum(arrears)::BIGINT AS arrears FROM month_debts GROUP BY ALL`
      : `${perCustomer} SELECT d.${area.code} AS code, d.age_bucket AS bucket, sum(d.arrears)::BIGINT AS arrears
           FROM month_debts d SEMI JOIN per_customer p USING (customer_id) GROUP BY ALL`,
    params,
  );
  const total = groups.find((g) => g.total);
  const rows = groups
    .filter((g) => !g.total)
    .map((g) => ({ code: g.code ?? '', name: g.name ?? '', arrears: g.arrears, customers: g.customers, bills: g.bills }))
    .sort((a, b) => b.arrears - a.arrears || a.code.localeCompare(b.code));
  return {
    as_of: monthEnd(month),
    level,
    total_arrears: total?.arrears ?? 0,
    customers: total?.customers ?? 0,
    bills: total?.bills ?? 0,
    rows,
    by_age: byAge.sort((a, b) => a.code.localeCompare(b.code) || ageBucketOrder(a.bucket) - ageBucketOrder(b.bucket)),
  };
}

export interface AreaOnlineShare {
  code: string;
  /** online payments' share of the amount paid, a ratio; null when nothing was paid */
  online_share: number | null;
}

/**
 * The share of the amount paid through online channels in each area of `level`, months `from` … `to`
 * (completed payments, payments_monthly); the area filters apply, the debt filters do not (a payment is
 * not aged).
 */
export async function onlineShareByArea(
  wh: Warehouse,
  { from, to, level, filters = NO_FILTERS }: { from: string; to: string; level: AreaLevel; filters?: Pick<ArrearsFilters, 'kecamatan' | 'desa'> },
): Promise<AreaOnlineShare[]> {
  const area = AREA_SQL[level];
  const condition = filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'a.desa_code', tariffClass: 'NULL', status: 'NULL', age: 'NULL' });
  return wh.query<AreaOnlineShare>(
    `SELECT a.${area.code} AS code,
            CASE WHEN sum(p.amount) > 0 THEN coalesce(sum(p.amount) FILTER (WHERE c.online), 0) / sum(p.amount) END::DOUBLE AS online_share
       FROM payments_monthly p JOIN areas a USING (desa_code) LEFT JOIN channels c USING (channel_code)
      WHERE p.month BETWEEN $from AND $to AND ${condition}
      GROUP BY ALL ORDER BY code`,
    { from, to, ...conditionParams({ kecamatan: filters.kecamatan, desa: filters.desa }) },
  );
}

export interface FilterChoices {
  kecamatan: { code: string; name: string }[];
  desa: { code: string; name: string; kecamatan_code: string }[];
  tariff_classes: string[];
}

/** What the drill-down's filters can choose from: the areas by name, and the customers' tariff classes. */
export async function arrearsFilterChoices(wh: Warehouse): Promise<FilterChoices> {
  const desa = await wh.query<{ code: string; name: string; kecamatan_code: string; kecamatan_name: string }>(
    `SELECT desa_code AS code, desa_name AS name, kecamatan_code, kecamatan_name FROM areas ORDER BY kecamatan_name, desa_name`,
  );
  const tariffs = await wh.query<{ tariff_class: string }>(`SELECT DISTINCT tariff_class FROM customers ORDER BY tariff_class`);
  const kecamatan = new Map(desa.map((d) => [d.kecamatan_code, d.kecamatan_name]));
  return {
    kecamatan: [...kecamatan].map(([code, name]) => ({ code, name })),
    desa: desa.map(({ code, name, kecamatan_code }) => ({ code, name, kecamatan_code })),
    tariff_classes: tariffs.map((t) => t.tariff_class),
  };
}

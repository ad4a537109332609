/**
 * The arrears drill-down's area levels at a month end: each kecamatan (or each desa/kelurahan) with its
 * arrears, customers in arrears and overdue bills, and the same split by age bucket, from
 * arrears_customer_month_end with every filter (minAmount on a customer's total after the others), or
 * from its sums by area (arrears_area_month_end) when no minimum amount asks for customers' totals. The
 * customer level is customersInArrears (customers.ts) over the same table, so the levels add up.
 */
import { ageBucketOrder } from '../domain/aging';
import { monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { MONTH_END_CUSTOMERS_SQL, MONTH_END_DEBTS_SQL } from './debts';
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

interface AreaColumns {
  code: string;
  name: string;
}

const AREA_SQL: Record<AreaLevel, AreaColumns> = {
  kecamatan: { code: 'kecamatan_code', name: 'kecamatan_name' },
  desa: { code: 'desa_code', name: 'desa_name' },
};

/** An area level's figures before sorting: the groups (and their grand total, `total`) and the arrears by age. */
interface LevelQueries {
  groups: { total: boolean; code: string | null; name: string | null; arrears: number; customers: number; bills: number }[];
  byAge: AreaAgeRow[];
}

/**
 * With a minimum amount, from every customer of the month (the amount is a condition on a customer's
 * total): each customer once, with their area, so the areas' customers are a count. Without an age
 * filter a customer's total is a row of arrears_customer_total_month_end; with one, the sum of the
 * customer's rows of that bucket.
 */
async function levelFromCustomers(wh: Warehouse, area: AreaColumns, asOf: string, filters: ArrearsFilters, ages: boolean): Promise<LevelQueries> {
  const params = { as_of: asOf, ...filterParams(filters) };
  const perCustomer =
    filters.age === undefined
      ? `WITH ${MONTH_END_CUSTOMERS_SQL}, ${MONTH_END_DEBTS_SQL},
    per_customer AS (SELECT customer_id, ${area.code} AS code, ${area.name} AS name, arrears, bills FROM month_customers)`
      : `WITH ${MONTH_END_DEBTS_SQL},
    per_customer AS (
      SELECT customer_id, ${area.code} AS code, ${area.name} AS name, sum(arrears) AS arrears, sum(bills) AS bills
        FROM month_debts GROUP BY ALL HAVING ${minAmountSql('sum(arrears)')})`;
  const groups = await wh.query<LevelQueries['groups'][number]>(
    `${perCustomer}
     SELECT GROUPING(code) = 1 AS total, code, name, sum(arrears)::BIGINT AS arrears, count(*)::BIGINT AS customers, sum(bills)::BIGINT AS bills
       FROM per_customer GROUP BY GROUPING SETS ((code, name), ())`,
    params,
  );
  const byAge = ages
    ? await wh.query<AreaAgeRow>(
        `${perCustomer} SELECT d.${area.code} AS code, d.age_bucket AS bucket, sum(d.arrears)::BIGINT AS arrears
           FROM month_debts d SEMI JOIN per_customer p USING (customer_id) GROUP BY ALL`,
        params,
      )
    : [];
  return { groups, byAge };
}

/**
 * Without one, from arrears_area_month_end (the same table summed at load): the age filter picks a
 * bucket's rows, no age filter the every-age rows (age_bucket NULL), which count a customer once.
 */
async function levelFromAreas(wh: Warehouse, area: AreaColumns, asOf: string, filters: ArrearsFilters, ages: boolean): Promise<LevelQueries> {
  const params = { as_of: asOf, ...conditionParams(filters) };
  const condition = filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 's.desa_code', tariffClass: 's.tariff_class', status: 's.status', age: 's.age_bucket' });
  const groups = await wh.query<LevelQueries['groups'][number]>(
    `SELECT GROUPING(code) = 1 AS total, code, name, sum(arrears)::BIGINT AS arrears, sum(customers)::BIGINT AS customers, sum(bills)::BIGINT AS bills
       FROM (SELECT a.${area.code} AS code, a.${area.name} AS name, s.arrears, s.customers, s.bills
               FROM arrears_area_month_end s JOIN areas a USING (desa_code)
              WHERE s.month = strftime(CAST($as_of AS DATE), '%Y-%m') AND ${condition}
                AND (s.age_bucket IS NULL) = (CAST($f_age AS VARCHAR) IS NULL))
      GROUP BY GROUPING SETS ((code, name), ())`,
    params,
  );
  const byAge = ages
    ? await wh.query<AreaAgeRow>(
        `SELECT a.${area.code} AS code, s.age_bucket AS bucket, sum(s.arrears)::BIGINT AS arrears
           FROM arrears_area_month_end s JOIN areas a USING (desa_code)
          WHERE s.month = strftime(CAST($as_of AS DATE), '%Y-%m') AND ${condition} AND s.age_bucket IS NOT NULL
          GROUP BY ALL`,
        params,
      )
    : [];
  return { groups, byAge };
}

/** Where a level's figures come from: every customer of the month, or their sums by area. */
export type AreaSource = 'customers' | 'areas';

/** The areas of `level` with arrears at the end of `month` (YYYY-MM), after the filters. */
export async function arrearsByArea(
  wh: Warehouse,
  {
    month,
    level,
    filters = NO_FILTERS,
    source = filters.minAmount == null ? 'areas' : 'customers',
    ages = true,
  }: {
    month: string;
    level: AreaLevel;
    filters?: ArrearsFilters;
    /** default: the sums by area when they can answer */
    source?: AreaSource;
    /** false: leave by_age empty (a comparison month needs only the areas' arrears) */
    ages?: boolean;
  },
): Promise<AreaArrears> {
  if (source === 'areas' && filters.minAmount != null) throw new RangeError('the sums by area cannot answer a minimum amount of a customer\'s total');
  const area = AREA_SQL[level];
  const { groups, byAge } = await (source === 'areas' ? levelFromAreas : levelFromCustomers)(wh, area, monthEnd(month), filters, ages);
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

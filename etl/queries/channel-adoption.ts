/**
 * Online adoption (CONTRACT §4, Channels): payments by channel and by category per month, the online
 * share per kecamatan (or the desa of one kecamatan) per month, the adoption cohorts with retention
 * and the migration of customers' main channel category between two years. All from derived tables.
 */
import { RETENTION_OFFSETS } from '../domain/channel-rules';
import type { Warehouse } from '../warehouse/duckdb';

export interface SeriesRow {
  month: string;
  /** a channel code, or a category */
  key: string;
  online: boolean;
  payments: number;
  amount: number;
}

export interface HeatCell {
  month: string;
  code: string;
  name: string;
  payments: number;
  online_payments: number;
  amount: number;
  online_amount: number;
}

export interface CohortFigures {
  month: string;
  customers: number;
  /** share of the cohort paying online again 3, 6 and 12 months later; null while that month is not in the data */
  retention_3: number | null;
  retention_6: number | null;
  retention_12: number | null;
}

export interface MigrationCell {
  from_category: string;
  to_category: string;
  customers: number;
}

export interface Adoption {
  from: string;
  to: string;
  kecamatan: string | null;
  by_channel: SeriesRow[];
  by_category: SeriesRow[];
  /** per kecamatan, or per desa of `kecamatan` when one is given */
  heatmap: HeatCell[];
  cohorts: CohortFigures[];
  migration: { year_a: number; year_b: number; cells: MigrationCell[] };
}

export interface AdoptionInput {
  from: string;
  to: string;
  /** a kecamatan code: the series, heatmap (its desa) and cohorts of that kecamatan only */
  kecamatan?: string | null;
  /** the migration's two years (default: the years of `from` and `to`) */
  yearA?: number;
  yearB?: number;
}

const AREA = `($kecamatan IS NULL OR p.desa_code LIKE $kecamatan || '.%')`;

export async function channelAdoption(wh: Warehouse, input: AdoptionInput): Promise<Adoption> {
  const kecamatan = input.kecamatan ?? null;
  const params = { from: input.from, to: input.to, kecamatan };
  const yearA = input.yearA ?? Number(input.from.slice(0, 4));
  const yearB = input.yearB ?? Number(input.to.slice(0, 4));
  const series = (key: string) =>
    wh.query<SeriesRow>(
      `SELECT p.month, ${key} AS key, bool_or(c.online) AS online, sum(p.payments)::BIGINT AS payments, sum(p.amount)::BIGINT AS amount
         FROM payments_monthly p JOIN channels c USING (channel_code)
        WHERE p.month BETWEEN $from AND $to AND ${AREA}
        GROUP BY ALL ORDER BY p.month, key`,
      params,
    );
  const [by_channel, by_category, heatmap, cohorts, migration] = await Promise.all([
    series('c.channel_code'),
    series('c.category'),
    wh.query<HeatCell>(
      `SELECT p.month, ${kecamatan ? 'a.desa_code' : 'a.kecamatan_code'} AS code, any_value(${kecamatan ? 'a.desa_name' : 'a.kecamatan_name'}) AS name,
              sum(p.payments)::BIGINT AS payments, coalesce(sum(p.payments) FILTER (WHERE c.online), 0)::BIGINT AS online_payments,
              sum(p.amount)::BIGINT AS amount, coalesce(sum(p.amount) FILTER (WHERE c.online), 0)::BIGINT AS online_amount
         FROM payments_monthly p JOIN channels c USING (channel_code) JOIN areas a USING (desa_code)
        WHERE p.month BETWEEN $from AND $to AND ${AREA}
        GROUP BY ALL ORDER BY code, p.month`,
      params,
    ),
    wh.query<CohortFigures>(
      `WITH last AS (SELECT max(month) AS last FROM months)
       SELECT o.month, sum(o.customers)::BIGINT AS customers,
              ${RETENTION_OFFSETS.map(
                (k) => `CASE WHEN strftime(strptime(o.month || '-01', '%Y-%m-%d') + INTERVAL ${k} MONTH, '%Y-%m') > any_value(l.last) THEN NULL
                    ELSE sum(o.kept_${k}) / sum(o.customers) END AS retention_${k}`,
              ).join(',\n              ')}
         FROM online_cohorts o, last l
        WHERE o.month BETWEEN $from AND $to AND ($kecamatan IS NULL OR o.kecamatan_code = $kecamatan)
        GROUP BY o.month ORDER BY o.month`,
      params,
    ),
    wh.query<MigrationCell>(
      `SELECT from_category, to_category, sum(customers)::BIGINT AS customers
         FROM channel_migration
        WHERE year_a = $yearA AND year_b = $yearB AND ($kecamatan IS NULL OR desa_code LIKE $kecamatan || '.%')
        GROUP BY ALL ORDER BY from_category, to_category`,
      { yearA, yearB, kecamatan },
    ),
  ]);
  return { from: input.from, to: input.to, kecamatan, by_channel, by_category, heatmap, cohorts, migration: { year_a: yearA, year_b: yearB, cells: migration } };
}

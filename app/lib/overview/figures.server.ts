/**
 * The overview's figures (Ringkasan) for one as-of month: what the page shows and the API serves,
 * assembled from the named queries (etl/queries) and the KPI arithmetic (etl/domain: kpi.ts,
 * provision.ts). Every figure is read from the monthly snapshots and the small tables the ETL
 * precomputes, so a month costs milliseconds at a million customers; the tests hold those to the same
 * figures computed from the bills (`npm run report -- arrears|movement`).
 *
 * A warehouse file never changes under an open instance (loads swap in a new file), so the figures of
 * a month are computed once per file and month and then served from memory (WarehouseFile.cached).
 */
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import {
  change,
  collectionEffectiveness,
  daysReceivable,
  isCurrentBucket,
  onlineShare,
  receivables,
  splitCurrentLegacy,
  type Change,
  type Effectiveness,
  type Score,
} from '../../../etl/domain/kpi';
import { addMonths, monthEnd } from '../../../etl/domain/period';
import { provisionForArrears } from '../../../etl/domain/provision';
import { kecamatanCentroids } from '../../../etl/queries/areas';
import { arrearsAtMonthEnd, arrearsByAge, arrearsTrend, type TrendPoint } from '../../../etl/queries/arrears';
import { channelPayments } from '../../../etl/queries/channels';
import { arrearsMovement, type MovementReport } from '../../../etl/queries/movement';
import { billingYear, notYetDueAtMonthEnd } from '../../../etl/queries/receivables';
import type { Warehouse } from '../../../etl/warehouse/duckdb';
import { withWarehouse, type WarehouseFile } from '../warehouse.server';
import { assessReductionTarget, reductionTarget, type TargetFigures } from './target.server';

export type { TargetFigures, TrendPoint };

/** The trend starts here (the digital billing history and online payments begin in 2012). */
export const TREND_FROM = '2012-01';

export interface EffectivenessFigure {
  collected: number;
  ratio: number | null;
  score: Score | null;
}

const effectiveness = ({ collected, ratio, score }: Effectiveness): EffectivenessFigure => ({ collected, ratio, score });

export interface LevelChange extends Change {
  /** the month whose end the comparison is with */
  month: string;
}

export interface OverviewFigures {
  as_of: string;
  month_end: string;
  total_arrears: number;
  customers_in_arrears: number;
  vs_previous_month: LevelChange | null;
  vs_start_of_year: LevelChange | null;
  current_arrears: number;
  legacy_arrears: number;
  receivables: { total: number; arrears: number; not_yet_due: number };
  /** provision for doubtful receivables (the lines are in by_age) */
  provision: number;
  collection_effectiveness: {
    from: string;
    to: string;
    billed: number;
    own_bills: EffectivenessFigure;
    all_receipts: EffectivenessFigure;
  };
  days_receivable: {
    receivables: number;
    sales_billed: number;
    sales_months: number;
    annual_water_sales: number;
    days: number | null;
    score: Score | null;
  };
  online_share: {
    payments: number;
    online_payments: number;
    amount: number;
    online_amount: number;
    by_count: number | null;
    by_value: number | null;
  };
  movement:
    | (Omit<MovementReport, 'recovered_by_channel'> & {
        recovered_by_category: { category: string; recovered: number }[];
        recovered_by_channel: MovementReport['recovered_by_channel'];
      })
    | null;
  by_kecamatan: { code: string; name: string; arrears: number; customers: number; latitude: number | null; longitude: number | null }[];
  by_age: { bucket: string; arrears: number; current: boolean; provision_percent: number; provision: number }[];
  trend: TrendPoint[];
  /** the monthly snapshots agree with each other (they must) */
  checks: { movement_closing_equals_total_arrears: boolean | null; age_buckets_add_up_to_total_arrears: boolean };
}

export interface Overview extends OverviewFigures {
  target: TargetFigures | null;
}

function levelChange(trend: readonly TrendPoint[], month: string, to: number): LevelChange | null {
  const point = trend.find((p) => p.month === month);
  return point ? { month, ...change(point.arrears, to) } : null;
}

/** Recovered arrears by channel category, largest first. */
function byCategory(channels: MovementReport['recovered_by_channel']): { category: string; recovered: number }[] {
  const categories = new Map<string, number>();
  for (const r of channels) categories.set(r.category, (categories.get(r.category) ?? 0) + r.recovered);
  return [...categories.entries()]
    .map(([category, recovered]) => ({ category, recovered }))
    .sort((a, b) => b.recovered - a.recovered || a.category.localeCompare(b.category));
}

/** Every figure of the overview for `month` (YYYY-MM), straight from the warehouse. */
export async function computeOverview(wh: Warehouse, month: string): Promise<OverviewFigures> {
  // One connection: the queries run one after the other (DuckDB parallelises each of them).
  const byKecamatan = await arrearsAtMonthEnd(wh, { month, by: 'kecamatan' });
  const ageRows = await arrearsByAge(wh, { month });
  const movement = await arrearsMovement(wh, { month });
  const trend = await arrearsTrend(wh, { from: TREND_FROM < month ? TREND_FROM : month, to: month });
  const notYetDue = await notYetDueAtMonthEnd(wh, { month });
  const year = await billingYear(wh, { month });
  const channels = await channelPayments(wh, { from: month, to: month });
  const places = new Map((await kecamatanCentroids(wh)).map((p) => [p.code, p]));

  const total = byKecamatan.total_arrears;
  const split = splitCurrentLegacy(ageRows);
  const provision = provisionForArrears(ageRows);
  const rec = receivables(total, notYetDue.amount);
  const days = daysReceivable(rec.total, year.billed, year.months);
  const online = onlineShare(channels.rows);

  return {
    as_of: month,
    month_end: monthEnd(month),
    total_arrears: total,
    customers_in_arrears: byKecamatan.customers,
    vs_previous_month: levelChange(trend, addMonths(month, -1), total),
    vs_start_of_year: levelChange(trend, `${Number(month.slice(0, 4)) - 1}-12`, total),
    current_arrears: split.current,
    legacy_arrears: split.legacy,
    receivables: { total: rec.total, arrears: rec.arrears, not_yet_due: rec.notYetDue },
    provision: provision.total,
    collection_effectiveness: {
      from: year.from,
      to: year.to,
      billed: year.billed,
      own_bills: effectiveness(collectionEffectiveness(year.collectedOwnBills, year.billed)),
      all_receipts: effectiveness(collectionEffectiveness(year.collectedAllReceipts, year.billed)),
    },
    days_receivable: {
      receivables: days.receivables,
      sales_billed: year.billed,
      sales_months: year.months,
      annual_water_sales: days.annualSales,
      days: days.days,
      score: days.score,
    },
    online_share: {
      payments: online.payments,
      online_payments: online.onlinePayments,
      amount: online.amount,
      online_amount: online.onlineAmount,
      by_count: online.byCount,
      by_value: online.byValue,
    },
    movement: movement ? { ...movement, recovered_by_category: byCategory(movement.recovered_by_channel) } : null,
    by_kecamatan: byKecamatan.rows.map((r) => {
      const place = r.code ? places.get(r.code) : undefined;
      return {
        code: r.code ?? '',
        name: r.group,
        arrears: r.arrears,
        customers: r.customers,
        latitude: place?.latitude ?? null,
        longitude: place?.longitude ?? null,
      };
    }),
    by_age: AGE_BUCKETS.map((b) => {
      const line = provision.lines.find((l) => l.bucket === b.label)!;
      return {
        bucket: b.label,
        arrears: ageRows.find((r) => r.bucket === b.label)?.arrears ?? 0,
        current: isCurrentBucket(b.label),
        provision_percent: line.percent,
        provision: line.provision,
      };
    }),
    trend,
    checks: {
      movement_closing_equals_total_arrears: movement ? movement.closing === total : null,
      age_buckets_add_up_to_total_arrears: split.total === total,
    },
  };
}

/** computeOverview, once per warehouse file and month. */
export function overviewFigures(file: WarehouseFile, month: string): Promise<OverviewFigures> {
  return file.cached(`overview:${month}`, () => computeOverview(file.wh, month));
}

/** The figures with the admin's reduction target assessed against their trend (settings may change any time). */
export function withTarget(figures: OverviewFigures, target: Awaited<ReturnType<typeof reductionTarget>>): Overview {
  return { ...figures, target: target ? assessReductionTarget(figures.trend, target, figures.as_of) : null };
}

/** The overview of `month` as the API serves it: the cached figures and the current target. */
export async function loadOverview(month: string): Promise<Overview> {
  const [figures, target] = await Promise.all([withWarehouse((_, file) => overviewFigures(file, month)), reductionTarget()]);
  return withTarget(figures, target);
}

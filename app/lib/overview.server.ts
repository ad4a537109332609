/**
 * The overview's figures (Ringkasan) for one as-of month: what the page shows and the API serves.
 *
 * Totals come from the report command's own query functions (etl/report: arrearsAsOf, arrearsMovement,
 * channelPayments), so the overview equals `npm run report` for the same month by construction. The few
 * figures the report does not print have a named query here, with bound parameters:
 *   arrearsTrend       arrears (and the legacy part) at every month end since 2012
 *   arrearsByAge       arrears by age bucket at a month end, from the monthly snapshot
 *   notYetDueAsOf      outstanding of issued bills not yet due (receivables − arrears)
 *   billingYear        bills issued in the 12 months to the month end and what was collected
 *   kecamatanCentroids the kecamatan and the mean of their desa's coordinates (map bubbles)
 * The KPI arithmetic is in etl/domain (kpi.ts, provision.ts, projection.ts).
 *
 * A warehouse file never changes under an open instance (loads swap in a new file), so the figures of
 * a month are computed once per file and month and then served from memory: kept with the open file
 * by the warehouse gateway (WarehouseFile.cached), dropped when a load replaces it.
 */
import { readFile, stat } from 'node:fs/promises';
import { AGE_BUCKETS } from '../../etl/domain/aging';
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
} from '../../etl/domain/kpi';
import { addMonths, monthEnd } from '../../etl/domain/period';
import { assessTarget, type ReductionTarget, type TargetAssessment } from '../../etl/domain/projection';
import { provisionForArrears } from '../../etl/domain/provision';
import { arrearsAsOf, type ArrearsReport } from '../../etl/report/arrears';
import { channelPayments } from '../../etl/report/channels';
import { arrearsMovement, type MovementReport } from '../../etl/report/movement';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { readSettings } from './settings.server';
import { withWarehouse, type WarehouseFile } from './warehouse.server';

/** The trend starts here (the digital billing history and online payments begin in 2012). */
export const TREND_FROM = '2012-01';

const LEGACY_BUCKETS = AGE_BUCKETS.filter((b) => !isCurrentBucket(b.label)).map((b) => `'${b.label}'`);

// ---------------------------------------------------------------------------------------------------
// Named queries

export interface TrendPoint {
  month: string;
  /** arrears at the month end (arrears_movement.closing) */
  arrears: number;
  /** the part overdue more than 12 months */
  legacy: number;
}

/** Arrears at every month end from `from` to `to`, with the legacy part (age buckets over 12 months). */
export async function arrearsTrend(wh: Warehouse, { from, to }: { from: string; to: string }): Promise<TrendPoint[]> {
  return wh.query<TrendPoint & Record<string, number | string>>(
    `WITH legacy AS (
       SELECT month, sum(arrears) AS legacy
         FROM arrears_monthly
        WHERE month BETWEEN $from AND $to AND age_bucket IN (${LEGACY_BUCKETS.join(', ')})
        GROUP BY month)
     SELECT m.month, m.closing AS arrears, coalesce(l.legacy, 0)::BIGINT AS legacy
       FROM arrears_movement m LEFT JOIN legacy l USING (month)
      WHERE m.month BETWEEN $from AND $to
      ORDER BY m.month`,
    { from, to }
  );
}

/**
 * Arrears by age bucket at the end of `month` from the monthly snapshot (arrears_monthly). The same
 * figures as `npm run report -- arrears --as-of <month end> --by age`, which computes them from the
 * bills (the ETL's tests hold the snapshot to that), in milliseconds instead of a scan of every bill;
 * computeOverview checks that the buckets add up to arrearsAsOf's total.
 */
export async function arrearsByAge(wh: Warehouse, { month }: { month: string }): Promise<{ bucket: string; arrears: number }[]> {
  return wh.query<{ bucket: string; arrears: number }>(
    `SELECT age_bucket AS bucket, sum(arrears)::BIGINT AS arrears
       FROM arrears_monthly WHERE month = $month
      GROUP BY age_bucket HAVING sum(arrears) <> 0`,
    { month }
  );
}

export interface NotYetDue {
  amount: number;
  bills: number;
}

/**
 * Bills issued on or before $as_of whose due date is on or after it (not overdue: arrears take
 * due_on < as_of, see DEBTS_AS_OF_SQL), less what was paid or written off on them by $as_of.
 */
export async function notYetDueAsOf(wh: Warehouse, { asOf }: { asOf: string }): Promise<NotYetDue> {
  return wh.one<NotYetDue & Record<string, number>>(
    `WITH open_bills AS (
       SELECT bill_id, total_amount FROM bills
        WHERE issued_on <= CAST($as_of AS DATE) AND due_on >= CAST($as_of AS DATE)),
     paid AS (
       SELECT a.bill_id, sum(a.amount) AS amount
         FROM payment_allocations a JOIN open_bills USING (bill_id)
        WHERE a.target = 'bill' AND a.paid_on <= CAST($as_of AS DATE) GROUP BY a.bill_id),
     written AS (
       SELECT w.bill_id, sum(w.amount) AS amount
         FROM write_off_allocations w JOIN open_bills USING (bill_id)
        WHERE w.target = 'bill' AND w.written_off_on <= CAST($as_of AS DATE) GROUP BY w.bill_id)
     SELECT coalesce(sum(b.total_amount - coalesce(p.amount, 0) - coalesce(w.amount, 0)), 0)::BIGINT AS amount,
            count(*) FILTER (WHERE b.total_amount - coalesce(p.amount, 0) - coalesce(w.amount, 0) <> 0)::BIGINT AS bills
       FROM open_bills b LEFT JOIN paid p USING (bill_id) LEFT JOIN written w USING (bill_id)`,
    { as_of: asOf }
  );
}

export interface BillingYear {
  /** first day of the window (the 1st of the month 11 months before the as-of month) */
  from: string;
  /** the as-of month end */
  to: string;
  /** Σ total_amount of bills issued in [from, to]: the water sales billed */
  billed: number;
  /** months of the window that have bills issued (12 once the warehouse is a year old) */
  months: number;
  /** receipts dated ≤ to applied to those same bills */
  collectedOwnBills: number;
  /** every receipt dated in [from, to] applied to any bill or opening balance */
  collectedAllReceipts: number;
}

/** The twelve months of billing to the as-of month end, and what was collected (both variants). */
export async function billingYear(wh: Warehouse, { month }: { month: string }): Promise<BillingYear> {
  const from = `${addMonths(month, -11)}-01`;
  const to = monthEnd(month);
  const row = await wh.one<{ billed: number; months: number; own: number; all_receipts: number }>(
    `WITH billed AS (
       SELECT bill_id, total_amount, issued_on FROM bills
        WHERE issued_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)),
     own AS (
       SELECT coalesce(sum(a.amount), 0) AS amount
         FROM payment_allocations a JOIN billed USING (bill_id)
        WHERE a.target = 'bill' AND a.paid_on <= CAST($to AS DATE)),
     all_receipts AS (
       SELECT coalesce(sum(amount), 0) AS amount
         FROM payment_allocations
        WHERE target IN ('bill', 'opening') AND paid_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE))
     SELECT coalesce((SELECT sum(total_amount) FROM billed), 0)::BIGINT AS billed,
            (SELECT count(DISTINCT date_trunc('month', issued_on)) FROM billed)::BIGINT AS months,
            (SELECT amount FROM own)::BIGINT AS own,
            (SELECT amount FROM all_receipts)::BIGINT AS all_receipts`,
    { from, to }
  );
  return { from, to, billed: row.billed, months: row.months, collectedOwnBills: row.own, collectedAllReceipts: row.all_receipts };
}

export interface KecamatanPlace {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** Every kecamatan with the mean coordinates of its desa (their centroids), for the bubble map. */
export async function kecamatanCentroids(wh: Warehouse): Promise<KecamatanPlace[]> {
  return wh.query<KecamatanPlace & Record<string, string | number | null>>(
    `SELECT kecamatan_code AS code, any_value(kecamatan_name) AS name,
            avg(latitude) AS latitude, avg(longitude) AS longitude
       FROM areas GROUP BY kecamatan_code ORDER BY kecamatan_code`
  );
}

/** [lon, lat] of every desa with coordinates (the faint backdrop of the bubble map), once per warehouse file. */
export function desaPoints(file: WarehouseFile): Promise<[number, number][]> {
  return file.cached('desa-points', async () =>
    (
      await file.wh.query<{ lon: number; lat: number }>(
        `SELECT round(longitude, 4) AS lon, round(latitude, 4) AS lat FROM areas
          WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY desa_code`
      )
    ).map((r) => [r.lon, r.lat] as [number, number])
  );
}

export interface DesaPlace {
  code: string;
  name: string;
  type: string;
}

/** The desa and kelurahan of one kecamatan. */
export async function desaOfKecamatan(wh: Warehouse, { kecamatan }: { kecamatan: string }): Promise<{ name: string | null; desa: DesaPlace[] }> {
  const desa = await wh.query<DesaPlace & { kecamatan_name: string }>(
    `SELECT desa_code AS code, desa_name AS name, desa_type AS type, kecamatan_name
       FROM areas WHERE kecamatan_code = $kecamatan ORDER BY desa_name`,
    { kecamatan }
  );
  return { name: desa[0]?.kecamatan_name ?? null, desa: desa.map(({ code, name, type }) => ({ code, name, type })) };
}

// ---------------------------------------------------------------------------------------------------
// The overview

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
  /** the monthly snapshots agree with the arrears computed from the bills (they must) */
  checks: { movement_closing_equals_total_arrears: boolean | null; age_buckets_add_up_to_total_arrears: boolean };
}

export interface TargetFigures {
  percent: number;
  by_date: string;
  base_month: string;
  /** arrears at the end of base_month */
  base_arrears: number | null;
  /** the last month end on or before by_date */
  target_month: string;
  /** base_arrears × (1 − percent ÷ 100), whole rupiah */
  target_arrears: number | null;
  status: TargetAssessment['status'];
  /** least-squares slope of the last 12 month ends up to as_of, rupiah per month */
  slope_per_month: number | null;
  /** the trend at target_month (the actual arrears once target_month is past) */
  projected: number | null;
  /** projected − target_arrears (positive: short of the target) */
  gap: number | null;
  /** when the falling trend reaches target_arrears */
  reach_month: string | null;
  target_line: { month: string; value: number }[];
  projection_line: { month: string; value: number }[];
}

export interface Overview extends OverviewFigures {
  target: TargetFigures | null;
}

function levelChange(trend: readonly TrendPoint[], month: string, to: number): LevelChange | null {
  const point = trend.find((p) => p.month === month);
  return point ? { month, ...change(point.arrears, to) } : null;
}

/** Every figure of the overview for `month` (YYYY-MM), straight from the warehouse. */
export async function computeOverview(wh: Warehouse, month: string): Promise<OverviewFigures> {
  const asOf = monthEnd(month);
  // One connection: the queries run one after the other (DuckDB parallelises each of them).
  // arrearsAsOf (the report's query, straight from the bills) is by far the slowest: once, for the
  // total, the customers and the kecamatan; the age split comes from the snapshot and is checked.
  const byKecamatan: ArrearsReport = await arrearsAsOf(wh, asOf, 'kecamatan');
  const ageRows = await arrearsByAge(wh, { month });
  const movement = await arrearsMovement(wh, month);
  const trend = await arrearsTrend(wh, { from: TREND_FROM < month ? TREND_FROM : month, to: month });
  const notYetDue = await notYetDueAsOf(wh, { asOf });
  const year = await billingYear(wh, { month });
  const channels = await channelPayments(wh, month, month);
  const places = await kecamatanCentroids(wh);

  const split = splitCurrentLegacy(ageRows);
  const provision = provisionForArrears(ageRows);
  const rec = receivables(byKecamatan.total_arrears, notYetDue.amount);
  const days = daysReceivable(rec.total, year.billed, year.months);
  const online = onlineShare(channels.rows);

  const categories = new Map<string, number>();
  for (const r of movement?.recovered_by_channel ?? []) categories.set(r.category, (categories.get(r.category) ?? 0) + r.recovered);

  const placeByCode = new Map(places.map((p) => [p.code, p]));
  return {
    as_of: month,
    month_end: asOf,
    total_arrears: byKecamatan.total_arrears,
    customers_in_arrears: byKecamatan.customers,
    vs_previous_month: levelChange(trend, addMonths(month, -1), byKecamatan.total_arrears),
    vs_start_of_year: levelChange(trend, `${Number(month.slice(0, 4)) - 1}-12`, byKecamatan.total_arrears),
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
    movement: movement
      ? {
          ...movement,
          recovered_by_category: [...categories.entries()]
            .map(([category, recovered]) => ({ category, recovered }))
            .sort((a, b) => b.recovered - a.recovered || a.category.localeCompare(b.category)),
        }
      : null,
    by_kecamatan: byKecamatan.rows.map((r) => {
      const place = r.code ? placeByCode.get(r.code) : undefined;
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
      const row = ageRows.find((r) => r.bucket === b.label);
      const line = provision.lines.find((l) => l.bucket === b.label)!;
      return {
        bucket: b.label,
        arrears: row?.arrears ?? 0,
        current: isCurrentBucket(b.label),
        provision_percent: line.percent,
        provision: line.provision,
      };
    }),
    trend,
    checks: {
      movement_closing_equals_total_arrears: movement ? movement.closing === byKecamatan.total_arrears : null,
      age_buckets_add_up_to_total_arrears: split.total === byKecamatan.total_arrears,
    },
  };
}

/** computeOverview, once per warehouse file and month. */
export function overviewFigures(file: WarehouseFile, month: string): Promise<OverviewFigures> {
  return file.cached(`overview:${month}`, () => computeOverview(file.wh, month));
}

export interface KecamatanArrears {
  name: string | null;
  total_arrears: number;
  customers: number;
  desa: (DesaPlace & { arrears: number; customers: number })[];
}

/**
 * The desa/kelurahan of one kecamatan with their arrears at the month end: the report's
 * `arrears --by desa` rows of that kecamatan (zero for a desa without arrears), largest first.
 */
export function kecamatanArrears(file: WarehouseFile, { kecamatan, month }: { kecamatan: string; month: string }): Promise<KecamatanArrears> {
  const { wh } = file;
  return file.cached(`kecamatan:${kecamatan}:${month}`, async () => {
    const byDesa = await file.cached(`desa:${month}`, () => arrearsAsOf(wh, monthEnd(month), 'desa'));
    const { name, desa } = await desaOfKecamatan(wh, { kecamatan });
    const arrears = new Map(byDesa.rows.filter((r) => r.code?.startsWith(`${kecamatan}.`)).map((r) => [r.code, r]));
    const rows = desa
      .map((d) => ({ ...d, arrears: arrears.get(d.code)?.arrears ?? 0, customers: arrears.get(d.code)?.customers ?? 0 }))
      .sort((a, b) => b.arrears - a.arrears || a.name.localeCompare(b.name));
    return {
      name,
      total_arrears: rows.reduce((s, r) => s + r.arrears, 0),
      customers: rows.reduce((s, r) => s + r.customers, 0),
      desa: rows,
    };
  });
}

/** The arrears reduction target an admin set (data/settings.json), as the projection takes it. */
export async function reductionTarget(): Promise<ReductionTarget | null> {
  const t = (await readSettings()).arrears_target;
  return t ? { percent: t.percent, byDate: t.by_date, baseMonth: t.base_month } : null;
}

/** The overview of `month` as the page and the API serve it: the cached figures and the current target. */
export async function loadOverview(month: string): Promise<Overview> {
  const [figures, target] = await Promise.all([withWarehouse((_, file) => overviewFigures(file, month)), reductionTarget()]);
  return withTarget(figures, target);
}

/**
 * The overview as its page uses it: all of it but the movement's lines per channel (the waterfall
 * shows channel categories; the API has the channels), with the trend as columns. A page request
 * turns its loader data into JSON three times (the loader's response, Remix reading it back, the
 * copy in the HTML for hydration), and the trend as rows was over half of it.
 */
export interface OverviewView extends Omit<Overview, 'movement' | 'trend'> {
  movement: Omit<NonNullable<Overview['movement']>, 'recovered_by_channel'> | null;
  /** the month ends of the trend, oldest first, and the arrears and its legacy part at each */
  trend: { months: string[]; arrears: number[]; legacy: number[] };
}

export function overviewView({ movement, trend, ...rest }: Overview): OverviewView {
  let view: OverviewView['movement'] = null;
  if (movement) {
    const { recovered_by_channel: _, ...totals } = movement;
    view = totals;
  }
  return {
    ...rest,
    movement: view,
    trend: { months: trend.map((p) => p.month), arrears: trend.map((p) => p.arrears), legacy: trend.map((p) => p.legacy) },
  };
}

export interface OverviewPage {
  overview: OverviewView;
  /** [lon, lat] of the desa (the bubble map's backdrop), when asked for */
  points: [number, number][];
  /** the warehouse file the figures come from (WarehouseFile.generation): names the page's cached chart SVGs */
  generation: number;
}

/** What the overview page shows for `month`: loadOverview's figures (as its view), and the desa points from the same file. */
export async function loadOverviewPage(month: string, { points }: { points: boolean }): Promise<OverviewPage> {
  const [fromFile, target] = await Promise.all([
    withWarehouse(async (_, file) => ({
      figures: await overviewFigures(file, month),
      points: points ? await desaPoints(file) : [],
      generation: file.generation,
    })),
    reductionTarget(),
  ]);
  return { overview: overviewView(withTarget(fromFile.figures, target)), points: fromFile.points, generation: fromFile.generation };
}

/** The figures with the admin's reduction target assessed against their trend (settings may change any time). */
export function withTarget(figures: OverviewFigures, target: ReductionTarget | null): Overview {
  if (!target) return { ...figures, target: null };
  const series = figures.trend.map((p) => ({ month: p.month, value: p.arrears }));
  const a = assessTarget(series, target, figures.as_of);
  return {
    ...figures,
    target: {
      percent: target.percent,
      by_date: target.byDate,
      base_month: target.baseMonth,
      base_arrears: a.baseValue,
      target_month: a.targetMonth,
      target_arrears: a.targetValue,
      status: a.status,
      slope_per_month: a.slopePerMonth === null ? null : Math.round(a.slopePerMonth),
      projected: a.projected,
      gap: a.gap,
      reach_month: a.reachMonth,
      target_line: a.targetLine,
      projection_line: a.projectionLine,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Boundaries for the choropleth

export interface Boundaries {
  /** the map name to register; changes when the file changes */
  name: string;
  geoJSON: { type: 'FeatureCollection'; features: unknown[] };
}

let boundariesCache: { key: string; value: Boundaries | null; checkedAt: number } | null = null;
const BOUNDARIES_CHECK_MS = 5_000;

/**
 * The kecamatan boundaries the operator configured (KABA_BOUNDARIES: a GeoJSON FeatureCollection
 * whose features carry properties.code = the kecamatan code, e.g. 17.02.09), or null: the map then
 * draws bubbles at the area centroids. Read once per file version; a broken file is reported on
 * stderr and treated as absent, so the overview still works.
 */
export async function kecamatanBoundaries(path = process.env.KABA_BOUNDARIES): Promise<Boundaries | null> {
  if (!path) return null;
  // Looked at on every overview request: the file is checked for changes at most every few seconds.
  if (boundariesCache?.key.startsWith(`${path}:`) && Date.now() - boundariesCache.checkedAt < BOUNDARIES_CHECK_MS) return boundariesCache.value;
  const s = await stat(path).catch(() => null);
  const key = s ? `${path}:${s.ino}:${s.size}:${s.mtimeMs}` : `${path}:missing`;
  if (boundariesCache?.key === key) {
    boundariesCache.checkedAt = Date.now();
    return boundariesCache.value;
  }
  let value: Boundaries | null = null;
  try {
    if (!s) throw new Error('file not found');
    const raw = JSON.parse(await readFile(path, 'utf8')) as { type?: string; features?: unknown[] };
    if (raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) throw new Error('not a GeoJSON FeatureCollection');
    // Keep what the map needs: the geometry and the code (smaller page data).
    const features = raw.features
      .map((f) => f as { type: string; geometry: unknown; properties?: { code?: unknown; name?: unknown } })
      .filter((f) => typeof f.properties?.code === 'string' && f.geometry)
      .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties!.code, name: String(f.properties!.name ?? '') } }));
    if (features.length === 0) throw new Error('no feature has properties.code');
    value = { name: `kecamatan-${Math.round(s.mtimeMs)}-${s.size}`, geoJSON: { type: 'FeatureCollection', features } };
  } catch (error) {
    console.error(`[kaba] KABA_BOUNDARIES=${path} is not usable (${(error as Error).message}); the map shows bubbles`);
  }
  boundariesCache = { key, value, checkedAt: Date.now() };
  return value;
}

// ---------------------------------------------------------------------------------------------------
// CSV

export interface CsvRow extends Record<string, string | number | boolean | null> {
  section: string;
  key: string;
  code: string | null;
  value: number | string | boolean | null;
}

/**
 * Every figure of the overview as long rows `section,key,code,value` (one CSV for all of it):
 * section `kpi` holds the scalar figures under their JSON paths (e.g. `collection_effectiveness.own_bills.ratio`),
 * then one row per kecamatan, age bucket, recovered channel category and trend month.
 */
export function overviewCsvRows(o: Overview): CsvRow[] {
  const rows: CsvRow[] = [];
  const scalar = (key: string, value: number | string | boolean | null) => rows.push({ section: 'kpi', key, code: null, value });
  const walk = (prefix: string, value: unknown) => {
    if (value === null || typeof value !== 'object') scalar(prefix, value as number | string | boolean | null);
    else if (!Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  const { by_kecamatan, by_age, trend, movement, target, ...scalars } = o;
  walk('', scalars);
  if (movement) {
    const { recovered_by_category, recovered_by_channel, ...totals } = movement;
    walk('movement', totals);
    for (const c of recovered_by_category) rows.push({ section: 'recovered_by_category', key: c.category, code: null, value: c.recovered });
    for (const c of recovered_by_channel)
      rows.push({ section: 'recovered_by_channel', key: c.channel_name, code: c.channel_code, value: c.recovered });
  }
  if (target) {
    const { target_line, projection_line, ...rest } = target;
    walk('target', rest);
    for (const p of target_line) rows.push({ section: 'target_line', key: p.month, code: null, value: p.value });
    for (const p of projection_line) rows.push({ section: 'projection_line', key: p.month, code: null, value: p.value });
  }
  for (const k of by_kecamatan) {
    rows.push({ section: 'kecamatan_arrears', key: k.name, code: k.code, value: k.arrears });
    rows.push({ section: 'kecamatan_customers', key: k.name, code: k.code, value: k.customers });
  }
  for (const a of by_age) {
    rows.push({ section: 'age_arrears', key: a.bucket, code: null, value: a.arrears });
    rows.push({ section: 'age_provision', key: a.bucket, code: null, value: a.provision });
  }
  for (const p of trend) {
    rows.push({ section: 'trend_arrears', key: p.month, code: null, value: p.arrears });
    rows.push({ section: 'trend_legacy', key: p.month, code: null, value: p.legacy });
  }
  return rows;
}

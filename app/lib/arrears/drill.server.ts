/**
 * The arrears drill-down's figures for its pages, exports and API: which month and filters a request
 * asks for (the area from the page's path, everything else from the query string), and each level's
 * figures, once per warehouse file and request shape.
 *
 *   /arrears                         kecamatan level        ?bulan=&tariff_class=&status=&age=&min_amount=
 *   /arrears/<kecamatan>             its desa/kelurahan     (+ the kecamatan's trend)
 *   /arrears/<kecamatan>/<desa>      its customers in arrears (personal data: 403 without it)
 */
import { addMonths } from '../../../etl/domain/period';
import { arrearsByArea, arrearsFilterChoices, onlineShareByArea, type AreaLevel, type FilterChoices } from '../../../etl/queries/arrears-areas';
import { arrearsTrend, type TrendPoint } from '../../../etl/queries/arrears';
import { FILTER_PARAMS, parseArrearsFilters, type ArrearsFilters } from '../../../etl/queries/filters';
import { AS_OF_PARAM } from '../as-of';
import { BadParam } from '../tables/define.server';
import { asOfMonthParam } from '../tables/params.server';
import { warehouseFreshness, withWarehouse } from '../warehouse.server';

export interface DrillInput {
  month: string;
  filters: ArrearsFilters;
}

/** The month and filters of a drill-down request; a wrong one is a BadParam naming it. */
export async function drillInput(params: URLSearchParams): Promise<DrillInput> {
  const parsed = parseArrearsFilters(params);
  if (!parsed.ok) throw new BadParam(parsed.parameter, parsed.message);
  return { month: await asOfMonthParam(params), filters: parsed.filters };
}

/** The page's query string for a month and filters (the drill-down's links and the export's). */
export function drillParams({ month, filters }: DrillInput): Record<string, string | null> {
  return {
    [AS_OF_PARAM]: month,
    [FILTER_PARAMS.kecamatan]: filters.kecamatan ?? null,
    [FILTER_PARAMS.desa]: filters.desa ?? null,
    [FILTER_PARAMS.tariffClass]: filters.tariffClass ?? null,
    [FILTER_PARAMS.status]: filters.status ?? null,
    [FILTER_PARAMS.age]: filters.age ?? null,
    [FILTER_PARAMS.minAmount]: filters.minAmount === undefined ? null : String(filters.minAmount),
  };
}

/** A stable text of the request for the per-file cache. */
const cacheKey = (what: string, input: DrillInput) => `arrears:${what}:${new URLSearchParams(Object.entries(drillParams(input)).filter((e): e is [string, string] => e[1] !== null)).toString()}`;

export interface AreaRow {
  code: string;
  name: string;
  arrears: number;
  customers: number;
  bills: number;
  /** of the level's total arrears, a ratio */
  share: number | null;
  /** arrears now less those at the end of the previous month / 12 months earlier (null: no such month) */
  change_month: number | null;
  change_year: number | null;
  /** the online share of the amount paid there in the 12 months to the as-of month */
  online_share: number | null;
}

export interface AreaLevelFigures {
  month: string;
  level: AreaLevel;
  total_arrears: number;
  customers: number;
  bills: number;
  rows: AreaRow[];
  /** arrears by age bucket of each area, for the stacked chart */
  by_age: { code: string; bucket: string; arrears: number }[];
}

/** An area's change from an earlier month's figures; null when the warehouse has no such month. */
export function changeFrom(code: string, arrears: number, earlier: readonly { code: string; arrears: number }[] | null): number | null {
  if (!earlier) return null;
  return arrears - (earlier.find((e) => e.code === code)?.arrears ?? 0);
}

/** The kecamatan or desa level for a month and filters. */
export async function areaLevelFigures(level: AreaLevel, input: DrillInput): Promise<AreaLevelFigures> {
  const { months } = await warehouseFreshness();
  return withWarehouse((wh, file) =>
    file.cached(cacheKey(level, input), async () => {
      const { month, filters } = input;
      const at = (m: string) => (months.includes(m) ? arrearsByArea(wh, { month: m, level, filters, ages: false }) : Promise.resolve(null));
      const now = await arrearsByArea(wh, { month, level, filters });
      const previous = await at(addMonths(month, -1));
      const yearAgo = await at(addMonths(month, -12));
      const online = await onlineShareByArea(wh, { from: addMonths(month, -11), to: month, level, filters });
      const rows = now.rows.map((r) => ({
        ...r,
        share: now.total_arrears > 0 ? r.arrears / now.total_arrears : null,
        change_month: changeFrom(r.code, r.arrears, previous?.rows ?? null),
        change_year: changeFrom(r.code, r.arrears, yearAgo?.rows ?? null),
        online_share: online.find((o) => o.code === r.code)?.online_share ?? null,
      }));
      return { month, level, total_arrears: now.total_arrears, customers: now.customers, bills: now.bills, rows, by_age: now.by_age };
    }),
  );
}

/** The kecamatan's arrears at every month end of the warehouse up to the as-of month (the filters the snapshots answer). */
export async function kecamatanTrend(input: DrillInput): Promise<TrendPoint[]> {
  const { months } = await warehouseFreshness();
  const { kecamatan, tariffClass, status, age } = input.filters;
  return withWarehouse((wh, file) =>
    file.cached(cacheKey('trend', { month: input.month, filters: { kecamatan, tariffClass, status, age } }), () =>
      arrearsTrend(wh, { from: months[0] ?? input.month, to: input.month, filters: { kecamatan, tariffClass, status, age } }),
    ),
  );
}

/** The areas and tariff classes the filter bar offers (once per file). */
export function filterChoices(): Promise<FilterChoices> {
  return withWarehouse((wh, file) => file.cached('arrears:choices', () => arrearsFilterChoices(wh)));
}

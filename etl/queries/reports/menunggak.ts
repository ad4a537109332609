/**
 * Menunggak per petugas (CONTRACT §4 Reports): per collector, as of the end of month M, the customers of
 * the desa their team covers and gave them, what there was to collect in M (the arrears at the start of
 * M and the bills falling due in M), what was collected and written off, and what is left in arrears at
 * the end of M. Built on the month-end snapshots (arrears_customer_total_month_end) and the arrears events,
 * so a team's figures add up to the arrears movement of its customers. Which team and collector a
 * customer belongs to is decided in etl/domain/reports/menunggak.ts from the visits and bound as lists.
 */
import {
  assignmentLists,
  defaultTeamAreas as defaultTeamAreasOf,
  desaCollectors,
  shareCollected,
  type DesaVisits,
  type TeamAreas,
} from '../../domain/reports/menunggak';
import { addMonths, monthEnd, monthIndexSql } from '../../domain/period';
import { asLines, totalsOf, withSubtotals } from '../../domain/reports/rekap';
import type { ReportColumn, ReportView } from '../../domain/reports/shape';
import type { Warehouse } from '../../warehouse/duckdb';
import { conditionParams, filterConditionSql, type ArrearsFilters } from '../filters';
import { requirePersonalData, teamParams, teamScopeSql, type Scope } from '../scope';
import { CUSTOMER_COLUMNS } from './columns';
import { echoParams } from './params';
import { defineReport, type ReportDefinition } from './report';

export type MenunggakFilters = Pick<ArrearsFilters, 'kecamatan' | 'desa' | 'tariffClass' | 'status'> & { team?: string };

export interface MenunggakQuery {
  /** YYYY-MM: the figures as of its last day */
  asOf: string;
  filters: MenunggakFilters;
  /** the admin's setting (app/lib/settings/team-areas.server.ts); null: the default from the visits */
  teamAreas: TeamAreas | null;
  scope: Scope;
}

export interface MenunggakFigures {
  customers: number;
  /** customers with arrears at the end of M */
  customers_in_arrears: number;
  /** lembar tagihan: overdue bills owing at the start of M + bills falling due in M still owing then */
  bills_to_collect: number;
  /** rupiah tagihan: arrears at the start of M + what fell due in M (the movement's opening + newly overdue) */
  to_collect: number;
  /** payments in M applied to overdue debts (the movement's recovered) */
  collected: number;
  written_off: number;
  /** lembar nunggak: overdue bills still owing at the end of M */
  overdue_bills: number;
  /** rupiah nunggak: arrears at the end of M = to_collect − collected − written_off */
  arrears: number;
  /** collected ÷ to_collect, 0–1 (shareCollected); null when there was nothing to collect */
  share_collected: number | null;
}

export interface MenunggakCollectorRow extends MenunggakFigures {
  /** null: customers outside every team's areas (shown to those who see every team) */
  team_id: string | null;
  team_name: string | null;
  /** null: desa of the team that none of its collectors visited (belum dibagi) */
  collector_id: string | null;
  collector_name: string | null;
}

export interface MenunggakCustomerRow extends Omit<MenunggakFigures, 'customers' | 'customers_in_arrears'> {
  team_id: string | null;
  team_name: string | null;
  collector_id: string | null;
  collector_name: string | null;
  customer_id: string;
  name: string;
  kecamatan_name: string | null;
  desa_name: string | null;
  tariff_class: string;
}

/**
 * The parts of every customer's figures of month M (`parts`: customer_id and the columns below, each
 * row one part): the arrears and overdue bills at the month end before and at M's end
 * (arrears_customer_total_month_end, a month each: zone maps read only that month), M's arrears events
 * and the bills falling due in M still owing then (a filter on the bare column, pushed into the scan).
 */
const FIGURE_PARTS = `
  parts AS (
    SELECT customer_id, bills AS start_bills, arrears AS start_arrears, 0 AS newly_overdue, 0 AS collected,
           0 AS written_off, 0 AS falling_due, 0 AS end_bills, 0 AS end_arrears
      FROM arrears_customer_total_month_end WHERE month = $before
    UNION ALL
    SELECT customer_id, 0, 0, 0, 0, 0, 0, bills, arrears FROM arrears_customer_total_month_end WHERE month = $month
    UNION ALL
    SELECT customer_id, 0, 0,
           CASE WHEN kind = 'newly_overdue' THEN amount ELSE 0 END,
           CASE WHEN kind = 'recovered' THEN -amount ELSE 0 END,
           CASE WHEN kind = 'written_off' THEN -amount ELSE 0 END, 0, 0, 0
      FROM arrears_events WHERE on_day BETWEEN CAST($d_first AS DATE) AND CAST($d1 AS DATE)
    UNION ALL
    -- a bill falls due the day after its due date
    SELECT customer_id, 0, 0, 0, 0, 0, 1, 0, 0 FROM bill_balances
     WHERE due_on BETWEEN CAST($d_first AS DATE) - 1 AND CAST($d1 AS DATE) - 1 AND outstanding_at_due > 0)`;

/** The columns of a part of a customer's figures (FIGURE_PARTS). */
const PART_KEYS = ['start_bills', 'start_arrears', 'newly_overdue', 'collected', 'written_off', 'falling_due', 'end_bills', 'end_arrears'] as const;

/** The report's figures summed over parts `p` (FIGURE_PARTS' columns): lembar and rupiah to collect, collected, written off, left in arrears. */
const FIGURE_SUMS = (p: string) => `coalesce(sum(${p}.start_bills + ${p}.falling_due), 0)::BIGINT AS bills_to_collect,
  coalesce(sum(${p}.start_arrears + ${p}.newly_overdue), 0)::BIGINT AS to_collect, coalesce(sum(${p}.collected), 0)::BIGINT AS collected,
  coalesce(sum(${p}.written_off), 0)::BIGINT AS written_off, coalesce(sum(${p}.end_bills), 0)::BIGINT AS overdue_bills,
  coalesce(sum(${p}.end_arrears), 0)::BIGINT AS arrears`;

/**
 * The team whose areas hold each desa and the collector the desa goes to (bound lists, decided by
 * etl/domain/reports/menunggak.ts), with their names. A team and a collector follow from the desa
 * alone, so the rekap sums its customers by desa before it assigns them.
 */
const DESA_ASSIGNMENT = `
  team_areas AS (SELECT unnest($area_teams) AS team_id, unnest($area_codes) AS code),
  desa_team AS (
    SELECT a.desa_code, t.team_id FROM areas a JOIN team_areas t ON t.code = a.desa_code OR t.code = a.kecamatan_code),
  desa_collector AS (SELECT unnest($dc_teams) AS team_id, unnest($dc_desa) AS desa_code, unnest($dc_collectors) AS collector_id),
  team_names AS (SELECT team_id, min(team_name) AS team_name FROM teams GROUP BY 1),
  collector_names AS (SELECT team_id, collector_id, min(collector_name) AS collector_name FROM teams GROUP BY ALL)`;

/**
 * Rows `x` (desa_code, tariff_class, status: customers, or customers summed by desa) with their area,
 * team and collector, kept to the scope, the team and the filters; a desa of no team's areas has none.
 */
const assignedSql = (x: string) => `${x}
      LEFT JOIN areas ar ON ar.desa_code = x.desa_code
      LEFT JOIN desa_team dt ON dt.desa_code = x.desa_code
      LEFT JOIN desa_collector dc ON dc.team_id = dt.team_id AND dc.desa_code = x.desa_code
      LEFT JOIN team_names tn ON tn.team_id = dt.team_id
      LEFT JOIN collector_names cn ON cn.team_id = dt.team_id AND cn.collector_id = dc.collector_id
     WHERE ${teamScopeSql('dt.team_id')} AND (CAST($team AS VARCHAR) IS NULL OR dt.team_id = $team)
       AND ${filterConditionSql({ kecamatan: 'ar.kecamatan_code', desa: 'x.desa_code', tariffClass: 'x.tariff_class', status: 'x.status', age: 'NULL' })}`;

/** The customer `c` was connected by the month end (no day: always). */
const connectedSql = (c: string) => `coalesce(${c}.connected_on, DATE '1900-01-01') <= CAST($d1 AS DATE)`;

const DETAIL_ORDER = 'team_id NULLS LAST, collector_id NULLS LAST, arrears DESC, customer_id';

const NAMES = `dt.team_id, coalesce(tn.team_name, dt.team_id) AS team_name, dc.collector_id, cn.collector_name`;

/** The visits per team × collector × desa up to `through` (YYYY-MM-DD), what the default areas and the desa's collectors come from. */
function desaVisits(wh: Warehouse, through: string): Promise<DesaVisits[]> {
  return wh.query<DesaVisits>(
    `SELECT team_id, collector_id, kecamatan_code, desa_code, count(*)::BIGINT AS visits FROM visit_results
      WHERE day <= CAST($through AS DATE) AND desa_code IS NOT NULL GROUP BY ALL`,
    { through },
  );
}

async function menunggakParams(wh: Warehouse, { asOf, filters, teamAreas, scope }: MenunggakQuery) {
  const d1 = monthEnd(asOf);
  const visits = await desaVisits(wh, d1);
  return {
    month: asOf,
    before: addMonths(asOf, -1),
    d_first: `${asOf}-01`,
    d1,
    ...assignmentLists(teamAreas ?? defaultTeamAreasOf(visits), desaCollectors(visits)),
    team: filters.team ?? null,
    ...conditionParams(filters),
    ...teamParams(scope),
  };
}

const FIGURE_KEYS = ['bills_to_collect', 'to_collect', 'collected', 'written_off', 'overdue_bills', 'arrears'] as const;
type Figures = Record<(typeof FIGURE_KEYS)[number], number>;

/** The figures summed over rows (each the sum of its column, 0 for none). */
const FIGURES = FIGURE_KEYS.map((k) => `coalesce(sum(${k}), 0)::BIGINT AS ${k}`).join(', ');

/**
 * The rekap: one row per collector (and the team's unassigned desa, and customers of no team), by team.
 * Summed by desa, tariff class and status (a customer's team and collector follow from their desa), from
 * the connected customers, their month-end totals (the customers not yet connected left out) and the
 * month's flows (arrears_flows_monthly, a month of it), none of them customer by customer.
 */
export async function menunggakByCollector(wh: Warehouse, query: MenunggakQuery): Promise<MenunggakCollectorRow[]> {
  const none = (columns: readonly string[]) => columns.map((k) => `0 AS ${k}`).join(', ');
  const rows = await wh.query<Omit<MenunggakCollectorRow, 'share_collected'>>(
    `WITH ${DESA_ASSIGNMENT},
     not_connected AS (SELECT customer_id FROM customers c WHERE NOT ${connectedSql('c')}),
     parts AS (
       SELECT desa_code, tariff_class, status, count(*) AS customers, 0 AS customers_in_arrears, ${none(PART_KEYS)}
         FROM customers c WHERE ${connectedSql('c')} GROUP BY ALL
       UNION ALL BY NAME
       SELECT desa_code, tariff_class, status, sum(bills) AS start_bills, sum(arrears) AS start_arrears
         FROM arrears_customer_total_month_end
        WHERE month = $before AND customer_id NOT IN (SELECT customer_id FROM not_connected) GROUP BY ALL
       UNION ALL BY NAME
       SELECT desa_code, tariff_class, status, count(*) FILTER (WHERE arrears > 0) AS customers_in_arrears,
              sum(bills) AS end_bills, sum(arrears) AS end_arrears
         FROM arrears_customer_total_month_end
        WHERE month = $month AND customer_id NOT IN (SELECT customer_id FROM not_connected) GROUP BY ALL
       UNION ALL BY NAME
       SELECT desa_code, tariff_class, status, sum(newly_overdue) AS newly_overdue, sum(collected) AS collected,
              sum(written_off) AS written_off, sum(falling_due) AS falling_due
         FROM arrears_flows_monthly
        WHERE month = $month AND connected_idx <= ${monthIndexSql('CAST($d1 AS DATE)')} GROUP BY ALL),
     by_desa AS (
       SELECT desa_code, tariff_class, status, coalesce(sum(customers), 0) AS customers, coalesce(sum(customers_in_arrears), 0) AS customers_in_arrears,
              ${PART_KEYS.map((k) => `coalesce(sum(${k}), 0) AS ${k}`).join(', ')}
         FROM parts GROUP BY ALL)
     SELECT ${NAMES}, sum(x.customers)::BIGINT AS customers, sum(x.customers_in_arrears)::BIGINT AS customers_in_arrears, ${FIGURE_SUMS('x')}
       FROM ${assignedSql('by_desa x')}
      GROUP BY ALL
      ORDER BY dt.team_id NULLS LAST, dc.collector_id NULLS LAST`,
    // the month's first day bounds the flows, which arrears_flows_monthly holds by month
    (({ d_first: _, ...params }) => params)(await menunggakParams(wh, query)),
  );
  return rows.map(withShare);
}

function withShare<R extends { collected: number; to_collect: number }>(r: R): R & { share_collected: number | null } {
  return { ...r, share_collected: shareCollected(r.collected, r.to_collect) };
}

/**
 * The detail: one row per customer who had something to collect in M, by team and collector, the
 * largest arrears first. Names customers: refused without personal data.
 */
export async function menunggakCustomers(
  wh: Warehouse,
  query: MenunggakQuery & { page?: { offset?: number; limit?: number } },
): Promise<{ count: number; totals: Omit<MenunggakFigures, 'customers' | 'customers_in_arrears'>; rows: MenunggakCustomerRow[] }> {
  requirePersonalData(query.scope, 'The Menunggak per petugas detail');
  type Line = { pos: number | null; count: number | null } & Omit<MenunggakCustomerRow, 'share_collected'>;
  // one pass: the totals of the whole selection (pos NULL, first), then the page's lines in order
  const [{ count, ...sums }, ...lines] = await wh.query<Line>(
    `WITH ${FIGURE_PARTS}, ${DESA_ASSIGNMENT},
     figures AS (SELECT p.customer_id, ${FIGURE_SUMS('p')} FROM parts p GROUP BY p.customer_id),
     selected AS (
       SELECT ${NAMES}, x.customer_id, x.name, ar.kecamatan_name, ar.desa_name, x.tariff_class,
              f.bills_to_collect::BIGINT AS bills_to_collect, f.to_collect::BIGINT AS to_collect, f.collected::BIGINT AS collected,
              f.written_off::BIGINT AS written_off, f.overdue_bills::BIGINT AS overdue_bills, f.arrears::BIGINT AS arrears
         FROM ${assignedSql('figures f JOIN customers x USING (customer_id)')} AND f.to_collect > 0 AND ${connectedSql('x')}),
     page AS (
       SELECT * FROM selected ORDER BY ${DETAIL_ORDER} LIMIT CAST($limit AS BIGINT) OFFSET $offset)
     SELECT row_number() OVER (ORDER BY ${DETAIL_ORDER}) AS pos, * FROM page
     UNION ALL BY NAME
     SELECT NULL AS pos, count(*)::BIGINT AS count, ${FIGURES} FROM selected
     ORDER BY pos NULLS FIRST`,
    { ...(await menunggakParams(wh, query)), limit: query.page?.limit ?? null, offset: query.page?.offset ?? 0 },
  );
  const rows = lines.map(({ pos: _, count: __, ...row }) => withShare(row));
  const totals = Object.fromEntries(FIGURE_KEYS.map((k) => [k, sums[k]])) as Figures;
  return { count: count ?? 0, totals: withShare(totals), rows };
}

/** The default areas of every team (defaultTeamAreas) from the visits up to `through` (YYYY-MM-DD). */
export async function defaultTeamAreas(wh: Warehouse, { through }: { through: string }): Promise<TeamAreas> {
  return defaultTeamAreasOf(await desaVisits(wh, through));
}

const FIGURE_COLUMNS: ReportColumn[] = [
  { key: 'bills_to_collect', label: 'bills', format: 'number', group: 'to_collect', summed: true },
  { key: 'to_collect', label: 'amount', format: 'money', group: 'to_collect', summed: true },
  { key: 'collected', format: 'money', summed: true },
  { key: 'written_off', format: 'money', summed: true },
  { key: 'overdue_bills', label: 'bills', format: 'number', group: 'in_arrears', summed: true },
  { key: 'arrears', label: 'amount', format: 'money', group: 'in_arrears', summed: true },
  { key: 'share_collected', format: 'percent', ratio: { numerator: 'collected', denominator: 'to_collect', decimals: null } },
];

const REKAP_COLUMNS: ReportColumn[] = [
  { key: 'team_name', label: 'team', format: 'text' },
  { key: 'collector_name', label: 'collector', format: 'text' },
  { key: 'customers', format: 'number', summed: true },
  { key: 'customers_in_arrears', format: 'number', summed: true },
  ...FIGURE_COLUMNS,
];

const DETAIL_COLUMNS: ReportColumn[] = [
  { key: 'team_name', label: 'team', format: 'text' },
  { key: 'collector_name', label: 'collector', format: 'text' },
  ...CUSTOMER_COLUMNS,
  ...FIGURE_COLUMNS,
];

/**
 * The rows without a team or a collector say so in words (the report is printed in Bahasa Indonesia);
 * their ids stay null in the JSON.
 */
export const NO_TEAM = 'Tanpa tim';
export const UNASSIGNED = 'Belum dibagi';

function named<R extends { team_id: string | null; team_name: string | null; collector_id: string | null; collector_name: string | null }>(r: R): R {
  return { ...r, team_name: r.team_id === null ? NO_TEAM : r.team_name, collector_name: r.collector_id === null ? UNASSIGNED : r.collector_name };
}

/**
 * Menunggak per petugas as a report (etl/queries/reports/report.ts). Rekap: one line per collector
 * with a subtotal per team; detail: one line per customer with something to collect. The team areas
 * come from the admins' setting (query.settings), the default from the visits when absent.
 */
export const menunggakReport: ReportDefinition = defineReport({
  id: 'menunggak',
  period: { kind: 'month', param: 'as_of' },
  filters: ['team', 'kecamatan', 'desa', 'tariffClass'],
  detailIsPersonal: true,
  columns: (view: ReportView) => (view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS),
  async run(wh, query, scope) {
    const asOf = query.period.month;
    if (!asOf) throw new RangeError('the Menunggak per petugas report needs a month');
    const f = query.filters;
    const q: MenunggakQuery = {
      asOf,
      filters: { team: f.team, kecamatan: f.kecamatan, desa: f.desa, tariffClass: f.tariffClass },
      teamAreas: query.settings?.teamAreas ?? null,
      scope,
    };
    const base = { report: 'menunggak', view: query.view, filters: echoParams(menunggakReport, query.period, query.filters) };
    if (query.view === 'detail') {
      const window = query.window;
      const detail = await menunggakCustomers(wh, { ...q, page: window ?? undefined });
      const rows = asLines(DETAIL_COLUMNS, detail.rows.map((r) => ({ ...named(r) })));
      return { ...base, columns: DETAIL_COLUMNS, rows, totals: { ...detail.totals }, count: detail.count, offset: window?.offset ?? 0, limit: window?.limit ?? null };
    }
    const collectors = (await menunggakByCollector(wh, q)).map((r) => ({ ...named(r) }));
    const totals = totalsOf(REKAP_COLUMNS, collectors);
    const rows = withSubtotals(REKAP_COLUMNS, collectors, { by: 'team_id', labelKey: 'team_name' });
    return { ...base, columns: REKAP_COLUMNS, rows, totals, count: collectors.length, offset: 0, limit: null };
  },
});

/**
 * Menunggak per petugas (CONTRACT §4 Reports): per collector, as of the end of month M, the customers of
 * the desa their team covers and gave them, what there was to collect in M (the arrears at the start of
 * M and the bills falling due in M), what was collected and written off, and what is left in arrears at
 * the end of M. Built on the month-end snapshots (arrears_customer_month_end) and the arrears events,
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
import { addMonths, monthEnd } from '../../domain/period';
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
 * Every customer connected by $d1 with the team whose areas hold their desa and the collector the desa
 * goes to (bound lists, decided by etl/domain/reports/menunggak.ts), within the scope and the filters.
 */
const ASSIGNED_CUSTOMERS = `
  team_areas AS (SELECT unnest($area_teams) AS team_id, unnest($area_codes) AS code),
  desa_team AS (
    SELECT a.desa_code, t.team_id FROM areas a JOIN team_areas t ON t.code = a.desa_code OR t.code = a.kecamatan_code),
  desa_collector AS (SELECT unnest($dc_teams) AS team_id, unnest($dc_desa) AS desa_code, unnest($dc_collectors) AS collector_id),
  assigned AS (
    SELECT c.customer_id, c.name, ar.kecamatan_name, ar.desa_name, c.tariff_class, dt.team_id, dc.collector_id
      FROM customers c
      LEFT JOIN areas ar ON ar.desa_code = c.desa_code
      LEFT JOIN desa_team dt ON dt.desa_code = c.desa_code
      LEFT JOIN desa_collector dc ON dc.team_id = dt.team_id AND dc.desa_code = c.desa_code
     WHERE coalesce(c.connected_on, DATE '1900-01-01') <= CAST($d1 AS DATE)
       AND ${teamScopeSql('dt.team_id')} AND (CAST($team AS VARCHAR) IS NULL OR dt.team_id = $team)
       AND ${filterConditionSql({ kecamatan: 'ar.kecamatan_code', desa: 'c.desa_code', tariffClass: 'c.tariff_class', status: 'c.status', age: 'NULL' })}),
  month_end AS (
    SELECT month, customer_id, sum(arrears) AS arrears, sum(bills) AS bills FROM arrears_customer_month_end
     WHERE month IN ($before, $month) GROUP BY ALL),
  flows AS (
    SELECT customer_id,
           coalesce(sum(amount) FILTER (WHERE kind = 'newly_overdue'), 0) AS newly_overdue,
           coalesce(-sum(amount) FILTER (WHERE kind = 'recovered'), 0) AS collected,
           coalesce(-sum(amount) FILTER (WHERE kind = 'written_off'), 0) AS written_off
      FROM arrears_events WHERE on_day BETWEEN CAST($d_first AS DATE) AND CAST($d1 AS DATE) GROUP BY 1),
  falling_due AS (
    SELECT customer_id, count(*) AS bills FROM bill_balances
     WHERE due_on + 1 BETWEEN CAST($d_first AS DATE) AND CAST($d1 AS DATE) AND outstanding_at_due > 0 GROUP BY 1),
  per_customer AS (
    SELECT a.*,
           coalesce(s.bills, 0) + coalesce(fd.bills, 0) AS bills_to_collect,
           coalesce(s.arrears, 0) + coalesce(f.newly_overdue, 0) AS to_collect,
           coalesce(f.collected, 0) AS collected, coalesce(f.written_off, 0) AS written_off,
           coalesce(e.bills, 0) AS overdue_bills, coalesce(e.arrears, 0) AS arrears
      FROM assigned a
      LEFT JOIN month_end s ON s.customer_id = a.customer_id AND s.month = $before
      LEFT JOIN month_end e ON e.customer_id = a.customer_id AND e.month = $month
      LEFT JOIN flows f ON f.customer_id = a.customer_id
      LEFT JOIN falling_due fd ON fd.customer_id = a.customer_id),
  team_names AS (SELECT team_id, min(team_name) AS team_name FROM teams GROUP BY 1),
  collector_names AS (SELECT team_id, collector_id, min(collector_name) AS collector_name FROM teams GROUP BY ALL)`;

const NAMES = `LEFT JOIN team_names tn ON tn.team_id = pc.team_id
  LEFT JOIN collector_names cn ON cn.team_id = pc.team_id AND cn.collector_id = pc.collector_id`;

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

const FIGURES = `sum(bills_to_collect)::BIGINT AS bills_to_collect, sum(to_collect)::BIGINT AS to_collect,
  sum(collected)::BIGINT AS collected, sum(written_off)::BIGINT AS written_off,
  sum(overdue_bills)::BIGINT AS overdue_bills, sum(arrears)::BIGINT AS arrears`;

/** The rekap: one row per collector (and the team's unassigned desa, and customers of no team), by team. */
export async function menunggakByCollector(wh: Warehouse, query: MenunggakQuery): Promise<MenunggakCollectorRow[]> {
  const rows = await wh.query<Omit<MenunggakCollectorRow, 'share_collected'>>(
    `WITH ${ASSIGNED_CUSTOMERS}
     SELECT pc.team_id, coalesce(tn.team_name, pc.team_id) AS team_name, pc.collector_id, cn.collector_name,
            count(*)::BIGINT AS customers, count(*) FILTER (WHERE pc.arrears > 0)::BIGINT AS customers_in_arrears, ${FIGURES}
       FROM per_customer pc ${NAMES}
      GROUP BY pc.team_id, tn.team_name, pc.collector_id, cn.collector_name
      ORDER BY pc.team_id NULLS LAST, pc.collector_id NULLS LAST`,
    await menunggakParams(wh, query),
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
  const params = await menunggakParams(wh, query);
  const [rows, [{ count, ...sums }]] = await Promise.all([
    wh.query<Omit<MenunggakCustomerRow, 'share_collected'>>(
      `WITH ${ASSIGNED_CUSTOMERS}
       SELECT pc.team_id, coalesce(tn.team_name, pc.team_id) AS team_name, pc.collector_id, cn.collector_name,
              pc.customer_id, pc.name, pc.kecamatan_name, pc.desa_name, pc.tariff_class,
              pc.bills_to_collect::BIGINT AS bills_to_collect, pc.to_collect::BIGINT AS to_collect, pc.collected::BIGINT AS collected,
              pc.written_off::BIGINT AS written_off, pc.overdue_bills::BIGINT AS overdue_bills, pc.arrears::BIGINT AS arrears
         FROM per_customer pc ${NAMES}
        WHERE pc.to_collect > 0
        ORDER BY pc.team_id NULLS LAST, pc.collector_id NULLS LAST, pc.arrears DESC, pc.customer_id
        LIMIT CAST($limit AS BIGINT) OFFSET $offset`,
      { ...params, limit: query.page?.limit ?? null, offset: query.page?.offset ?? 0 },
    ),
    wh.query<{ count: number } & Omit<MenunggakFigures, 'customers' | 'customers_in_arrears' | 'share_collected'>>(
      `WITH ${ASSIGNED_CUSTOMERS} SELECT count(*)::BIGINT AS count, ${FIGURES} FROM per_customer WHERE to_collect > 0`,
      params,
    ),
  ]);
  const zero = { bills_to_collect: 0, to_collect: 0, collected: 0, written_off: 0, overdue_bills: 0, arrears: 0 };
  return { count, totals: withShare(count > 0 ? sums : zero), rows: rows.map(withShare) };
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

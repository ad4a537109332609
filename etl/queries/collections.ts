/**
 * The collection teams' performance (CONTRACT §4, Collections), from the derived `visit_results`
 * (one row per visit with its contact, promise kept and attributed payments), limited to the teams in
 * scope: a supervisor's own, everybody's for the other roles that may see them.
 *
 * One query shape grouped four ways: per collector (the leaderboard and the API), per team, per
 * kecamatan of the visited customer, per month (the trend). Months A..B are Jakarta days from the
 * first of A to the last of B.
 */
import { addMonths, monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { teamParams, teamScopeSql, type Scope } from './scope';

export type PerformanceGrouping = 'collector' | 'team' | 'kecamatan' | 'month';

export interface PerformanceFigures {
  visits: number;
  customers: number;
  contacts: number;
  /** contacts ÷ visits, 0–1; null without visits */
  contact_rate: number | null;
  promises: number;
  promises_kept: number;
  collected_at_visit: number;
  /** payments attributed to the visits (14 days) */
  attributed_14d: number;
  /** attributed_14d ÷ visits, whole rupiah */
  rupiah_per_visit: number | null;
  /** days with at least one visit (of the group) */
  working_days: number;
  visits_per_working_day: number | null;
  /** arrears of the visited customers at the end of the month before A, and at the end of B */
  arrears_start: number;
  arrears_end: number;
}

export interface PerformanceRow extends PerformanceFigures {
  /** collector and team groupings */
  team_id: string | null;
  team_name: string | null;
  collector_id: string | null;
  collector_name: string | null;
  /** kecamatan grouping */
  kecamatan_code: string | null;
  kecamatan_name: string | null;
  /** month grouping */
  month: string | null;
}

export interface PeriodQuery {
  /** YYYY-MM */
  from: string;
  to: string;
  scope: Scope;
  /** one team only */
  team?: string | null;
}

const KEYS: Record<PerformanceGrouping, string[]> = {
  collector: ['team_id', 'collector_id'],
  team: ['team_id'],
  kecamatan: ['kecamatan_code'],
  month: ['month'],
};

/** The period's days: from the first of A to the last of B. */
function periodDays(from: string, to: string): { first: string; last: string } {
  return { first: `${from}-01`, last: monthEnd(to) };
}

/** The bound parameters of VISITS_IN_PERIOD, and the two month ends when the arrears are asked for too. */
function periodParams({ from, to, scope, team }: PeriodQuery, withArrears: boolean) {
  const { first, last } = periodDays(from, to);
  return { first, last, ...(withArrears ? { before_month: addMonths(from, -1), last_month: to } : {}), team: team ?? null, ...teamParams(scope) };
}

const VISITS_IN_PERIOD = `
  r AS (SELECT * FROM visit_results
         WHERE day BETWEEN CAST($first AS DATE) AND CAST($last AS DATE) AND ${teamScopeSql('team_id')}
           AND ($team IS NULL OR team_id = $team))`;

/**
 * What each visited customer owed in arrears at the end of the month before A and at the end of B: both
 * are month ends, read from arrears_customer_total_month_end (held equal to the bills at every month end,
 * CONTRACT §5) rather than worked out from every bill of the visited customers (seconds at a million);
 * one month at a time, as an equality on the month reads only that month's row groups.
 */
const VISITED_ARREARS = `
  visited AS (SELECT DISTINCT customer_id FROM r),
  owed AS (
    SELECT customer_id, sum(arrears_start) AS arrears_start, sum(arrears_end) AS arrears_end
      FROM (SELECT a.customer_id, a.arrears AS arrears_start, 0 AS arrears_end
              FROM arrears_customer_total_month_end a SEMI JOIN visited USING (customer_id) WHERE a.month = $before_month
            UNION ALL
            SELECT a.customer_id, 0, a.arrears
              FROM arrears_customer_total_month_end a SEMI JOIN visited USING (customer_id) WHERE a.month = $last_month)
     GROUP BY customer_id)`;

/** The performance figures of the period, grouped. */
export async function collectionsPerformance(wh: Warehouse, query: PeriodQuery & { by: PerformanceGrouping }): Promise<PerformanceRow[]> {
  const keys = KEYS[query.by];
  const k = keys.join(', ');
  const rows = await wh.query<PerformanceRow>(
    `WITH ${VISITS_IN_PERIOD}, ${VISITED_ARREARS},
      g AS (
        SELECT ${k}, count(*)::BIGINT AS visits, count(DISTINCT customer_id)::BIGINT AS customers,
               count(*) FILTER (WHERE contact)::BIGINT AS contacts, count(*) FILTER (WHERE promise)::BIGINT AS promises,
               count(*) FILTER (WHERE promise_kept)::BIGINT AS promises_kept,
               sum(amount_collected)::BIGINT AS collected_at_visit, sum(attributed_14d)::BIGINT AS attributed_14d,
               count(DISTINCT day)::BIGINT AS working_days
          FROM r GROUP BY ${k}),
      ga AS (
        SELECT ${k}, sum(o.arrears_start)::BIGINT AS arrears_start, sum(o.arrears_end)::BIGINT AS arrears_end
          FROM (SELECT DISTINCT ${k}, customer_id FROM r) gc JOIN owed o USING (customer_id) GROUP BY ${k}),
      collectors AS (SELECT team_id, collector_id, min(team_name) AS team_name, min(collector_name) AS collector_name FROM teams GROUP BY ALL),
      team_names AS (SELECT team_id, min(team_name) AS team_name FROM teams GROUP BY ALL),
      kecamatan AS (SELECT kecamatan_code, min(kecamatan_name) AS kecamatan_name FROM areas GROUP BY ALL)
     SELECT ${query.by === 'collector' || query.by === 'team' ? 'g.team_id' : 'NULL'} AS team_id,
            ${query.by === 'collector' ? 'c.team_name' : query.by === 'team' ? 'tn.team_name' : 'NULL'} AS team_name,
            ${query.by === 'collector' ? 'g.collector_id' : 'NULL'} AS collector_id,
            ${query.by === 'collector' ? 'c.collector_name' : 'NULL'} AS collector_name,
            ${query.by === 'kecamatan' ? 'g.kecamatan_code' : 'NULL'} AS kecamatan_code,
            ${query.by === 'kecamatan' ? 'kc.kecamatan_name' : 'NULL'} AS kecamatan_name,
            ${query.by === 'month' ? 'g.month' : 'NULL'} AS month,
            g.visits, g.customers, g.contacts, g.promises, g.promises_kept, g.collected_at_visit, g.attributed_14d, g.working_days,
            coalesce(ga.arrears_start, 0)::BIGINT AS arrears_start, coalesce(ga.arrears_end, 0)::BIGINT AS arrears_end
       FROM g LEFT JOIN ga USING (${k})
            ${query.by === 'collector' ? 'LEFT JOIN collectors c USING (team_id, collector_id)' : ''}
            ${query.by === 'team' ? 'LEFT JOIN team_names tn USING (team_id)' : ''}
            ${query.by === 'kecamatan' ? 'LEFT JOIN kecamatan kc USING (kecamatan_code)' : ''}
      ORDER BY ${keys.map((key) => `g.${key}`).join(', ')}`,
    periodParams(query, true),
  );
  return rows.map(withRates);
}

function withRates<R extends Omit<PerformanceFigures, 'contact_rate' | 'rupiah_per_visit' | 'visits_per_working_day'>>(r: R): R & PerformanceFigures {
  return {
    ...r,
    contact_rate: r.visits > 0 ? r.contacts / r.visits : null,
    rupiah_per_visit: r.visits > 0 ? Math.round(r.attributed_14d / r.visits) : null,
    visits_per_working_day: r.working_days > 0 ? r.visits / r.working_days : null,
  };
}

export interface OutcomeCount {
  outcome: string;
  visits: number;
}

/** How the period's visits ended: visits per outcome. */
export function outcomeMix(wh: Warehouse, query: PeriodQuery): Promise<OutcomeCount[]> {
  return wh.query<OutcomeCount>(
    `WITH ${VISITS_IN_PERIOD}
     SELECT outcome, count(*)::BIGINT AS visits FROM r GROUP BY outcome ORDER BY visits DESC, outcome`,
    periodParams(query, false),
  );
}

export interface TeamRow {
  team_id: string;
  team_name: string;
  collector_id: string;
  collector_name: string;
  base_latitude: number | null;
  base_longitude: number | null;
}

/** The teams and their collectors in scope (teams.csv). */
export function teamsInScope(wh: Warehouse, { scope }: { scope: Scope }): Promise<TeamRow[]> {
  return wh.query<TeamRow>(
    `SELECT team_id, team_name, collector_id, collector_name, base_latitude, base_longitude
       FROM teams WHERE ${teamScopeSql('team_id')} ORDER BY team_id, collector_id`,
    teamParams(scope),
  );
}

export interface ActualVisit {
  customer_id: string;
  collector_id: string;
  visit_id: string;
  outcome: string;
  amount_collected: number;
  attributed_14d: number;
}

/**
 * Plan vs actual: the team's visits on the plan date to the planned customers (a customer visited
 * twice that day: both visits), once that day's visits are loaded.
 */
export function visitsOfDay(
  wh: Warehouse,
  { team, date, customers, scope }: { team: string; date: string; customers: readonly string[]; scope: Scope },
): Promise<ActualVisit[]> {
  return wh.query<ActualVisit>(
    `SELECT customer_id, collector_id, visit_id, outcome, amount_collected, attributed_14d
       FROM visit_results
      WHERE day = CAST($date AS DATE) AND team_id = $team AND list_contains($customers, customer_id) AND ${teamScopeSql('team_id')}
      ORDER BY customer_id, visit_id`,
    { team, date, customers: [...customers], ...teamParams(scope) },
  );
}

/** Whether the warehouse holds visits of that day or later: then a plan of that day can be compared. */
export async function visitsLoadedFor(wh: Warehouse, { date }: { date: string }): Promise<boolean> {
  const [row] = await wh.query<{ loaded: boolean }>(`SELECT coalesce(max(day) >= CAST($date AS DATE), false) AS loaded FROM visit_results`, { date });
  return row.loaded;
}

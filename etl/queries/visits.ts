/** The collection teams' visits, limited to the teams the scope may see (a supervisor: their own). */
import type { Warehouse } from '../warehouse/duckdb';
import { teamParams, teamScopeSql, type Scope } from './scope';

export interface TeamVisits {
  team_id: string;
  team_name: string;
  visits: number;
  /** distinct customers visited */
  customers: number;
  /** visits with the outcome paid or partial */
  paid_visits: number;
  amount_collected: number;
}

/** Visits from `from` to `to` (YYYY-MM-DD, inclusive) by team, the teams in scope only. */
export function visitsByTeam(wh: Warehouse, { from, to, scope }: { from: string; to: string; scope: Scope }): Promise<TeamVisits[]> {
  return wh.query<TeamVisits>(
    `WITH team_names AS (SELECT team_id, min(team_name) AS team_name FROM teams GROUP BY team_id)
     SELECT v.team_id, coalesce(t.team_name, v.team_id) AS team_name, count(*)::BIGINT AS visits,
            count(DISTINCT v.customer_id)::BIGINT AS customers,
            count(*) FILTER (WHERE v.outcome IN ('paid', 'partial'))::BIGINT AS paid_visits,
            coalesce(sum(v.amount_collected), 0)::BIGINT AS amount_collected
       FROM visits v LEFT JOIN team_names t USING (team_id)
      WHERE CAST(v.visited_at AS DATE) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND ${teamScopeSql('v.team_id')}
      GROUP BY v.team_id, t.team_name
      ORDER BY v.team_id`,
    { from, to, ...teamParams(scope) },
  );
}

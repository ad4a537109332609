/**
 * Saved route plans in the server's own store (state-store.ts, migration 020-route-plans). A plan is
 * saved in one transaction: its number, the plan as computed, and one row per planned stop (what plan
 * vs actual compares with the day's visits).
 */
import type { RoutePlan } from '../route/plan';
import { nextInSequence, type StateStore } from './state-store';

export interface SavedPlan {
  plan_id: number;
  team_id: string;
  plan_date: string;
  area: string;
  per_collector: number;
  saved_by: string;
  saved_at: string;
  plan: RoutePlan;
}

export type PlanSummary = Omit<SavedPlan, 'plan'> & { stops: number; collectors: number };

export function savePlan(store: StateStore, plan: RoutePlan, savedBy: string): Promise<number> {
  return store.write(async (tx) => {
    const planId = await nextInSequence(tx, 'route_plan');
    await tx.run(
      `INSERT INTO route_plans VALUES ($plan_id, $team, CAST($date AS DATE), $area, $per_collector, $saved_by, current_timestamp::TIMESTAMP, $plan)`,
      { plan_id: planId, team: plan.team_id, date: plan.date, area: plan.area, per_collector: plan.per_collector, saved_by: savedBy, plan: JSON.stringify(plan) },
    );
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        await tx.run(`INSERT INTO route_plan_stops VALUES ($plan_id, $collector, $seq, $customer)`, {
          plan_id: planId,
          collector: route.collector_id,
          seq: stop.seq,
          customer: stop.customer_id,
        });
      }
    }
    return planId;
  });
}

const SUMMARY = `p.plan_id, p.team_id, CAST(p.plan_date AS VARCHAR) AS plan_date, p.area, p.per_collector, p.saved_by,
  strftime(p.saved_at, '%Y-%m-%d %H:%M:%S') AS saved_at,
  (SELECT count(*) FROM route_plan_stops s WHERE s.plan_id = p.plan_id)::BIGINT AS stops,
  (SELECT count(DISTINCT collector_id) FROM route_plan_stops s WHERE s.plan_id = p.plan_id)::BIGINT AS collectors`;

/** Saved plans of the teams given ('all': every team), newest first; optionally one team and day. */
export function listPlans(
  store: StateStore,
  { teams, team = null, date = null }: { teams: 'all' | readonly string[]; team?: string | null; date?: string | null },
): Promise<PlanSummary[]> {
  const key = `plans:${JSON.stringify([teams, team, date])}`;
  return store.remember(key, () => store.read<PlanSummary>(
    `SELECT ${SUMMARY} FROM route_plans p
      WHERE ($all OR list_contains($teams, p.team_id)) AND ($team IS NULL OR p.team_id = $team)
        AND ($date IS NULL OR p.plan_date = CAST($date AS DATE))
      ORDER BY p.plan_date DESC, p.plan_id DESC LIMIT 200`,
    { all: teams === 'all', teams: teams === 'all' ? [] : [...teams], team, date },
  ));
}

export async function readPlan(store: StateStore, planId: number): Promise<SavedPlan | null> {
  const [row] = await store.read<PlanSummary & { plan: string }>(`SELECT ${SUMMARY}, CAST(p.plan AS VARCHAR) AS plan FROM route_plans p WHERE p.plan_id = $id`, {
    id: planId,
  });
  if (!row) return null;
  const { stops: _s, collectors: _c, ...rest } = row;
  return { ...rest, plan: JSON.parse(row.plan) as RoutePlan };
}

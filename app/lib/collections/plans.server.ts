/**
 * Route plans on the server: computed from the warehouse (etl/route/plan.ts), saved in the server's
 * own store (etl/store/route-plans.ts), compared with the day's visits once loaded. A saved plan is
 * recomputed from the posted team, date, area and visits per collector: the browser never sends
 * customers.
 */
import { visitsLoadedFor, visitsOfDay, type ActualVisit } from '../../../etl/queries/collections';
import type { Scope } from '../../../etl/queries/scope';
import { planRoute, type PlanRequest, type RoutePlan } from '../../../etl/route/plan';
import { listPlans, readPlan, savePlan, type SavedPlan } from '../../../etl/store/route-plans';
import { readCollectionSettings } from '../settings/collections.server';
import { stateStore } from '../state.server';
import { withWarehouse } from '../warehouse.server';

/** The days before the plan date whose visited customers are left out (CONTRACT: recent_visit_days; an admin's setting). */
export async function recentVisitDays(): Promise<number> {
  return (await readCollectionSettings()).recent_visit_days;
}

export async function computePlan(request: PlanRequest, scope: Scope): Promise<RoutePlan> {
  const recentDays = await recentVisitDays();
  return withWarehouse((wh) => planRoute(wh, request, { scope, recentDays }));
}

export async function saveComputedPlan(request: PlanRequest, scope: Scope, savedBy: string): Promise<number> {
  const plan = await computePlan(request, scope);
  return savePlan(await stateStore(), plan, savedBy);
}

export async function savedPlans(scope: Scope, filter: { team?: string | null; date?: string | null } = {}) {
  return listPlans(await stateStore(), { teams: scope.teams, ...filter });
}

/** A saved plan the scope may see, or null. */
export async function savedPlan(scope: Scope, planId: number): Promise<SavedPlan | null> {
  const plan = await readPlan(await stateStore(), planId);
  if (!plan || !(scope.teams === 'all' || scope.teams.includes(plan.team_id))) return null;
  return plan;
}

export interface StopActual {
  customer_id: string;
  visited: boolean;
  outcome: string | null;
  amount_collected: number;
}

/** Plan vs actual: each planned customer's visits of that day by the team (the first one's outcome). */
export async function planActuals(plan: RoutePlan, scope: Scope): Promise<{ loaded: boolean; stops: StopActual[] }> {
  const customers = plan.routes.flatMap((r) => r.stops.map((s) => s.customer_id));
  const { visits, loaded } = await withWarehouse(async (wh) => ({
    loaded: await visitsLoadedFor(wh, { date: plan.date }),
    visits: await visitsOfDay(wh, { team: plan.team_id, date: plan.date, customers, scope }),
  }));
  const byCustomer = new Map<string, ActualVisit[]>();
  for (const v of visits) byCustomer.set(v.customer_id, [...(byCustomer.get(v.customer_id) ?? []), v]);
  return {
    loaded,
    stops: customers.map((id) => {
      const seen = byCustomer.get(id) ?? [];
      return { customer_id: id, visited: seen.length > 0, outcome: seen[0]?.outcome ?? null, amount_collected: seen.reduce((s, v) => s + v.amount_collected, 0) };
    }),
  };
}

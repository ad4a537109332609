/** The `plan` command's output: the plan as JSON (what the page and the API hold), or a table per collector. */
import { groupThousands } from '../domain/money';
import { SCORE_PARTS } from '../domain/collections/priority';
import { table } from '../report/output';
import type { RoutePlan } from './plan';

/** The plan's JSON: per collector the stops in visit order with their score parts, and the three lengths in whole metres. */
export function planJson(plan: RoutePlan) {
  return {
    team_id: plan.team_id,
    team_name: plan.team_name,
    date: plan.date,
    area: plan.area,
    per_collector: plan.per_collector,
    recent_visit_days: plan.recent_visit_days,
    seed: plan.seed,
    base: plan.base,
    candidates: plan.candidates,
    left_over: plan.left_over,
    without_location: plan.without_location,
    collectors: plan.routes.map((r) => ({
      collector_id: r.collector_id,
      collector_name: r.collector_name,
      length_m: r.length_m,
      unoptimised_length_m: r.unoptimised_length_m,
      lower_bound_m: r.lower_bound_m,
      stops: r.stops.map((s) => ({
        seq: s.seq,
        customer_id: s.customer_id,
        desa_code: s.desa_code,
        latitude: s.lat,
        longitude: s.lon,
        arrears: s.arrears,
        overdue_bills: s.overdue_bills,
        last_outcome: s.last_outcome,
        score: s.score,
        score_parts: s.parts,
      })),
    })),
  };
}

export function formatPlan(plan: RoutePlan, format: 'table' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(planJson(plan), null, 2)}\n`;
  const km = (m: number) => `${groupThousands(m)} m`;
  let out = `Plan ${plan.team_id} (${plan.team_name}) on ${plan.date}, area ${plan.area || 'all'}: ${plan.candidates} candidates, ${plan.left_over} left over\n`;
  for (const r of plan.routes) {
    out += `\n${r.collector_id} ${r.collector_name}: ${r.stops.length} stops, ${km(r.length_m)} (unoptimised ${km(r.unoptimised_length_m)}, lower bound ${km(r.lower_bound_m)})\n`;
    out += table(
      r.stops.map((s) => ({
        seq: String(s.seq),
        customer_id: s.customer_id,
        desa_code: s.desa_code,
        arrears: s.arrears,
        overdue_bills: s.overdue_bills,
        score: s.score,
        ...Object.fromEntries(SCORE_PARTS.map((k) => [k, s.parts[k]])),
      })),
    );
  }
  return out;
}

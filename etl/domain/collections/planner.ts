/**
 * A team's day of visits (Rute): the candidates ranked by priority, the top ones shared among the
 * collectors (each at most `perCollector`), and each collector's visit order from the team's base and
 * back. Pure and deterministic: the same candidates, collectors and seed give the same plan, which is
 * why the server can recompute a plan from the few fields a form posts.
 */
import { assignBySweep } from '../route/assign';
import type { LatLon } from '../route/geo';
import { orderStops } from '../route/order';
import { byPriority, priorityScore, type CandidateFacts, type Scored } from './priority';

export const DEFAULT_PER_COLLECTOR = 25;
/** Customers visited in the last N days before the plan date are not candidates (the default of an admin's setting). */
export const DEFAULT_RECENT_VISIT_DAYS = 7;
export const MAX_PER_COLLECTOR = 60;
export const PLAN_SEED = 1;

export interface Candidate extends CandidateFacts, LatLon {}

export type PlannedStop<C extends Candidate> = C & Scored & { id: string; seq: number };

export interface CollectorRoute<C extends Candidate> {
  collector_id: string;
  collector_name: string;
  stops: PlannedStop<C>[];
  length_m: number;
  /** the same stops visited in priority order */
  unoptimised_length_m: number;
  lower_bound_m: number;
}

export interface TeamPlan<C extends Candidate> {
  routes: CollectorRoute<C>[];
  /** candidates ranked but beyond the team's capacity */
  left_over: number;
  candidates: number;
}

export interface Collector {
  collector_id: string;
  collector_name: string;
}

export function planTeamDay<C extends Candidate>(
  base: LatLon,
  collectors: readonly Collector[],
  candidates: readonly C[],
  perCollector: number,
  seed = PLAN_SEED,
): TeamPlan<C> {
  const ranked = candidates.map((c) => ({ ...c, ...priorityScore(c), id: c.customer_id })).sort(byPriority);
  const { groups, unassigned } = assignBySweep(base, ranked, collectors.map(() => perCollector));
  const routes = groups.map((group, g) => {
    // the sweep hands a slice out by bearing; the unoptimised order is the slice in priority order
    const byScore = [...group].sort(byPriority);
    const route = orderStops(base, byScore, { seed });
    return {
      ...collectors[g],
      stops: route.stops.map((s, i) => ({ ...s, seq: i + 1 })),
      length_m: Math.round(route.lengthM),
      unoptimised_length_m: Math.round(route.unoptimisedLengthM),
      lower_bound_m: Math.round(route.lowerBoundM),
    };
  });
  return { routes, left_over: unassigned.length, candidates: candidates.length };
}

/**
 * A team's day as the planner makes it, from the warehouse: the team's collectors and base
 * (teams.csv), the candidates of the area (etl/queries/route-candidates.ts), then the pure planner
 * (etl/domain/collections/planner.ts). The page, the saved plans, `npm run route -- plan` and the
 * benchmark all call this one function, so the same input gives the same plan everywhere.
 */
import { DEFAULT_PER_COLLECTOR, DEFAULT_RECENT_VISIT_DAYS, MAX_PER_COLLECTOR, PLAN_SEED, planTeamDay, type TeamPlan } from '../domain/collections/planner';
import { DESA_CODE, KECAMATAN_CODE } from '../domain/areas';
import { parseDate } from '../domain/period';
import { teamsInScope } from '../queries/collections';
import { routeCandidates, type RouteArea, type RouteCandidate } from '../queries/route-candidates';
import type { Scope } from '../queries/scope';
import type { Warehouse } from '../warehouse/duckdb';

export interface PlanRequest {
  team: string;
  /** YYYY-MM-DD */
  date: string;
  /** a kecamatan code `17.02.KK`, or desa codes `17.02.KK.NXXX` separated by commas; empty: every area */
  area: string;
  perCollector: number;
}

export interface RoutePlan extends TeamPlan<RouteCandidate> {
  team_id: string;
  team_name: string;
  date: string;
  area: string;
  per_collector: number;
  recent_visit_days: number;
  seed: number;
  base: { lat: number; lon: number };
  without_location: number;
}

export class PlanInputError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_AREA_DESA = 10;

/** The area text as the candidates query takes it, or the reason it is not one. */
export function parseArea(text: string): RouteArea | PlanInputError {
  const t = text.trim();
  if (t === '') return {};
  if (KECAMATAN_CODE.test(t)) return { kecamatan: t };
  const desa = t.split(',').map((d) => d.trim()).filter(Boolean);
  if (desa.length > MAX_AREA_DESA) return new PlanInputError('area', `area: at most ${MAX_AREA_DESA} desa`);
  const bad = desa.find((d) => !DESA_CODE.test(d));
  if (bad !== undefined) return new PlanInputError('area', `area must be a kecamatan code 17.02.KK or desa codes 17.02.KK.NXXX (${bad})`);
  return { desa };
}

/** Checks the fields a form or the CLI gives; throws PlanInputError naming the first bad one. */
export function checkPlanRequest(input: { team?: string | null; date?: string | null; area?: string | null; perCollector?: string | null }): PlanRequest {
  const team = (input.team ?? '').trim();
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(team)) throw new PlanInputError('team', 'team must be a team_id');
  const date = parseDate(input.date ?? '', 'date');
  if (!date.ok) throw new PlanInputError('date', date.reason);
  const area = input.area ?? '';
  const parsedArea = parseArea(area);
  if (parsedArea instanceof PlanInputError) throw parsedArea;
  const pc = (input.perCollector ?? '').trim();
  const perCollector = pc === '' ? DEFAULT_PER_COLLECTOR : Number(pc);
  if (!/^\d*$/.test(pc) || !Number.isInteger(perCollector) || perCollector < 1 || perCollector > MAX_PER_COLLECTOR) {
    throw new PlanInputError('per_collector', `per_collector must be a whole number from 1 to ${MAX_PER_COLLECTOR}`);
  }
  return { team, date: date.value, area: area.trim(), perCollector };
}

/** The plan; throws PlanInputError('team') for a team outside the scope or without a base. */
export async function planRoute(
  wh: Warehouse,
  request: PlanRequest,
  { scope, recentDays = DEFAULT_RECENT_VISIT_DAYS }: { scope: Scope; recentDays?: number },
): Promise<RoutePlan> {
  const area = parseArea(request.area);
  if (area instanceof PlanInputError) throw area;
  const collectors = (await teamsInScope(wh, { scope })).filter((t) => t.team_id === request.team);
  if (collectors.length === 0) throw new PlanInputError('team', `there is no team ${request.team} you may plan for`);
  const { base_latitude: lat, base_longitude: lon } = collectors[0];
  if (lat === null || lon === null) throw new PlanInputError('team', `team ${request.team} has no base coordinates in teams.csv`);
  const { candidates, without_location } = await routeCandidates(wh, { date: request.date, area, recentDays, scope });
  const base = { lat, lon };
  const plan = planTeamDay(base, collectors, candidates, request.perCollector, PLAN_SEED);
  return {
    team_id: request.team,
    team_name: collectors[0].team_name,
    date: request.date,
    area: request.area,
    per_collector: request.perCollector,
    recent_visit_days: recentDays,
    seed: PLAN_SEED,
    base,
    without_location,
    ...plan,
  };
}

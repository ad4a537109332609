/**
 * Who sees what on the Penagihan pages and in their API (CONTRACT §4, Collections): a supervisor their
 * own teams, directors and admins every team, managers no collector figures at all. And the period
 * parameters the pages and GET /api/v1/collections share.
 */
import { addMonths } from '../../../etl/domain/period';
import type { Scope } from '../../../etl/queries/scope';
import type { User } from '../roles';
import { scopeFor } from '../scope.server';
import { BadParam } from '../tables/define.server';
import { warehouseFreshness } from '../warehouse.server';

/** The roles that see collectors' figures and plan routes. */
export const COLLECTIONS_ROLES = ['director', 'supervisor', 'admin'] as const;

/** The scope of the collections figures, or null for a role that sees none (managers). */
export function collectionsScope(user: Pick<User, 'role' | 'teams'>): Scope | null {
  return (COLLECTIONS_ROLES as readonly string[]).includes(user.role) ? scopeFor(user) : null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TEAM = /^[A-Za-z0-9._-]{1,32}$/;
/** Months a page shows by default, ending with the latest month with figures. */
export const DEFAULT_MONTHS = 3;
export const MAX_MONTHS = 60;

export interface PeriodInput {
  from: string;
  to: string;
  team: string | null;
}

/** `from`, `to` (YYYY-MM) and `team` of a request; defaults: the last three months with figures. Throws BadParam naming the bad one. */
export async function periodParams(params: URLSearchParams, { defaults = true } = {}): Promise<PeriodInput> {
  const read = (name: string) => params.get(name)?.trim() || null;
  const from = read('from');
  const to = read('to');
  const team = read('team');
  if (from !== null && !MONTH.test(from)) throw new BadParam('from', 'from must be a month YYYY-MM');
  if (to !== null && !MONTH.test(to)) throw new BadParam('to', 'to must be a month YYYY-MM');
  if (team !== null && !TEAM.test(team)) throw new BadParam('team', 'team must be a team_id');
  if (!defaults && (from === null || to === null)) throw new BadParam(from === null ? 'from' : 'to', `${from === null ? 'from' : 'to'} is required (YYYY-MM)`);
  const latest = (await warehouseFreshness()).months.at(-1) ?? null;
  const end = to ?? latest ?? '2000-01';
  const start = from ?? addMonths(end, 1 - DEFAULT_MONTHS);
  if (start > end) throw new BadParam('from', 'from must not be after to');
  if (addMonths(start, MAX_MONTHS) <= end) throw new BadParam('to', `at most ${MAX_MONTHS} months at once`);
  return { from: start, to: end, team };
}

/** A team the user may not see is an empty answer on a page and a 403 in the API: the caller decides. */
export function teamAllowed(scope: Scope, team: string | null): boolean {
  return team === null || scope.teams === 'all' || scope.teams.includes(team);
}

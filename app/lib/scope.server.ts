/**
 * The signed-in user's scope for the named queries (etl/queries/scope.ts), built once per request from
 * the role and teams (roles.ts): directors, supervisors and admins see personal data, managers do not;
 * a supervisor sees only their own teams, the other roles every team.
 */
import { json } from '@remix-run/node';
import { ScopeRefusedError, type Scope } from '../../etl/queries/scope';
import { canSeePersonalData, canSeeRawRejects, type User } from './roles';

export type { Scope };

export function scopeFor(user: Pick<User, 'role' | 'teams'>): Scope {
  return Object.freeze({
    personalData: canSeePersonalData(user),
    teams: user.role === 'supervisor' ? Object.freeze([...user.teams]) : 'all',
  });
}

/**
 * The scope for rejected lines' raw text: personal data only for the Data page's roles (roles.ts
 * canSeeRawRejects), the same on the page, in its export and in GET /api/v1/loads.
 */
export function rawRejectsScopeFor(user: Pick<User, 'role' | 'teams'>): Scope {
  return Object.freeze({ ...scopeFor(user), personalData: canSeeRawRejects(user) });
}

/** Runs a query; a ScopeRefusedError becomes the 403 Response `{ error: 'forbidden', message }`. */
export async function withinScope<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ScopeRefusedError) throw json({ error: 'forbidden', message: error.message }, { status: 403 });
    throw error;
  }
}

/**
 * What a caller may see: whether personal data (customer names, addresses, phones, a rejected line's raw
 * text) may be returned, and which collection teams. The web layer builds it once from the signed-in
 * user (app/lib/scope.server.ts); the report CLI runs with EVERYTHING. Queries that can return personal
 * data take it as a required parameter, so none can forget it.
 */
export interface Scope {
  readonly personalData: boolean;
  /** the team_ids whose visits and customers may be seen; 'all' for every team */
  readonly teams: 'all' | readonly string[];
}

/** The operator at the command line: everything in the warehouse. */
export const EVERYTHING: Scope = Object.freeze({ personalData: true, teams: 'all' });

/** A query was asked for personal data by a scope without it (the web layer answers 403). */
export class ScopeRefusedError extends Error {
  constructor(readonly what: string) {
    super(`${what} holds personal data, which this user may not see`);
    this.name = 'ScopeRefusedError';
  }
}

/** Throws ScopeRefusedError unless the scope may see personal data. */
export function requirePersonalData(scope: Scope, what: string): void {
  if (!scope.personalData) throw new ScopeRefusedError(what);
}

/** A condition keeping rows whose team (the SQL expression `teamColumn`) is in scope; bind teamParams(scope). */
export function teamScopeSql(teamColumn: string): string {
  return `($scope_all_teams OR list_contains($scope_teams, ${teamColumn}))`;
}

export function teamParams(scope: Scope): { scope_all_teams: boolean; scope_teams: readonly string[] } {
  return scope.teams === 'all' ? { scope_all_teams: true, scope_teams: [] } : { scope_all_teams: false, scope_teams: scope.teams };
}

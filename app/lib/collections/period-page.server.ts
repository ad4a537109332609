/** What the performance page shows for a period: the four named queries in one go, scoped. */
import { collectionsPerformance, outcomeMix, teamsInScope, type OutcomeCount, type PerformanceRow, type TeamRow } from '../../../etl/queries/collections';
import type { Scope } from '../../../etl/queries/scope';
import { teamAllowed, type PeriodInput } from './access.server';
import { withScopedCache } from '../warehouse.server';

export interface PerformancePage {
  collectors: PerformanceRow[];
  kecamatan: PerformanceRow[];
  months: PerformanceRow[];
  outcomes: OutcomeCount[];
  teams: { team_id: string; team_name: string }[];
  generation: number;
}

export function loadPerformance(input: PeriodInput, scope: Scope): Promise<PerformancePage> {
  return withScopedCache('collections:performance', input, scope, async (wh, file) => {
    const teams = uniqueTeams(await teamsInScope(wh, { scope }));
    if (!teamAllowed(scope, input.team)) return { collectors: [], kecamatan: [], months: [], outcomes: [], teams, generation: file.generation };
    const q = { ...input, scope };
    const [collectors, kecamatan, months, outcomes] = [
      await collectionsPerformance(wh, { ...q, by: 'collector' }),
      await collectionsPerformance(wh, { ...q, by: 'kecamatan' }),
      await collectionsPerformance(wh, { ...q, by: 'month' }),
      await outcomeMix(wh, q),
    ];
    return { collectors, kecamatan, months, outcomes, teams, generation: file.generation };
  });
}

export function uniqueTeams(rows: readonly TeamRow[]): { team_id: string; team_name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.team_id)) seen.set(r.team_id, r.team_name);
  return [...seen].map(([team_id, team_name]) => ({ team_id, team_name }));
}

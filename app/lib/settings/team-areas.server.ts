/**
 * The areas each collection team covers (settings.json key `team_areas`), for the Menunggak per petugas
 * report: teams.csv and the visits do not say it. Absent (or unreadable), the report takes the default
 * from the visits (etl/domain/reports/menunggak.ts `defaultTeamAreas`, CONTRACT §4 Reports); once an
 * admin saves it on the Data page, it replaces the default for every team.
 *
 * { "team_areas": { "areas": { "T01": ["17.02.09", "17.02.17.2001"] }, "set_by": "admin", "set_at": "…Z" } }
 */
import { teamAreasProblem, type TeamAreas } from '../../../etl/domain/reports/menunggak';
import type { SettingsStore } from '../settings.server';

export interface TeamAreasSetting {
  areas: TeamAreas;
  set_by: string;
  set_at: string;
}

const TEAM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/** codes per team on the form: at most this many (the form stays under the body limit) */
const MAX_CODES = 60;

/** The stored setting, or null (the default) when it is absent or does not hold together. */
export function parseTeamAreasSetting(raw: unknown): TeamAreasSetting | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.areas !== 'object' || r.areas === null) return null;
  const areas: Record<string, string[]> = {};
  for (const [team, codes] of Object.entries(r.areas as Record<string, unknown>)) {
    if (!TEAM_ID.test(team) || !Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) return null;
    areas[team] = codes as string[];
  }
  if (teamAreasProblem(areas) !== null) return null;
  return { areas, set_by: String(r.set_by ?? ''), set_at: String(r.set_at ?? '') };
}

/** The form's field of a team: its codes, separated by commas, spaces or line breaks. */
export function teamAreasField(teamId: string): string {
  return `areas_${teamId}`;
}

export type TeamAreasCheck = { ok: true; value: TeamAreas } | { ok: false; team: string | null; message: string };

/** The form's text for the known teams, checked: every code an area code, each area in one team. */
export function checkTeamAreasForm(form: (name: string) => string, teams: readonly string[]): TeamAreasCheck {
  const value: Record<string, string[]> = {};
  for (const team of teams) {
    const codes = form(teamAreasField(team)).split(/[\s,;]+/).filter(Boolean);
    if (codes.length > MAX_CODES) return { ok: false, team, message: `${team}: at most ${MAX_CODES} areas` };
    value[team] = codes;
  }
  const problem = teamAreasProblem(value);
  if (problem !== null) return { ok: false, team: teams.find((t) => problem.startsWith(`${t}:`) || problem.endsWith(` ${t}`)) ?? null, message: problem };
  return { ok: true, value };
}

export function setTeamAreas(store: SettingsStore, areas: TeamAreas, by: string): Promise<unknown> {
  return store.update((s) => ({ ...s, team_areas: { areas, set_by: by, set_at: `${new Date().toISOString().slice(0, 19)}Z` } }));
}

/** Back to the default from the visits. */
export function clearTeamAreas(store: SettingsStore): Promise<unknown> {
  return store.update((s) => ({ ...s, team_areas: null }));
}

/**
 * The Data page's team areas: what the form shows (every team, its areas now and by default, the area
 * names) and its `intent=team-areas` action (admins save the areas, or go back to the default).
 */
import { redirect } from '@remix-run/node';
import { areaChoices } from '../../../etl/queries/area-list';
import { teamsInScope } from '../../../etl/queries/collections';
import { defaultTeamAreas } from '../../../etl/queries/reports/menunggak';
import { EVERYTHING } from '../../../etl/queries/scope';
import type { TeamAreas } from '../../../etl/domain/reports/menunggak';
import { monthEnd } from '../../../etl/domain/period';
import type { User } from '../roles';
import { settingsStore, type Settings } from '../settings.server';
import { warehouseFreshness, withWarehouse } from '../warehouse.server';
import { checkTeamAreasForm, clearTeamAreas, setTeamAreas, teamAreasField } from './team-areas.server';

export const TEAM_AREAS_INTENT = 'team-areas';

export interface TeamAreasSection {
  teams: {
    team_id: string;
    team_name: string;
    /** the form field holding the team's codes */
    field: string;
    areas: readonly string[];
    default_areas: readonly string[];
  }[];
  /** code → name of every kecamatan and desa, for the areas' names beside their codes */
  names: Record<string, string>;
  set_by: string | null;
  set_at: string | null;
}

/** The form's figures: the setting when there is one, else the default from the visits up to the last complete month. */
export async function teamAreasSection(settings: Settings): Promise<TeamAreasSection> {
  const { lastCompleteMonth } = await warehouseFreshness();
  const through = lastCompleteMonth ? monthEnd(lastCompleteMonth) : '9999-12-31';
  const [teams, defaults, choices] = await withWarehouse(async (wh) =>
    Promise.all([teamsInScope(wh, { scope: EVERYTHING }), defaultTeamAreas(wh, { through }), areaChoices(wh)]),
  );
  const set: TeamAreas | null = settings.team_areas?.areas ?? null;
  const teamNames = new Map(teams.map((t) => [t.team_id, t.team_name]));
  return {
    teams: [...teamNames].map(([team_id, team_name]) => ({
      team_id,
      team_name,
      field: teamAreasField(team_id),
      areas: (set ?? defaults)[team_id] ?? [],
      default_areas: defaults[team_id] ?? [],
    })),
    names: Object.fromEntries(choices.map((c) => [c.code, c.name])),
    set_by: settings.team_areas?.set_by ?? null,
    set_at: settings.team_areas?.set_at ?? null,
  };
}

export async function saveTeamAreas(form: FormData, user: User, back: string): Promise<Response> {
  const done = back.replace('saved=target', 'saved=team-areas');
  if (form.get('reset') === 'default') {
    await clearTeamAreas(settingsStore());
    return redirect(done);
  }
  const teams = await withWarehouse(async (wh) => (await teamsInScope(wh, { scope: EVERYTHING })).map((t) => t.team_id));
  const ids = [...new Set(teams)];
  const check = checkTeamAreasForm((name) => String(form.get(name) ?? ''), ids);
  if (!check.ok) {
    const values = Object.fromEntries(ids.map((t) => [teamAreasField(t), String(form.get(teamAreasField(t)) ?? '')]));
    // a plain Response: the Data page's action data keeps the target form's type (the form reads its own)
    return new Response(JSON.stringify({ intent: TEAM_AREAS_INTENT, team: check.team, message: check.message, values }), {
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  }
  await setTeamAreas(settingsStore(), check.value, user.name);
  return redirect(done);
}

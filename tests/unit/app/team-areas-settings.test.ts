import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../app/lib/settings.server';
import { checkTeamAreasForm, clearTeamAreas, parseTeamAreasSetting, setTeamAreas, teamAreasField } from '../../../app/lib/settings/team-areas.server';

const form = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('the team areas form', () => {
  it('reads each known team’s codes, separated by commas, spaces or line breaks; an empty field covers nothing', () => {
    const check = checkTeamAreasForm(form({ [teamAreasField('T01')]: '17.02.09, 17.02.17.2001\n17.02.10', [teamAreasField('T02')]: '' }), ['T01', 'T02']);
    expect(check).toEqual({ ok: true, value: { T01: ['17.02.09', '17.02.17.2001', '17.02.10'], T02: [] } });
  });

  it('names the team whose areas are wrong', () => {
    expect(checkTeamAreasForm(form({ areas_T01: 'Curup' }), ['T01'])).toMatchObject({ ok: false, team: 'T01' });
    expect(checkTeamAreasForm(form({ areas_T01: '17.02.09', areas_T02: '17.02.09.1001' }), ['T01', 'T02'])).toEqual({
      ok: false,
      team: 'T02',
      message: '17.02.09.1001 is covered by both T01 and T02',
    });
  });

  it('ignores fields of teams it does not know', () => {
    expect(checkTeamAreasForm(form({ areas_T01: '17.02.09', areas_T09: '17.02.10' }), ['T01'])).toEqual({ ok: true, value: { T01: ['17.02.09'] } });
  });
});

describe('the stored team areas', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are absent at first (the default), stored with who set them, cleared back to the default', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaba-team-areas-'));
    const store = new SettingsStore(join(dir, 'settings.json'));
    expect((await store.read()).team_areas ?? null).toBeNull();
    await setTeamAreas(store, { T01: ['17.02.09'] }, 'admin');
    expect((await new SettingsStore(join(dir, 'settings.json')).read()).team_areas).toMatchObject({ areas: { T01: ['17.02.09'] }, set_by: 'admin' });
    await clearTeamAreas(store);
    expect((await store.read()).team_areas ?? null).toBeNull();
  });

  it('that do not hold together are read as the default', () => {
    expect(parseTeamAreasSetting({ areas: { T01: ['17.02.09'], T02: ['17.02.09'] } })).toBeNull();
    expect(parseTeamAreasSetting({ areas: { T01: '17.02.09' } })).toBeNull();
    expect(parseTeamAreasSetting('x')).toBeNull();
    expect(parseTeamAreasSetting({ areas: { T01: ['17.02.09'] }, set_by: 'admin', set_at: '2026-12-01T00:00:00Z' })).toEqual({
      areas: { T01: ['17.02.09'] },
      set_by: 'admin',
      set_at: '2026-12-01T00:00:00Z',
    });
  });
});

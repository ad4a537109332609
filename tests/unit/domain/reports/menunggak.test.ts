import { describe, expect, it } from 'vitest';
import { assignmentLists, defaultTeamAreas, desaCollectors, mostVisited, shareCollected, teamAreasProblem, type DesaVisits } from '../../../../etl/domain/reports/menunggak';

describe('who an area goes to by default', () => {
  it('the one with most visits there', () => {
    expect(mostVisited([{ id: 'T02', visits: 3 }, { id: 'T01', visits: 5 }])).toBe('T01');
  });

  it('a tie to the lowest id; nobody when nobody visited', () => {
    expect(mostVisited([{ id: 'KOL0102', visits: 4 }, { id: 'KOL0101', visits: 4 }, { id: 'KOL0103', visits: 1 }])).toBe('KOL0101');
    expect(mostVisited([])).toBeNull();
    expect(mostVisited([{ id: 'T01', visits: 0 }])).toBeNull();
  });
});

describe('the default areas and the desa of each collector, from the visits', () => {
  // Curup (17.02.09): T01 7 visits, T05 9; Curup Timur (17.02.17): T01 only. T01's desa 1001: K01 4, K02 3.
  const visits: DesaVisits[] = [
    { team_id: 'T01', collector_id: 'K01', kecamatan_code: '17.02.09', desa_code: '17.02.09.1001', visits: 4 },
    { team_id: 'T01', collector_id: 'K02', kecamatan_code: '17.02.09', desa_code: '17.02.09.1001', visits: 3 },
    { team_id: 'T05', collector_id: 'K51', kecamatan_code: '17.02.09', desa_code: '17.02.09.1002', visits: 9 },
    { team_id: 'T01', collector_id: 'K02', kecamatan_code: '17.02.17', desa_code: '17.02.17.2001', visits: 2 },
    { team_id: 'T01', collector_id: 'K01', kecamatan_code: '17.02.17', desa_code: '17.02.17.2001', visits: 2 },
  ];

  it('each kecamatan to the team with most visits there, summed over its desa', () => {
    expect(defaultTeamAreas(visits)).toEqual({ T05: ['17.02.09'], T01: ['17.02.17'] });
  });

  it('each desa a team visited to its collector with most visits there, a tie to the lowest id', () => {
    expect(desaCollectors(visits)).toEqual([
      { team_id: 'T01', desa_code: '17.02.09.1001', collector_id: 'K01' },
      { team_id: 'T01', desa_code: '17.02.17.2001', collector_id: 'K01' },
      { team_id: 'T05', desa_code: '17.02.09.1002', collector_id: 'K51' },
    ]);
  });
});

describe('the areas an admin gives the teams', () => {
  it('accepts kecamatan and desa codes, each area in one team', () => {
    expect(teamAreasProblem({ T01: ['17.02.09', '17.02.17.2001'], T02: ['17.02.17.2002'], T03: [] })).toBeNull();
  });

  it('refuses what is not an area code', () => {
    expect(teamAreasProblem({ T01: ['Curup'] })).toBe('T01: Curup is not a kecamatan code like 17.02.09 or a desa code like 17.02.09.1012');
  });

  it('refuses an area two teams would cover, a desa inside another team’s kecamatan included', () => {
    expect(teamAreasProblem({ T01: ['17.02.09'], T02: ['17.02.09'] })).toBe('17.02.09 is covered by both T01 and T02');
    expect(teamAreasProblem({ T01: ['17.02.09'], T02: ['17.02.09.1001'] })).toBe('17.02.09.1001 is covered by both T01 and T02');
    expect(teamAreasProblem({ T01: ['17.02.09.1001'], T02: ['17.02.09'] })).toBe('17.02.09 is covered by both T01 and T02');
    expect(teamAreasProblem({ T01: ['17.02.09', '17.02.09.1001'] })).toBe('T01: 17.02.09.1001 is listed twice (17.02.09)');
  });

  it('binds as lists of equal length', () => {
    expect(assignmentLists({ T01: ['17.02.09', '17.02.10'], T02: ['17.02.17.2001'] }, [{ team_id: 'T01', desa_code: '17.02.09.1001', collector_id: 'K01' }])).toEqual({
      area_teams: ['T01', 'T01', 'T02'],
      area_codes: ['17.02.09', '17.02.10', '17.02.17.2001'],
      dc_teams: ['T01'],
      dc_desa: ['17.02.09.1001'],
      dc_collectors: ['K01'],
    });
  });
});

describe('the share collected', () => {
  it('collected of what there was to collect; none when there was nothing', () => {
    expect(shareCollected(150_000, 460_000)).toBeCloseTo(0.326087, 6);
    expect(shareCollected(0, 0)).toBeNull();
  });
});

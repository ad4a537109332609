/**
 * The rules of the Menunggak per petugas report (CONTRACT §4 Reports): which areas a team covers, which
 * of its collectors a desa goes to, and the share collected. Pure; etl/queries/reports/menunggak.ts
 * binds what they decide into its SQL.
 */
import { DESA_CODE, desaInKecamatan, KECAMATAN_CODE } from '../areas';

/** The areas each team covers: kecamatan codes (every desa in it) or desa codes, by team_id. */
export type TeamAreas = Readonly<Record<string, readonly string[]>>;

export interface VisitCount {
  /** a team_id (which team a kecamatan goes to) or a collector_id (which collector a desa goes to) */
  id: string;
  visits: number;
}

/**
 * Who an area goes to by default: the one with most visits there; a tie to the lowest id. null when
 * nobody visited it.
 */
export function mostVisited(counts: readonly VisitCount[]): string | null {
  let best: VisitCount | null = null;
  for (const c of counts) {
    if (c.visits <= 0) continue;
    if (best === null || c.visits > best.visits || (c.visits === best.visits && c.id < best.id)) best = c;
  }
  return best?.id ?? null;
}

/** Visits to the customers of one desa by one collector of a team (visit_results). */
export interface DesaVisits {
  team_id: string;
  collector_id: string;
  kecamatan_code: string;
  desa_code: string;
  visits: number;
}

/** Visits summed per group (key) and per candidate (id), the groups in key order. */
function visitCounts(rows: readonly DesaVisits[], key: (r: DesaVisits) => string, id: (r: DesaVisits) => string): [string, VisitCount[]][] {
  const groups = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const counts = groups.get(key(r)) ?? new Map<string, number>();
    counts.set(id(r), (counts.get(id(r)) ?? 0) + r.visits);
    groups.set(key(r), counts);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, counts]) => [k, [...counts].map(([candidate, visits]) => ({ id: candidate, visits }))]);
}

/** The default areas: each kecamatan to the team with most visits to its customers (mostVisited); none unvisited. */
export function defaultTeamAreas(visits: readonly DesaVisits[]): TeamAreas {
  const out: Record<string, string[]> = {};
  for (const [kecamatan, counts] of visitCounts(visits, (v) => v.kecamatan_code, (v) => v.team_id)) {
    const team = mostVisited(counts);
    if (team !== null) (out[team] ??= []).push(kecamatan);
  }
  return out;
}

export interface DesaCollector {
  team_id: string;
  desa_code: string;
  collector_id: string;
}

/** Each desa a team visited goes to the team's collector with most visits in it (mostVisited). */
export function desaCollectors(visits: readonly DesaVisits[]): DesaCollector[] {
  const out: DesaCollector[] = [];
  for (const team_id of [...new Set(visits.map((v) => v.team_id))].sort()) {
    for (const [desa_code, counts] of visitCounts(visits.filter((v) => v.team_id === team_id), (v) => v.desa_code, (v) => v.collector_id)) {
      const collector_id = mostVisited(counts);
      if (collector_id !== null) out.push({ team_id, desa_code, collector_id });
    }
  }
  return out;
}

/** The first problem of a team-areas map (codes that are not area codes, an area two teams claim), or null. */
export function teamAreasProblem(areas: TeamAreas): string | null {
  const claimed: { team: string; code: string }[] = [];
  for (const [team, codes] of Object.entries(areas)) {
    for (const code of codes) {
      if (!KECAMATAN_CODE.test(code) && !DESA_CODE.test(code)) return `${team}: ${code} is not a kecamatan code like 17.02.09 or a desa code like 17.02.09.1012`;
      const other = claimed.find((c) => c.code === code || desaInKecamatan(code, c.code) || desaInKecamatan(c.code, code));
      if (other) return other.team === team ? `${team}: ${code} is listed twice (${other.code})` : `${code} is covered by both ${other.team} and ${team}`;
      claimed.push({ team, code });
    }
  }
  return null;
}

/** The areas and the desa's collectors as lists of equal length, to bind and unnest in SQL. */
export function assignmentLists(areas: TeamAreas, collectors: readonly DesaCollector[]) {
  const pairs = Object.entries(areas).flatMap(([team, codes]) => codes.map((code) => [team, code] as const));
  return {
    area_teams: pairs.map(([t]) => t),
    area_codes: pairs.map(([, c]) => c),
    dc_teams: collectors.map((d) => d.team_id),
    dc_desa: collectors.map((d) => d.desa_code),
    dc_collectors: collectors.map((d) => d.collector_id),
  };
}

/** What was collected of what there was to collect, 0–1; null when there was nothing to collect. */
export function shareCollected(collected: number, toCollect: number): number | null {
  return toCollect > 0 ? collected / toCollect : null;
}

/**
 * Sharing the day's stops among a team's collectors: each collector gets a compact slice of the area
 * around the base, no collector more than their capacity, every stop at most once.
 *
 * Sweep clustering: the stops (the highest-priority ones the team can visit) are sorted by their
 * bearing from the base and cut into consecutive runs of balanced size, like slices of a cake. Where
 * the first cut falls is chosen to make the slices compact (least total squared distance of the stops
 * to their slice's centre), tried for every possible start.
 */
import { localPlaneMetres, type LatLon } from './geo';

export interface Assignment<S> {
  /** One list per collector, in collector order; sizes differ by at most one unless a capacity is reached. */
  groups: S[][];
  /** Stops beyond the team's total capacity, lowest priority first left out. */
  unassigned: S[];
}

/**
 * `stops` in priority order, highest first; `capacities` holds one collector's most visits each.
 * When there are more stops than the team's total capacity, the first ones are assigned and the rest
 * returned as unassigned.
 */
export function assignBySweep<S extends LatLon>(base: LatLon, stops: readonly S[], capacities: readonly number[]): Assignment<S> {
  if (capacities.length === 0) throw new RangeError('a team needs at least one collector');
  for (const c of capacities) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`a capacity is a whole number of visits, got ${c}`);
  }
  const taken = stops.slice(0, capacities.reduce((sum, c) => sum + c, 0));
  const unassigned = stops.slice(taken.length);
  const m = taken.length;
  if (m === 0) return { groups: capacities.map(() => []), unassigned };
  const sizes = balancedSizes(m, capacities);

  const plane = taken.map((s) => localPlaneMetres(base, s));
  // Ties in bearing fall back to the priority order, so the result never depends on sort stability.
  const order = taken
    .map((_, i) => i)
    .sort((a, b) => Math.atan2(plane[a].y, plane[a].x) - Math.atan2(plane[b].y, plane[b].x) || a - b);

  // Prefix sums over the sorted ring written twice, so any run's spread is O(1).
  const sx = new Float64Array(2 * m + 1);
  const sy = new Float64Array(2 * m + 1);
  const sq = new Float64Array(2 * m + 1);
  for (let i = 0; i < 2 * m; i++) {
    const p = plane[order[i % m]];
    sx[i + 1] = sx[i] + p.x;
    sy[i + 1] = sy[i] + p.y;
    sq[i + 1] = sq[i] + p.x * p.x + p.y * p.y;
  }
  const spread = (from: number, size: number) => {
    if (size === 0) return 0;
    const x = sx[from + size] - sx[from];
    const y = sy[from + size] - sy[from];
    return sq[from + size] - sq[from] - (x * x + y * y) / size;
  };
  let bestStart = 0;
  let bestSpread = Infinity;
  for (let start = 0; start < m; start++) {
    let total = 0;
    let at = start;
    for (const size of sizes) {
      total += spread(at, size);
      at += size;
    }
    if (total < bestSpread - 1e-6) {
      bestSpread = total;
      bestStart = start;
    }
  }

  const groups: S[][] = [];
  let at = bestStart;
  for (const size of sizes) {
    groups.push(Array.from({ length: size }, (_, q) => taken[order[(at + q) % m]]));
    at += size;
  }
  return { groups, unassigned };
}

/** Deals `m` visits out one at a time to collectors not yet full: as even as the capacities allow. */
export function balancedSizes(m: number, capacities: readonly number[]): number[] {
  const sizes = capacities.map(() => 0);
  let left = m;
  while (left > 0) {
    for (let g = 0; g < capacities.length && left > 0; g++) {
      if (sizes[g] < capacities[g]) {
        sizes[g]++;
        left--;
      }
    }
  }
  return sizes;
}

/**
 * Sharing stops among collectors: capacity respected, no stop twice, every stop assigned while the
 * team's capacity allows, the highest-priority stops first, and compact slices around the base.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../etl/generate/prng';
import { assignBySweep, balancedSizes } from '../../../etl/domain/route/assign';
import { orderStops, type Stop } from '../../../etl/domain/route/order';
import { routeTeam } from '../../../etl/domain/route/team-routes';

const CURUP = { lat: -3.47, lon: 102.52 };

/** `count` stops within about 9 km of the base, ids in priority order (S0 highest). */
function stopsAround(count: number, seed: number): Stop[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `S${i}`,
    lat: CURUP.lat + (rng.next() - 0.5) * 0.16,
    lon: CURUP.lon + (rng.next() - 0.5) * 0.16,
  }));
}

describe('assigning stops to collectors', () => {
  for (const [count, collectors, capacity] of [
    [100, 4, 25],
    [37, 4, 25],
    [500, 4, 25],
    [3, 5, 2],
  ] as const) {
    it(`${count} stops, ${collectors} collectors × ${capacity}: capacity held, nobody twice, all placed that fit`, () => {
      const stops = stopsAround(count, count);
      const { groups, unassigned } = assignBySweep(CURUP, stops, Array(collectors).fill(capacity));
      expect(groups).toHaveLength(collectors);
      for (const g of groups) expect(g.length).toBeLessThanOrEqual(capacity);
      const placed = groups.flat();
      expect(new Set(placed.map((s) => s.id)).size).toBe(placed.length);
      expect(placed.length).toBe(Math.min(count, collectors * capacity));
      // What is left out is the lowest-priority tail, and nothing is lost.
      expect(unassigned).toEqual(stops.slice(collectors * capacity));
      expect(new Set([...placed, ...unassigned])).toEqual(new Set(stops));
      // Balanced: sizes differ by one at most.
      const sizes = groups.map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    });
  }

  it('gives each collector one side of town: four stops north and four south make two groups', () => {
    const north = [0.01, 0.02, 0.03, 0.04].map((d, i) => ({ id: `N${i}`, lat: CURUP.lat + d, lon: CURUP.lon + d / 4 }));
    const south = [0.01, 0.02, 0.03, 0.04].map((d, i) => ({ id: `S${i}`, lat: CURUP.lat - d, lon: CURUP.lon - d / 4 }));
    const { groups } = assignBySweep(CURUP, [north[0], south[0], north[1], south[1], north[2], south[2], north[3], south[3]], [4, 4]);
    const sides = groups.map((g) => [...new Set(g.map((s) => s.id[0]))]);
    expect(sides.sort()).toEqual([['N'], ['S']]);
  });

  it('makes shorter days than dealing the stops out in priority order', () => {
    const stops = stopsAround(100, 21);
    const options = { seed: 1, iterations: 300 };
    const sweep = routeTeam(CURUP, stops, [25, 25, 25, 25], options).routes.reduce((sum, r) => sum + r.lengthM, 0);
    const dealt = [0, 1, 2, 3]
      .map((g) => orderStops(CURUP, stops.slice(25 * g, 25 * (g + 1)), options).lengthM)
      .reduce((sum, l) => sum + l, 0);
    // Four compact slices instead of four collectors each crossing the whole area.
    expect(sweep).toBeLessThan(dealt * 0.7);
  });

  it('holds each collector to their own capacity, sharing the rest evenly', () => {
    // 30 stops for capacities 5, 20 and 20: the first is full at 5, the others share 25 as 13 and 12.
    expect(balancedSizes(30, [5, 20, 20])).toEqual([5, 13, 12]);
    const { groups, unassigned } = assignBySweep(CURUP, stopsAround(50, 3), [5, 20, 20]);
    expect(groups.map((g) => g.length)).toEqual([5, 20, 20]);
    expect(unassigned).toHaveLength(5);
    expect(assignBySweep(CURUP, stopsAround(30, 3), [5, 20, 20]).groups.map((g) => g.length)).toEqual([5, 13, 12]);
  });

  it('refuses a team without collectors or a negative capacity', () => {
    expect(() => assignBySweep(CURUP, [], [])).toThrow(/at least one collector/);
    expect(() => assignBySweep(CURUP, [], [25, -1])).toThrow(/capacity/);
  });

  it('routes every collector from the base, each route no longer than its stops in the order assigned', () => {
    const stops = stopsAround(120, 9);
    const { routes, unassigned } = routeTeam(CURUP, stops, [25, 25, 25, 25], { seed: 1, iterations: 200 });
    expect(routes).toHaveLength(4);
    expect(unassigned).toHaveLength(20);
    const visited = routes.flatMap((r) => r.stops.map((s) => s.id));
    expect(new Set(visited).size).toBe(100);
    expect(new Set(visited)).toEqual(new Set(stops.slice(0, 100).map((s) => s.id)));
    for (const r of routes) {
      expect(r.stops).toHaveLength(25);
      expect(r.lengthM).toBeLessThanOrEqual(r.unoptimisedLengthM);
      expect(r.lowerBoundM).toBeLessThanOrEqual(r.lengthM);
    }
  });
});

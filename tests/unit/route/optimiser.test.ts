/**
 * The tour optimiser on hand-built cases and on published TSPLIB instances with proven optimal tours
 * (tests/fixtures/tsp). Budgets are in iterations, never milliseconds, so every figure is the same on
 * any machine.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../etl/generate/prng';
import { shortestTourByEnumeration } from '../../../etl/domain/route/exact';
import { nearestNeighbourLists, TourSearch } from '../../../etl/domain/route/local-search';
import { heldKarpBound, minimumSpanningTreeBound } from '../../../etl/domain/route/lower-bound';
import { DistanceMatrix, euc2dMatrix } from '../../../etl/domain/route/matrix';
import { optimiseTour } from '../../../etl/domain/route/optimise';
import { parseTsplib } from '../../../etl/domain/route/tsplib';
import { isPermutation, nearestNeighbourTour, rotateToStart, tourLength } from '../../../etl/domain/route/tour';

const instance = (name: string) => parseTsplib(readFileSync(new URL(`../../fixtures/tsp/${name}.tsp`, import.meta.url), 'utf8'));

function randomPoints(count: number, seed: number, size = 1000): { x: number; y: number }[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => ({ x: rng.int(0, size), y: rng.int(0, size) }));
}

function shuffled(count: number, seed: number): number[] {
  const rng = new Rng(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

describe('distances', () => {
  it('rounds Euclidean distances to the nearest integer, as TSPLIB EUC_2D does', () => {
    const m = euc2dMatrix([{ x: 0, y: 0 }, { x: 3, y: 4 }, { x: 1, y: 1 }, { x: 1, y: 2 }]);
    expect(m.at(0, 1)).toBe(5);
    expect(m.at(0, 2)).toBe(1); // √2 = 1.41
    expect(m.at(0, 3)).toBe(2); // √5 = 2.24
    expect(m.at(1, 0)).toBe(5);
  });
});

describe('closed tours', () => {
  // Four corners of a 3 × 4 rectangle: the perimeter is 14, the tour along a diagonal 3 + 5 + 3 + 5 = 16.
  const rectangle = euc2dMatrix([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 3, y: 4 }, { x: 0, y: 4 }]);

  it('counts the leg back to the start', () => {
    expect(tourLength(rectangle, [0, 1, 2, 3])).toBe(14);
    expect(tourLength(rectangle, [0, 2, 1, 3])).toBe(18);
  });

  it('builds the nearest-neighbour tour: always the closest unvisited node next', () => {
    // On a line at 0, 10, 3, 1: from 0 go to 1, then 3, then 10.
    const line = euc2dMatrix([0, 10, 3, 1].map((x) => ({ x, y: 0 })));
    expect(nearestNeighbourTour(line)).toEqual([0, 3, 2, 1]);
  });

  it('writes a tour from the base', () => {
    expect(rotateToStart([2, 0, 1], 0)).toEqual([0, 1, 2]);
  });

  it('knows a permutation from a tour that repeats or misses a node', () => {
    expect(isPermutation([0, 2, 1], 3)).toBe(true);
    expect(isPermutation([0, 1, 1], 3)).toBe(false);
    expect(isPermutation([0, 1], 3)).toBe(false);
  });
});

describe('local search', () => {
  it('untangles points on a circle into the circle order (2-opt leaves no crossing)', () => {
    // Twelve points in convex position: the only tour without crossings, and so the optimum, goes round.
    const points = Array.from({ length: 12 }, (_, i) => ({
      x: 1000 * Math.cos((2 * Math.PI * i) / 12),
      y: 1000 * Math.sin((2 * Math.PI * i) / 12),
    }));
    const matrix = DistanceMatrix.build(12, (i, j) => Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y));
    const search = new TourSearch(matrix, nearestNeighbourLists(matrix, 11), shuffled(12, 7));
    search.optimiseAll();
    const tour = rotateToStart(search.tour, 0);
    const round = Array.from({ length: 12 }, (_, i) => i);
    expect([round, [0, ...round.slice(1).reverse()]]).toContainEqual(tour);
    expect(search.length).toBeCloseTo(tourLength(matrix, tour), 6);
  });
});

describe('kicks and repairs', () => {
  it('keep a valid tour whose running length is the length of the tour', () => {
    const matrix = euc2dMatrix(randomPoints(120, 5));
    const search = new TourSearch(matrix, nearestNeighbourLists(matrix, 10), nearestNeighbourTour(matrix));
    search.optimiseAll();
    const rng = new Rng(9);
    for (let i = 0; i < 200; i++) {
      search.kick(() => rng.next(), 30);
      search.run();
      expect(isPermutation(search.tour, 120)).toBe(true);
      expect(search.length).toBeCloseTo(tourLength(matrix, search.tour), 6);
    }
  });
});

describe('the optimiser', () => {
  const matrix = euc2dMatrix(randomPoints(150, 11));

  it('returns a tour that visits every node once and starts at the base', () => {
    const { tour, length } = optimiseTour(matrix, { seed: 3, iterations: 300 });
    expect(tour[0]).toBe(0);
    expect(isPermutation(tour, matrix.size)).toBe(true);
    expect(length).toBe(tourLength(matrix, tour));
  });

  it('is deterministic: the same input and seed give the same tour', () => {
    const a = optimiseTour(matrix, { seed: 5, iterations: 400 });
    const b = optimiseTour(matrix, { seed: 5, iterations: 400 });
    expect(b.tour).toEqual(a.tour);
    expect(b.length).toBe(a.length);
  });

  it('is never longer than the order it was given, even when that order is already the best', () => {
    // Points on a circle given in circle order: the optimum itself; nearest neighbour does worse on a
    // jittered circle, and the result must still be at most the given order.
    const rng = new Rng(2);
    const points = Array.from({ length: 60 }, (_, i) => {
      const r = 1000 + rng.int(-30, 30);
      return { x: r * Math.cos((2 * Math.PI * i) / 60), y: r * Math.sin((2 * Math.PI * i) / 60) };
    });
    const m = euc2dMatrix(points);
    const given = points.map((_, i) => i);
    for (const seed of [1, 2, 3]) {
      expect(optimiseTour(m, { seed, iterations: 50, initial: given }).length).toBeLessThanOrEqual(tourLength(m, given));
    }
    for (const seed of [1, 2, 3, 4, 5]) {
      const scrambled = [0, ...shuffled(149, seed).map((i) => i + 1)];
      expect(optimiseTour(matrix, { seed, iterations: 20, initial: scrambled }).length).toBeLessThan(tourLength(matrix, scrambled));
    }
  });

  it('starts again from a new tour when the kicks stall, and keeps the best of all runs', () => {
    const m = euc2dMatrix(randomPoints(40, 8));
    const once = optimiseTour(m, { seed: 1, iterations: 600, restartAfter: 600 });
    const often = optimiseTour(m, { seed: 1, iterations: 600, restartAfter: 50 });
    expect(once.restarts).toBe(0);
    expect(often.restarts).toBeGreaterThan(0);
    expect(isPermutation(often.tour, 40)).toBe(true);
    // Both begin with the same nearest-neighbour tour and local search, so neither is worse than that.
    const start = optimiseTour(m, { seed: 1, iterations: 0 }).length;
    expect(often.length).toBeLessThanOrEqual(start);
    expect(once.length).toBeLessThanOrEqual(start);
  });

  it('stops at the time budget when that comes before the iteration budget', () => {
    const t = performance.now();
    const r = optimiseTour(matrix, { iterations: 1e9, timeLimitMs: 100 });
    expect(r.iterations).toBeLessThan(1e9);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(isPermutation(r.tour, matrix.size)).toBe(true);
  });

  it('finds the shortest tour of a few stops exactly', () => {
    for (const seed of [1, 2, 3, 4]) {
      const m = euc2dMatrix(randomPoints(8, seed));
      expect(optimiseTour(m).length).toBe(shortestTourByEnumeration(m).length);
    }
  });
});

describe('lower bounds', () => {
  it('are exact for a rectangle, whose 1-tree with the right penalties is the perimeter', () => {
    const rectangle = euc2dMatrix([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 3, y: 4 }, { x: 0, y: 4 }]);
    expect(heldKarpBound(rectangle, 14)).toBeCloseTo(14, 6);
    // The spanning tree leaves out one edge of the tour: 3 + 4 + 3.
    expect(minimumSpanningTreeBound(rectangle)).toBe(10);
  });

  it('never exceed the optimum found by enumeration, and Held–Karp is at least the spanning tree', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const m = euc2dMatrix(randomPoints(9, seed));
      const optimum = shortestTourByEnumeration(m).length;
      const hk = heldKarpBound(m, optimum * 1.1);
      expect(hk).toBeLessThanOrEqual(optimum + 1e-9);
      expect(hk).toBeGreaterThanOrEqual(minimumSpanningTreeBound(m) - 1e-9);
    }
  });
});

describe('tour quality on TSPLIB instances with known optimal tours', () => {
  // Published optima (TSPLIB); nearest neighbour then 2-opt + Or-opt alone ends 4–8% above them.
  const cases = [
    { name: 'eil51', optimum: 426, iterations: 1500 },
    { name: 'berlin52', optimum: 7542, iterations: 1500 },
    { name: 'st70', optimum: 675, iterations: 1500 },
    { name: 'kroA100', optimum: 21282, iterations: 2000 },
    { name: 'a280', optimum: 2579, iterations: 4000 },
  ];
  for (const { name, optimum, iterations } of cases) {
    it(`${name}: within 3% of the optimum ${optimum}, with a lower bound below it`, () => {
      const { matrix } = instance(name);
      const result = optimiseTour(matrix, { seed: 1, iterations });
      expect(isPermutation(result.tour, matrix.size)).toBe(true);
      // Never below the optimum: a check on the instance and the distance function as much as on the tour.
      expect(result.length).toBeGreaterThanOrEqual(optimum);
      expect(result.length).toBeLessThanOrEqual(optimum * 1.03);
      const bound = heldKarpBound(matrix, result.length);
      expect(bound).toBeLessThanOrEqual(optimum);
      expect(bound).toBeGreaterThan(optimum * 0.97);
    });
  }

  it('needs the kicks: local search alone stays further from the optimum', () => {
    const { matrix } = instance('kroA100');
    const alone = optimiseTour(matrix, { seed: 1, iterations: 0 }).length;
    expect(alone).toBeGreaterThan(21282 * 1.03);
    expect(optimiseTour(matrix, { seed: 1, iterations: 2000 }).length).toBeLessThan(alone);
  });
});

/**
 * Closed tours over a distance matrix. A tour lists every node once and returns from the last to the
 * first; node 0 is the depot (the team's base), and a finished tour starts there.
 */
import type { DistanceMatrix } from './matrix';

/** Length of the closed tour, the leg from the last node back to the first included. */
export function tourLength(matrix: DistanceMatrix, tour: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < tour.length; i++) total += matrix.at(tour[i], tour[(i + 1) % tour.length]);
  return total;
}

/** Greedy construction: from `start`, always go to the nearest node not yet visited. */
export function nearestNeighbourTour(matrix: DistanceMatrix, start = 0): number[] {
  const n = matrix.size;
  const visited = new Uint8Array(n);
  const tour = [start];
  visited[start] = 1;
  let current = start;
  for (let step = 1; step < n; step++) {
    let best = -1;
    let bestDistance = Infinity;
    for (let j = 0; j < n; j++) {
      if (visited[j]) continue;
      const d = matrix.values[current * n + j];
      if (d < bestDistance) {
        bestDistance = d;
        best = j;
      }
    }
    visited[best] = 1;
    tour.push(best);
    current = best;
  }
  return tour;
}

/** The same cycle written from `start`, so that a route reads from the base. */
export function rotateToStart(tour: ArrayLike<number>, start = 0): number[] {
  const n = tour.length;
  let at = 0;
  while (at < n && tour[at] !== start) at++;
  if (at === n) throw new RangeError(`node ${start} is not on the tour`);
  return Array.from({ length: n }, (_, i) => tour[(at + i) % n]);
}

/** True when `tour` visits each of the nodes 0..size-1 exactly once. */
export function isPermutation(tour: ArrayLike<number>, size: number): boolean {
  if (tour.length !== size) return false;
  const seen = new Uint8Array(size);
  for (let i = 0; i < tour.length; i++) {
    const node = tour[i];
    if (!Number.isInteger(node) || node < 0 || node >= size || seen[node]) return false;
    seen[node] = 1;
  }
  return true;
}

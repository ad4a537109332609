/**
 * The shortest tour by depth-first enumeration with pruning: exact, and fast enough for the handful
 * of stops where the heuristics' moves (which need room to work) are not worth their setup.
 */
import type { DistanceMatrix } from './matrix';

export const EXACT_UP_TO = 9;

export function shortestTourByEnumeration(matrix: DistanceMatrix): { tour: number[]; length: number } {
  const n = matrix.size;
  if (n > 12) throw new RangeError(`enumeration is for at most 12 nodes, got ${n}`);
  if (n === 0) return { tour: [], length: 0 };
  const d = matrix.values;
  const path = [0];
  const used = new Uint8Array(n);
  used[0] = 1;
  let best: number[] = Array.from({ length: n }, (_, i) => i);
  let bestLength = Infinity;

  const extend = (last: number, length: number) => {
    if (length >= bestLength) return;
    if (path.length === n) {
      const closed = length + d[last * n];
      if (closed < bestLength) {
        bestLength = closed;
        best = path.slice();
      }
      return;
    }
    for (let next = 1; next < n; next++) {
      if (used[next]) continue;
      used[next] = 1;
      path.push(next);
      extend(next, length + d[last * n + next]);
      path.pop();
      used[next] = 0;
    }
  };
  extend(0, 0);
  return { tour: best, length: bestLength };
}

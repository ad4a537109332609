/**
 * Lower bounds on the shortest closed tour, to show how far a route can at most be from the best one.
 *
 * A tour with one edge removed is a spanning tree, so the minimum spanning tree is a bound; the
 * Held–Karp bound is a much better one. A 1-tree (a spanning tree on nodes 1..n-1 plus the two
 * shortest edges from node 0) is a bound too, and stays one when every node i gets a penalty π_i
 * added to its edges and 2·Σπ is taken off again, since a tour uses two edges at every node. Subgradient
 * steps raise the penalty of nodes with one edge and lower it for nodes with three or more, pushing the
 * 1-tree towards a tour; on Euclidean instances the bound ends within about 1% of the optimum.
 */
import type { DistanceMatrix } from './matrix';

export interface LowerBoundOptions {
  /** Subgradient steps; 0 gives the plain 1-tree bound. */
  steps?: number;
}

/**
 * Minimum spanning tree of nodes from..n-1 (Prim on the complete graph, O(n²)) where edge (i, j) costs
 * d(i,j) + π_i + π_j. Returns its weight and adds each node's tree degree to `degree`.
 */
function spanningTree(matrix: DistanceMatrix, from: number, penalty: Float64Array, degree: Int32Array): number {
  const n = matrix.size;
  const d = matrix.values;
  const inTree = new Uint8Array(n);
  const cost = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  let total = 0;
  let u = from;
  for (let added = from; added < n; added++) {
    inTree[u] = 1;
    if (parent[u] >= 0) {
      total += cost[u];
      degree[u]++;
      degree[parent[u]]++;
    }
    // Relax the edges from u and find the next node to add in the same pass.
    const pu = penalty[u];
    const row = u * n;
    let next = -1;
    let nextCost = Infinity;
    for (let v = from; v < n; v++) {
      if (inTree[v]) continue;
      const c = d[row + v] + pu + penalty[v];
      if (c < cost[v]) {
        cost[v] = c;
        parent[v] = u;
      }
      if (cost[v] < nextCost) {
        nextCost = cost[v];
        next = v;
      }
    }
    u = next;
  }
  return total;
}

export function minimumSpanningTreeBound(matrix: DistanceMatrix): number {
  return matrix.size < 2 ? 0 : spanningTree(matrix, 0, new Float64Array(matrix.size), new Int32Array(matrix.size));
}

/**
 * Held–Karp (1-tree with subgradient optimisation) lower bound. `upperBound` (the length of any tour,
 * e.g. the optimiser's) sets the step size; the bound holds whatever it is.
 */
export function heldKarpBound(matrix: DistanceMatrix, upperBound: number, options: LowerBoundOptions = {}): number {
  const n = matrix.size;
  if (n <= 1) return 0;
  if (n === 2) return 2 * matrix.at(0, 1);
  const d = matrix.values;
  const steps = options.steps ?? 100;
  const penalty = new Float64Array(n);
  const degree = new Int32Array(n);
  let best = -Infinity;
  let lambda = 2;
  let sinceBetter = 0;

  for (let step = 0; step <= steps; step++) {
    degree.fill(0);
    let w = spanningTree(matrix, 1, penalty, degree);
    // The two cheapest penalised edges from node 0 close the 1-tree.
    let first = -1;
    let c1 = Infinity;
    let c2 = Infinity;
    let second = -1;
    for (let v = 1; v < n; v++) {
      const c = d[v] + penalty[0] + penalty[v];
      if (c < c1) {
        [c2, second, c1, first] = [c1, first, c, v];
      } else if (c < c2) {
        [c2, second] = [c, v];
      }
    }
    w += c1 + c2;
    degree[0] = 2;
    degree[first]++;
    degree[second]++;
    let sumPenalty = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      sumPenalty += penalty[i];
      norm += (degree[i] - 2) ** 2;
    }
    const bound = w - 2 * sumPenalty;
    if (bound > best + 1e-9) {
      best = bound;
      sinceBetter = 0;
    } else if (++sinceBetter >= 5) {
      // No progress for a while: the steps overshoot, halve them (Held, Wolfe & Crowder).
      lambda /= 2;
      sinceBetter = 0;
    }
    // Every node has two edges: the 1-tree is a tour, and so the shortest one.
    if (norm === 0 || step === steps) break;
    const t = (lambda * Math.max(upperBound - bound, 1e-9 * upperBound)) / norm;
    for (let i = 0; i < n; i++) penalty[i] += t * (degree[i] - 2);
  }
  // Sums of penalised edges carry rounding error of about n × 1e-16 of the total; a tenth of a
  // millionth of a percent below keeps the figure a bound when the 1-tree has become the optimal tour.
  return best - Math.abs(best) * 1e-9;
}

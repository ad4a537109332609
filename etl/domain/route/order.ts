/**
 * One collector's day: the visit order of a set of stops as a closed tour from the base and back, on
 * great-circle distances, with the figures that tell a supervisor how good it is: its length, the
 * length of the order the stops were given in, and a lower bound no order can beat.
 */
import { haversineMetres, type LatLon } from './geo';
import { heldKarpBound } from './lower-bound';
import { greatCircleMatrix } from './matrix';
import { optimiseTour, type OptimiseOptions } from './optimise';
import { tourLength } from './tour';

export interface Stop extends LatLon {
  id: string;
}

export interface OrderedStops<S extends Stop> {
  /** The stops in visiting order; the route starts at the base before the first and ends there after the last. */
  stops: S[];
  lengthM: number;
  /** The same closed route visiting the stops in the order given. */
  unoptimisedLengthM: number;
  /** Held–Karp bound: no order of these stops from the base and back is shorter. */
  lowerBoundM: number;
}

export const MAX_STOPS = 1_000;

export type OrderOptions = Pick<OptimiseOptions, 'seed' | 'iterations' | 'timeLimitMs'>;

export function orderStops<S extends Stop>(base: LatLon, stops: readonly S[], options: OrderOptions = {}): OrderedStops<S> {
  if (stops.length > MAX_STOPS) throw new RangeError(`at most ${MAX_STOPS} stops, got ${stops.length}`);
  // Node 0 is the base, node i the i-th stop.
  const points: LatLon[] = [base, ...stops];
  const matrix = greatCircleMatrix(points);
  const given = points.map((_, i) => i);
  const result = optimiseTour(matrix, { ...options, initial: given });
  return {
    stops: result.tour.slice(1).map((node) => stops[node - 1]),
    lengthM: result.length,
    unoptimisedLengthM: tourLength(matrix, given),
    // The bound is at most the optimum in exact arithmetic; the min keeps rounding from showing it above the route.
    lowerBoundM: Math.min(heldKarpBound(matrix, result.length, { steps: boundSteps(points.length) }), result.length),
  };
}

/** Fewer subgradient steps on large tours: each is a spanning tree over every pair of stops. */
function boundSteps(nodes: number): number {
  return nodes <= 300 ? 100 : 60;
}

/** Length in metres of the closed route base → stops in the order given → base. */
export function routeLengthM(base: LatLon, stops: readonly LatLon[]): number {
  const points = [base, ...stops, base];
  let total = 0;
  for (let i = 1; i < points.length; i++) total += haversineMetres(points[i - 1], points[i]);
  return total;
}

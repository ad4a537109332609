/**
 * A symmetric distance matrix over nodes 0..size-1. The optimiser only ever asks a matrix for
 * distances, so the same code runs on great-circle metres (the collectors' routes) and on TSPLIB's
 * rounded Euclidean distances (the published instances the tests measure it against).
 */
import { haversineMetres, type LatLon } from './geo';

export class DistanceMatrix {
  /** Row-major: the distance from i to j is values[i * size + j]. Read directly in the hot loops. */
  readonly values: Float64Array;

  private constructor(readonly size: number) {
    this.values = new Float64Array(size * size);
  }

  /** Fills the matrix from a symmetric distance function, calling it once per pair. */
  static build(size: number, distance: (i: number, j: number) => number): DistanceMatrix {
    const m = new DistanceMatrix(size);
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) {
        const d = distance(i, j);
        m.values[i * size + j] = d;
        m.values[j * size + i] = d;
      }
    }
    return m;
  }

  at(i: number, j: number): number {
    return this.values[i * this.size + j];
  }
}

export function greatCircleMatrix(points: readonly LatLon[]): DistanceMatrix {
  return DistanceMatrix.build(points.length, (i, j) => haversineMetres(points[i], points[j]));
}

/** TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer (TSPLIB's nint). */
export function euc2dMatrix(points: readonly { x: number; y: number }[]): DistanceMatrix {
  return DistanceMatrix.build(points.length, (i, j) =>
    Math.floor(Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y) + 0.5),
  );
}

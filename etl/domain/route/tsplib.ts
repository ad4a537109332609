/**
 * Reads the TSPLIB instances the optimiser is measured against: symmetric, `EDGE_WEIGHT_TYPE: EUC_2D`,
 * coordinates in a `NODE_COORD_SECTION`.
 */
import { euc2dMatrix, type DistanceMatrix } from './matrix';

export interface TsplibInstance {
  name: string;
  points: { x: number; y: number }[];
  matrix: DistanceMatrix;
}

export function parseTsplib(text: string): TsplibInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = (key: string) =>
    lines.find((l) => l.toUpperCase().startsWith(key))?.split(':').slice(1).join(':').trim();
  const type = header('EDGE_WEIGHT_TYPE');
  if (type !== 'EUC_2D') throw new Error(`only EUC_2D instances are read, this one is ${type ?? 'untyped'}`);
  const dimension = Number(header('DIMENSION'));
  const start = lines.findIndex((l) => l.toUpperCase() === 'NODE_COORD_SECTION');
  if (start === -1) throw new Error('no NODE_COORD_SECTION');
  const points: { x: number; y: number }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '' || line.toUpperCase() === 'EOF') break;
    const [, x, y] = line.split(/\s+/).map(Number);
    points.push({ x, y });
  }
  if (points.length !== dimension || points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    throw new Error(`expected ${dimension} coordinate lines, read ${points.length}`);
  }
  return { name: header('NAME') ?? '', points, matrix: euc2dMatrix(points) };
}

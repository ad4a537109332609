/**
 * The stops file of `npm run route -- order`: a CSV with the header `customer_id,latitude,longitude`
 * (more columns are read past). Every bad line is reported with its number and reason, all at once,
 * so a file can be fixed in one go.
 */
import { readFileSync } from 'node:fs';
import { readTable, splitCsvLine, type TableLine } from '../adapters/lines';
import { FileRefusedError } from '../adapters/types';
import { MAX_STOPS, type Stop } from '../domain/route/order';
import { coordinate, Invalid } from '../load/fields';

export class StopsFileError extends Error {}

const COLUMNS = ['customer_id', 'latitude', 'longitude'] as const;
const latitude = coordinate(-90, 90);
const longitude = coordinate(-180, 180);

export function readStopsFile(path: string): Stop[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (code ?? String(e));
    throw new StopsFileError(`${path}: cannot be read (${why})`);
  }
  return parseStops(path, text);
}

export function parseStops(path: string, text: string): Stop[] {
  let lines: TableLine<(typeof COLUMNS)[number]>[];
  try {
    lines = readTable(text, splitCsvLine, COLUMNS);
  } catch (e) {
    if (e instanceof FileRefusedError) throw new StopsFileError(`${path}: ${e.message}`);
    throw e;
  }
  const problems: string[] = [];
  const stops: Stop[] = [];
  const firstLine = new Map<string, number>();
  for (const row of lines) {
    if ('reason' in row) {
      problems.push(`${path} line ${row.line}: ${row.reason}`);
      continue;
    }
    const id = row.values.customer_id.trim();
    const lat = latitude(row.values.latitude, 'latitude');
    const lon = longitude(row.values.longitude, 'longitude');
    const reasons: string[] = [];
    if (id === '') reasons.push('customer_id is empty');
    else if (firstLine.has(id)) reasons.push(`customer_id ${id} is already on line ${firstLine.get(id)}`);
    for (const v of [lat, lon]) if (v instanceof Invalid) reasons.push(v.reason);
    if (reasons.length > 0) {
      problems.push(`${path} line ${row.line}: ${reasons.join('; ')}`);
      continue;
    }
    firstLine.set(id, row.line);
    stops.push({ id, lat: Number(lat), lon: Number(lon) });
  }
  if (problems.length > 0) throw new StopsFileError(problems.join('\n'));
  if (stops.length > MAX_STOPS) {
    throw new StopsFileError(`${path}: ${stops.length} stops, one route orders at most ${MAX_STOPS}`);
  }
  return stops;
}

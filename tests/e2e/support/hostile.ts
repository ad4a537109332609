/**
 * A warehouse whose names are attacks: the demo utility (the e2e fixture's arguments) with some
 * kecamatan and channel names replaced by HTML and spreadsheet formulas, loaded by the real ETL. The
 * shared fixture keeps its own names (other specs compare its figures to the truth).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ARGS, E2E_DIR } from './paths';
import { loadDemo } from './server';

/** kecamatan code → hostile name (Kota Padang has the most arrears in the fixture: the biggest bubble) */
export const HOSTILE_KECAMATAN: Record<string, string> = {
  '17.02.06': `<img src=x onerror=alert('kec')>Kota Padang`,
  '17.02.09': '=HYPERLINK("http://evil.example","PUT")',
  '17.02.16': '@SUM(1+1)',
  '17.02.17': '-2+3',
};

/** channel code → hostile name */
export const HOSTILE_CHANNELS: Record<string, string> = {
  LOKET: `+1+cmd|' /C calc'!A0`,
  KOLEKTOR: '=1+1',
};

const quote = (s: string) => (/[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The fields of one CSV line, quotes kept as they are (no field spans lines in these files). */
function fieldsOf(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= line.length; ) {
    let end: number;
    if (line[i] === '"') {
      end = i + 1;
      while (end < line.length && !(line[end] === '"' && line[end + 1] !== '"')) end += line[end] === '"' ? 2 : 1;
      end += 1;
    } else {
      end = line.indexOf(',', i);
      if (end < 0) end = line.length;
    }
    out.push(line.slice(i, end));
    i = end + 1;
  }
  return out;
}

/** Replaces column `column` of the rows whose key column matches. */
function rename(path: string, keyColumn: string, column: string, names: Record<string, string>): void {
  const [head, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const columns = head.split(',');
  const [k, c] = [columns.indexOf(keyColumn), columns.indexOf(column)];
  const out = rows.map((line) => {
    const fields = fieldsOf(line);
    const name = names[fields[k]];
    if (name !== undefined) fields[c] = quote(name);
    return fields.join(',');
  });
  writeFileSync(path, [head, ...out].join('\n') + '\n');
}

/** Generates and loads the hostile utility under .tmp/e2e-<name>; returns the warehouse path. */
export function hostileWarehouse(name: string): string {
  const dir = join(E2E_DIR, '..', `e2e-${name}-data`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const demo = join(dir, 'demo');
  const warehouse = join(dir, 'warehouse.duckdb');
  loadDemo(demo, warehouse, DEMO_ARGS, (folder) => {
    rename(join(folder, 'areas.csv'), 'kecamatan_code', 'kecamatan_name', HOSTILE_KECAMATAN);
    rename(join(folder, 'channels.csv'), 'channel_code', 'channel_name', HOSTILE_CHANNELS);
  });
  return warehouse;
}

/** `npm run route -- order`: the stops file, the base argument, and the command's output end to end. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBase } from '../../../etl/route/order-output';
import { parseStops } from '../../../etl/route/stops-file';

const header = 'customer_id,latitude,longitude';

describe('the stops file', () => {
  it('reads ids as text and coordinates as numbers, past extra columns and blank lines', () => {
    const stops = parseStops('s.csv', `customer_id,latitude,longitude,name\n00123,-3.47,102.52,Ani\n\n00124,-3.5,102.6,Budi\n`);
    expect(stops).toEqual([
      { id: '00123', lat: -3.47, lon: 102.52 },
      { id: '00124', lat: -3.5, lon: 102.6 },
    ]);
  });

  it('names the file, the line and the reason of every bad row at once', () => {
    const text = [header, 'A,-3.47,102.52', ',-3.47,102.52', 'A,-3.4,102.5', 'B,-93,102.5', 'C,-3.4', 'D,-3.4,east'].join('\n');
    let message = '';
    try {
      parseStops('stops.csv', text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'stops.csv line 3: customer_id is empty',
      'stops.csv line 4: customer_id A is already on line 2',
      'stops.csv line 5: latitude is not a coordinate between -90 and 90 (-93)',
      'stops.csv line 6: line has 2 fields, the header has 3',
      'stops.csv line 7: longitude is not a coordinate between -180 and 180 (east)',
    ]);
  });

  it('refuses a file without the columns, and one with more than 1,000 stops', () => {
    expect(() => parseStops('x.csv', 'id,lat,lon\n1,2,3\n')).toThrow(
      'x.csv: header lacks the required columns customer_id, latitude, longitude',
    );
    const rows = Array.from({ length: 1001 }, (_, i) => `C${i},-3.47,102.52`);
    expect(() => parseStops('big.csv', [header, ...rows].join('\n'))).toThrow('big.csv: 1001 stops, one route orders at most 1000');
  });
});

describe('the base', () => {
  it('is LAT,LON in decimal degrees, south and west negative', () => {
    expect(parseBase('-3.47,102.52')).toEqual({ ok: true, value: { lat: -3.47, lon: 102.52 } });
    expect(parseBase('-3.47')).toMatchObject({ ok: false });
    expect(parseBase('95,102')).toEqual({ ok: false, reason: 'latitude 95 is not between -90 and 90' });
  });
});

describe('npm run route -- order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaba-route-'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'etl/route/cli.ts', 'order', ...args], { encoding: 'utf8' });

  it('prints the order and the three lengths in whole metres as JSON', () => {
    // Three stops on a street running north of the base at 3, 1 and 2 km (0.008993° of latitude per km).
    const file = join(dir, 'street.csv');
    writeFileSync(file, [header, 'far,-3.443021,102.52', 'near,-3.461007,102.52', 'middle,-3.452014,102.52'].join('\n'));
    const r = run('--stops', file, '--base', '-3.47,102.52', '--format', 'json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['order', 'length_m', 'unoptimised_length_m', 'lower_bound_m']);
    expect([['near', 'middle', 'far'], ['far', 'middle', 'near']]).toContainEqual(out.order);
    expect(out.length_m).toBe(6000);
    expect(out.unoptimised_length_m).toBe(8000);
    expect(out.lower_bound_m).toBeLessThanOrEqual(6000);
  });

  it('fails with the bad line named, and prints nothing on stdout', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [header, 'A,-3.47,302.52'].join('\n'));
    const r = run('--stops', file, '--base', '-3.47,102.52');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`${file} line 2: longitude is not a coordinate between -180 and 180 (302.52)`);
  });
});

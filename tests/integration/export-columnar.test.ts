/** Parquet and Arrow exports read back: the same values, integers exact, nulls kept, text never SQL. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableArrow } from '../../etl/export/arrow';
import type { ExportColumn } from '../../etl/export/cells';
import { tableParquet } from '../../etl/export/parquet';
import { Warehouse } from '../../etl/warehouse/duckdb';

const COLUMNS: Pick<ExportColumn, 'key' | 'format'>[] = [
  { key: 'name', format: 'text' },
  { key: 'arrears', format: 'money' },
  { key: 'paid_on', format: 'date' },
  { key: 'share', format: 'percent' },
];
// the largest whole rupiah a JavaScript number holds exactly, and text that would break naive SQL or JSON
const ROWS = [
  { name: "O'Brien \"=1+1\"\n; DROP TABLE x", arrears: 9_007_199_254_740_991, paid_on: '2024-03-31', share: 0.25 },
  { name: 'Siti', arrears: -2_500, paid_on: null, share: null },
];

async function readParquet(bytes: Buffer): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kaba-test-'));
  const wh = await Warehouse.open(':memory:');
  try {
    writeFileSync(join(dir, 'x.parquet'), bytes);
    return await wh.query(`SELECT name, arrears, strftime(paid_on, '%Y-%m-%d') AS paid_on, share FROM read_parquet('${join(dir, 'x.parquet')}')`);
  } finally {
    wh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Parquet through DuckDB', () => {
  it('reads back to the same rows', async () => {
    expect(await readParquet(await tableParquet(COLUMNS, ROWS))).toEqual(ROWS);
  });
  it('an empty selection is a file with the columns and no rows', async () => {
    expect(await readParquet(await tableParquet(COLUMNS, []))).toEqual([]);
  });
});

describe('Arrow IPC stream', () => {
  it('reads back to the same rows, money as exact Int64', () => {
    const table = tableFromIPC(tableArrow(COLUMNS, ROWS));
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([
      ['name', 'Utf8'],
      ['arrears', 'Int64'],
      ['paid_on', 'Utf8'],
      ['share', 'Float64'],
    ]);
    expect(table.getChild('arrears')?.toArray()).toEqual(new BigInt64Array([9_007_199_254_740_991n, -2_500n]));
    expect(table.toArray().map((r) => ({ ...r.toJSON(), arrears: Number(r.arrears) }))).toEqual(ROWS);
  });
});

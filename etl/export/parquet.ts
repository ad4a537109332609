/**
 * Rows as a Parquet file, written by DuckDB (`COPY … TO … (FORMAT parquet)`) in an in-memory database
 * of its own, through a temporary directory that is removed afterwards. Columns are named by their key
 * (the JSON field names) and typed by their format: money and numbers BIGINT (whole rupiah stay exact),
 * percent DOUBLE, date DATE, everything else VARCHAR.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Warehouse } from '../warehouse/duckdb';
import { cellOf, type ExportColumn, type ExportFormat, type ExportRow } from './cells';

const SQL_TYPES: Record<ExportFormat, string> = {
  money: 'BIGINT',
  number: 'BIGINT',
  percent: 'DOUBLE',
  date: 'DATE',
  month: 'VARCHAR',
  datetime: 'TIMESTAMP',
  text: 'VARCHAR',
};

const KEY = /^[a-z_][a-z0-9_]*$/;

/** The Parquet bytes of `rows` with `columns` (keys: lower-case identifiers, the code's own names). */
export async function tableParquet(columns: readonly Pick<ExportColumn, 'key' | 'format'>[], rows: readonly ExportRow[]): Promise<Buffer> {
  for (const c of columns) if (!KEY.test(c.key)) throw new RangeError(`not a column name: ${c.key}`);
  const dir = mkdtempSync(join(tmpdir(), 'kaba-parquet-'));
  const wh = await Warehouse.open(':memory:');
  try {
    // The rows reach DuckDB as newline-delimited JSON read with the columns' types: no value is ever SQL text.
    const input = join(dir, 'rows.ndjson');
    const output = join(dir, 'rows.parquet');
    writeFileSync(input, rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, cellOf(r, c.key) ?? null])))).join('\n'));
    const types = columns.map((c) => `${c.key}: '${SQL_TYPES[c.format]}'`).join(', ');
    const names = columns.map((c) => c.key).join(', ');
    // the paths are our own temporary files (no quote in them), not a caller's text
    const source = rows.length === 0
      ? `SELECT ${columns.map((c) => `NULL::${SQL_TYPES[c.format]} AS ${c.key}`).join(', ')} LIMIT 0`
      : `SELECT ${names} FROM read_json('${input}', format = 'newline_delimited', columns = {${types}})`;
    await wh.run(`COPY (${source}) TO '${output}' (FORMAT parquet)`);
    return readFileSync(output);
  } finally {
    wh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

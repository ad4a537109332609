/**
 * GET /api/v1/arrears's body on the small utility (tests/support/small-utility.ts), and its exports read
 * back: XLSX with exceljs, Parquet with DuckDB (through the Warehouse), Arrow with apache-arrow, each
 * equal to the JSON rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrearsApiBody, encodeArrearsRows, parseArrearsApiQuery, type ArrearsApiQuery } from '../../app/lib/arrears/api.server';
import { splitRecord } from '../../etl/load/csv';
import { EVERYTHING, ScopeRefusedError } from '../../etl/queries/scope';
import { XLSX_HEADER_ROW } from '../../etl/export/xlsx';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
function query(search: string): ArrearsApiQuery {
  const parsed = parseArrearsApiQuery(new URLSearchParams(search), MONTHS, '2024-04');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

describe('the JSON body', () => {
  it('the kecamatan level at the end of March 2024, every filter echoed', async () => {
    // worked out in tests/integration/arrears-drill.test.ts
    expect(await arrearsApiBody(wh, query('as_of=2024-03&level=kecamatan'), EVERYTHING)).toEqual({
      as_of: '2024-03-31',
      level: 'kecamatan',
      filters: { kecamatan: null, desa: null, tariff_class: null, status: null, age: null, min_amount: null },
      total_arrears: 330_000,
      customers: 3,
      rows: [
        { code: '17.02.17', name: 'Curup Timur', arrears: 280_000, customers: 2, bills: 2 },
        { code: '17.02.09', name: 'Curup', arrears: 50_000, customers: 1, bills: 1 },
      ],
    });
  });

  it('customers: one page, the totals of the whole selection, exactly the documented fields', async () => {
    const body = await arrearsApiBody(wh, query('as_of=2024-03&level=customer&min_amount=100000&page_size=1'), EVERYTHING);
    expect(body).toMatchObject({ total_arrears: 280_000, customers: 2, filters: { min_amount: 100_000 } });
    expect(body.rows).toEqual([
      {
        customer_id: '0100000002',
        name: 'Siti Aminah',
        address: 'Jl. Sudirman',
        phone: '',
        desa_code: '17.02.17.2001',
        tariff_class: 'R2',
        status: 'sealed',
        arrears: 180_000,
        bills: 1,
        oldest_months: 70,
        last_paid_on: '2024-03-15',
        last_channel: 'KOLEKTOR',
      },
    ]);
  });

  it('customers without personal data: refused', async () => {
    await expect(arrearsApiBody(wh, query('as_of=2024-03&level=customer'), { personalData: false, teams: 'all' })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

describe('the exports read back equal the JSON rows', () => {
  const cases = ['level=kecamatan&as_of=2024-04', 'level=desa&kecamatan=17.02.17&as_of=2024-04', 'level=customer&as_of=2024-04&sort=name'];

  it.each(cases)('Parquet, read through DuckDB (%s)', async (search) => {
    const body = await arrearsApiBody(wh, query(search), EVERYTHING);
    const file = await encodeArrearsRows('parquet', body);
    const dir = mkdtempSync(join(tmpdir(), 'kaba-parquet-test-'));
    const reader = await Warehouse.open(':memory:');
    try {
      writeFileSync(join(dir, 'rows.parquet'), file.body);
      const dates = body.level === 'customer' ? ", strftime(last_paid_on, '%Y-%m-%d') AS last_paid_on" : '';
      const rows = await reader.query(`SELECT * ${dates ? 'REPLACE (' + dates.slice(2) + ')' : ''} FROM read_parquet('${join(dir, 'rows.parquet')}')`);
      expect(rows).toEqual(body.rows);
    } finally {
      reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(cases)('Arrow IPC stream, money as Int64 (%s)', async (search) => {
    const body = await arrearsApiBody(wh, query(search), EVERYTHING);
    const table = tableFromIPC((await encodeArrearsRows('arrow', body)).body);
    expect(String(table.schema.fields.find((f) => f.name === 'arrears')?.type)).toBe('Int64');
    const plain = table.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    expect(plain).toEqual(body.rows);
  });

  it.each(cases)('XLSX, read with exceljs (%s)', async (search) => {
    const body = await arrearsApiBody(wh, query(search), EVERYTHING);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await encodeArrearsRows('xlsx', body)).body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(XLSX_HEADER_ROW).values as unknown[]).slice(1);
    const rows = [];
    for (let i = XLSX_HEADER_ROW + 1; i <= sheet.rowCount; i++) {
      const values = (sheet.getRow(i).values as unknown[]).slice(1);
      const cell = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));
      rows.push(Object.fromEntries(header.map((h, j) => [String(h), cell(values[j])])));
    }
    expect(rows).toEqual(body.rows);
  });

  it.each(cases)('CSV (%s)', async (search) => {
    const body = await arrearsApiBody(wh, query(search), EVERYTHING);
    const text = Buffer.from((await encodeArrearsRows('csv', body)).body).toString('utf8');
    // no field holds a line break here: one record a line
    const [header, ...records] = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '')
      .map((line) => {
        const fields = splitRecord(line);
        if (!fields.ok) throw new Error(line);
        return fields.value;
      });
    const asText = (v: unknown) => (v === null ? '' : String(v));
    expect(records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))).toEqual(
      body.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, asText(v)]))),
    );
  });
});

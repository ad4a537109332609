/**
 * A rejected line that starts like a spreadsheet formula, from a real file through the warehouse, the
 * Data page's table definition and both export writers: the download holds it as text, neutralised.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectsPage } from '../../app/lib/data.server';
import { rejectsTable } from '../../app/lib/tables/data-page.server';
import { exportColumns, visibleColumns } from '../../app/ui/data-table/columns';
import { tableCsv } from '../../etl/export/csv';
import { tableXlsx, XLSX_HEADER_ROW } from '../../etl/export/xlsx';
import { loadFile } from '../../etl/load/load-file';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { EVERYTHING } from '../../etl/queries/scope';
import { BASE_FILES, bills, fixture, type Fixture } from '../support/fixture';

let fx: Fixture;
let wh: Warehouse;

beforeEach(async () => {
  fx = fixture();
  wh = await fx.open();
  for (const [name, lines] of Object.entries(BASE_FILES)) await loadFile(wh, fx.file(name, lines));
});

afterEach(() => {
  wh.close();
  fx.cleanup();
});

const EVIL = '=HYPERLINK("http://evil.example","klik")';

describe('exporting rejected lines that came from outside', () => {
  it('writes a line starting with = as neutralised text in CSV and XLSX, the line number as a number', async () => {
    // the first field, where a customer id belongs, is a formula: the row is rejected with its raw text
    await loadFile(wh, fx.file('bills.csv', bills([`${EVIL},2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600`, '-2+3,2024-01,2024-02-02,2024-02-20,1,1,0,0,1'])));
    const window = { sort: null, offset: 0, limit: null };
    const source = await rejectsPage(wh, { file: 'bills.csv', offset: 0, limit: 100, scope: EVERYTHING });
    const data = rejectsTable.rows(source, window);
    expect(data.rows.map((r) => r.line)).toEqual([2, 3]);
    const columns = exportColumns(visibleColumns(rejectsTable.columns, true), 'id');

    const csv = tableCsv(columns, data.rows, { bom: false }).split('\r\n');
    expect(csv[0]).toBe('Berkas,Baris,Alasan,Isi baris');
    expect(csv[1]).toMatch(/^bills\.csv,2,[^\r\n]*,"'=HYPERLINK\(""http:\/\/evil\.example"",""klik""\),2024-01,/);
    expect(csv[2]).toMatch(/^bills\.csv,3,[^\r\n]*,"'-2\+3,2024-01,/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await tableXlsx({ title: 'Baris yang ditolak', details: [], columns, rows: data.rows })) as unknown as ArrayBuffer);
    const first = workbook.worksheets[0].getRow(XLSX_HEADER_ROW + 1);
    expect(first.getCell(2).value).toBe(2);
    expect(String(first.getCell(4).value)).toMatch(/^'=HYPERLINK/);
    expect(first.getCell(4).formula).toBeUndefined();
  });

  it('leaves the raw text out for a role without personal data', async () => {
    await loadFile(wh, fx.file('bills.csv', bills([`${EVIL},2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600`])));
    const source = await rejectsPage(wh, { file: null, offset: 0, limit: 100, scope: { ...EVERYTHING, personalData: false } });
    const columns = exportColumns(visibleColumns(rejectsTable.columns, false), 'en');
    const csv = tableCsv(columns, rejectsTable.rows(source, { sort: null, offset: 0, limit: null }).rows, { bom: false });
    expect(csv.split('\r\n')[0]).toBe('File,Line,Reason');
    expect(csv).not.toContain('HYPERLINK');
  });
});

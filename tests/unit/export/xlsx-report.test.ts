/** A report's XLSX layout (etl/export/xlsx.ts): the kop rows, merged group headers, bold subtotals, F4. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../../../etl/export/cells';
import { tableXlsx, xlsxHeaderRow } from '../../../etl/export/xlsx';

const COLUMNS: ExportColumn[] = [
  { key: 'tariff_class', header: 'Golongan', format: 'text' },
  { key: 'bills_1', header: 'Lembar', format: 'number' },
  { key: 'amount_1', header: 'Rupiah', format: 'money' },
  { key: 'bills_2', header: 'Lembar', format: 'number' },
  { key: 'amount_2', header: 'Rupiah', format: 'money' },
];
const ROWS = [
  { row_type: 'line', tariff_class: 'N1', bills_1: 0, amount_1: 0, bills_2: 1, amount_2: 100_000 },
  { row_type: 'subtotal', tariff_class: 'Subjumlah R2', bills_1: 2, amount_1: 90_000, bills_2: 2, amount_2: 60_000 },
];

async function sheetOf(paper: 'a4' | 'f4') {
  const bytes = await tableXlsx({
    heading: ['PERUMDAM TIRTA BUKIT KABA', 'Jl. Merdeka No. 1, Curup'],
    title: 'Daftar Sisa Rekening (DSR)',
    details: ['Per 30 April 2024', 'Saringan: tanpa saringan'],
    columns: COLUMNS,
    groups: [null, '1 bln', '1 bln', '2 bln', '2 bln'],
    rows: ROWS,
    bold: (r) => (r as { row_type: string }).row_type === 'subtotal',
    totals: { label: 'Jumlah', values: { bills_1: 2, amount_1: 90_000, bills_2: 3, amount_2: 160_000 } },
    paper,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('a report as XLSX', () => {
  it('has the kop, the title and the details above two header rows, the groups merged over their columns', async () => {
    const sheet = await sheetOf('a4');
    const header = xlsxHeaderRow({ heading: ['a', 'b'], groups: [] });
    expect(header).toBe(6);
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual([
      'PERUMDAM TIRTA BUKIT KABA',
      'Jl. Merdeka No. 1, Curup',
      'Daftar Sisa Rekening (DSR)',
      'Per 30 April 2024 · Saringan: tanpa saringan',
    ]);
    expect(sheet.getCell(5, 2).value).toBe('1 bln');
    expect(sheet.getCell(5, 4).value).toBe('2 bln');
    // merged: B5:C5, D5:E5, and the group-less Golongan over A5:A6
    expect(sheet.getCell(5, 3).master.address).toBe('B5');
    expect(sheet.getCell(5, 5).master.address).toBe('D5');
    expect(sheet.getCell(6, 1).master.address).toBe('A5');
    expect((sheet.getRow(header).values as unknown[]).slice(2)).toEqual(['Lembar', 'Rupiah', 'Lembar', 'Rupiah']);
  });

  it('writes the rows as numbers with #,##0, the subtotal row and the totals in bold', async () => {
    const sheet = await sheetOf('a4');
    const first = sheet.getRow(7);
    expect((first.values as unknown[]).slice(1)).toEqual(['N1', 0, 0, 1, 100_000]);
    expect(first.getCell(5).numFmt).toBe('#,##0');
    expect(first.getCell(5).font?.bold).toBeFalsy();
    expect(sheet.getRow(8).getCell(1).value).toBe('Subjumlah R2');
    expect(sheet.getRow(8).getCell(3).font?.bold).toBe(true);
    expect((sheet.getRow(9).values as unknown[]).slice(1)).toEqual(['Jumlah', 2, 90_000, 3, 160_000]);
  });

  it('freezes both header rows, repeats them on every printed page, landscape on A4 or F4', async () => {
    const a4 = await sheetOf('a4');
    expect(a4.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(a4.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '5:6' });
    expect((await sheetOf('f4')).pageSetup.paperSize).toBe(14);
  });
});

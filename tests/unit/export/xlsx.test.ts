import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../../../etl/export/cells';
import { isoToSheetDate, tableXlsx, XLSX_HEADER_ROW } from '../../../etl/export/xlsx';

const COLUMNS: ExportColumn[] = [
  { key: 'name', header: 'Desa/kelurahan', format: 'text' },
  { key: 'arrears', header: 'Tunggakan', format: 'money' },
  { key: 'customers', header: 'Pelanggan', format: 'number' },
  { key: 'share', header: 'Porsi', format: 'percent' },
  { key: 'due_on', header: 'Jatuh tempo', format: 'date' },
  { key: 'loaded_at', header: 'Dimuat', format: 'datetime' },
];

const ROWS = [
  { name: 'Talang Rimbo Baru', arrears: 8023456789, customers: 1234, share: 0.875, due_on: '2025-06-30', loaded_at: '2025-07-01 14:05:09' },
  { name: '=HYPERLINK("http://evil.example","klik")', arrears: -2500, customers: 0, share: 0.125, due_on: null, loaded_at: null },
];

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('a table as XLSX', () => {
  it('reads back as the title, the details, the header and the rows, with real numbers and dates', async () => {
    const sheet = await readBack(
      await tableXlsx({ title: 'Tunggakan per desa/kelurahan', details: ['Per 30 Juni 2025', 'Kecamatan: Curup'], columns: COLUMNS, rows: ROWS }),
    );
    expect(sheet.getCell('A1').value).toBe('Tunggakan per desa/kelurahan');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Per 30 Juni 2025 · Kecamatan: Curup');
    expect(sheet.getRow(XLSX_HEADER_ROW).values).toEqual([undefined, 'Desa/kelurahan', 'Tunggakan', 'Pelanggan', 'Porsi', 'Jatuh tempo', 'Dimuat']);
    const first = sheet.getRow(XLSX_HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe('Talang Rimbo Baru');
    expect(first.getCell(2).value).toBe(8023456789);
    expect(first.getCell(3).value).toBe(1234);
    expect(first.getCell(4).value).toBe(0.875);
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(first.getCell(6).value).toEqual(new Date(Date.UTC(2025, 6, 1, 14, 5, 9)));
    expect(sheet.rowCount).toBe(XLSX_HEADER_ROW + 2);
  });

  it('formats rupiah and counts #,##0, ratios as percent, dates as dates', async () => {
    const sheet = await readBack(await tableXlsx({ title: 't', details: [], columns: COLUMNS, rows: ROWS }));
    const first = sheet.getRow(XLSX_HEADER_ROW + 1);
    expect([2, 3, 4, 5, 6].map((c) => first.getCell(c).numFmt)).toEqual(['#,##0', '#,##0', '0.0%', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm']);
    expect(first.getCell(1).numFmt).toBeUndefined();
  });

  it('freezes everything down to the header row', async () => {
    const sheet = await readBack(await tableXlsx({ title: 't', details: [], columns: COLUMNS, rows: ROWS }));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW, topLeftCell: `A${XLSX_HEADER_ROW + 1}` });
  });

  it('filters on the header row and prints landscape on A4 with the header on every page', async () => {
    const sheet = await readBack(await tableXlsx({ title: 't', details: [], columns: COLUMNS, rows: ROWS }));
    expect(sheet.autoFilter).toBe(`A${XLSX_HEADER_ROW}:F${XLSX_HEADER_ROW}`);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}` });
  });

  it('sizes the columns to their content', async () => {
    const sheet = await readBack(await tableXlsx({ title: 't', details: [], columns: COLUMNS, rows: ROWS }));
    // "=HYPERLINK(...)" with its quote is 41 characters; Rp8.023.456.789 shows as 8,023,456,789 (13)
    expect(sheet.getColumn(1).width).toBe(43);
    expect(sheet.getColumn(2).width).toBe(15);
    expect(sheet.getColumn(3).width).toBe(11); // the header "Pelanggan" is wider than 1,234
  });

  it('keeps text that looks like a formula as neutralised text, the same as in CSV; negative amounts stay numbers', async () => {
    const sheet = await readBack(await tableXlsx({ title: '@judul', details: ['-filter'], columns: COLUMNS, rows: ROWS }));
    const second = sheet.getRow(XLSX_HEADER_ROW + 2);
    expect(second.getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(1).formula).toBeUndefined();
    expect(second.getCell(2).value).toBe(-2500);
    expect(second.getCell(5).value).toBeNull();
    expect(sheet.getCell('A1').value).toBe("'@judul");
    expect(sheet.getCell('A2').value).toBe("'-filter");
  });

  it('ends with a bold totals row when given one', async () => {
    const sheet = await readBack(
      await tableXlsx({ title: 't', details: [], columns: COLUMNS, rows: ROWS, totals: { label: 'Jumlah', values: { arrears: 8023454289, customers: 1234 } } }),
    );
    const totals = sheet.getRow(XLSX_HEADER_ROW + 3);
    expect(totals.values).toEqual([undefined, 'Jumlah', 8023454289, 1234]);
    expect(totals.getCell(2).font?.bold).toBe(true);
    expect(totals.getCell(2).numFmt).toBe('#,##0');
  });

  it('reads ISO dates, months and times as sheet dates, whatever the time zone', () => {
    expect(isoToSheetDate('2025-06')).toEqual(new Date(Date.UTC(2025, 5, 1)));
    expect(isoToSheetDate('2025-02-30')).toBeNull();
    expect(isoToSheetDate('kemarin')).toBeNull();
  });
});

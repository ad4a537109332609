/**
 * A table as an XLSX workbook (exceljs): a title row, a row with the filters and the as-of date, the
 * header row (frozen, so it stays on screen while scrolling, with filters), the rows, and an optional
 * totals row; printed A4 landscape, one page wide, the header row repeated on every page.
 * Money and counts get `#,##0`, ratios a percent format, dates real dates; widths follow the content.
 *
 * exceljs writes a JavaScript string as a string cell (a shared string, never a `<f>` formula), so
 * Excel shows `=HYPERLINK(…)` as text when it opens the file; but the same text becomes a formula as
 * soon as someone edits the cell or saves the sheet as CSV. Text cells are therefore neutralised
 * exactly as in CSV (cells.ts): the same file content whichever format is downloaded.
 */
import ExcelJS from 'exceljs';
import { isNumericFormat, neutralise, cellOf, type ExportColumn, type ExportFormat, type ExportRow } from './cells';

export interface XlsxTable {
  /** the table's title, e.g. `Tunggakan per desa/kelurahan` */
  title: string;
  /** the filters and the as-of date as the reader should see them, e.g. `Per 30 Juni 2025`, `Kecamatan: Curup` */
  details: readonly string[];
  columns: readonly ExportColumn[];
  rows: readonly ExportRow[];
  /** a last row: label in the first column, then the values of the totalled columns */
  totals?: { label: string; values: ExportRow } | null;
  /** the worksheet's name (at most 31 characters; `[]:*?/\` are replaced) */
  sheetName?: string;
}

/** Rows 1 and 2 hold the title and the details; the header is row 3, the data start at row 4. */
export const XLSX_HEADER_ROW = 3;

export const XLSX_NUMBER_FORMATS: Record<ExportFormat, string | null> = {
  money: '#,##0',
  number: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  month: 'mmm yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  text: null,
};

const ISO_DATE_TIME = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?)?$/;

/**
 * ISO text as a Date whose UTC fields are the written wall time (exceljs turns a Date into Excel's
 * serial day by its UTC time): `2025-06-30` → 30 June 2025 00:00 in the sheet, whatever the server's zone.
 */
export function isoToSheetDate(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d = '01', h = '00', mi = '00', s = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(mo) - 1 ? null : date;
}

type SheetValue = string | number | boolean | Date | null;

function sheetValue(value: unknown, format: ExportFormat): SheetValue {
  if (value === null || value === undefined) return null;
  if (isNumericFormat(format)) return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (format === 'date' || format === 'month' || format === 'datetime') {
    const date = isoToSheetDate(text);
    if (date) return date;
  }
  return neutralise(text);
}

/** Characters a cell shows, roughly, for the column width. */
function shownLength(value: SheetValue, format: ExportFormat): number {
  if (value === null) return 0;
  if (value instanceof Date) return format === 'datetime' ? 16 : 10;
  if (typeof value === 'number') {
    const whole = Math.round(Math.abs(value * (format === 'percent' ? 100 : 1))).toString().length;
    return whole + Math.floor((whole - 1) / 3) + (value < 0 ? 1 : 0) + (format === 'percent' ? 3 : 0);
  }
  return String(value).length;
}

function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet1';
}

/** The workbook as the bytes of an .xlsx file. */
export async function tableXlsx(table: XlsxTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaba';
  const sheet = workbook.addWorksheet(safeSheetName(table.sheetName ?? table.title), {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW, xSplit: 0 }],
    // printed: landscape, as wide as the page, the header row on every page
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}` },
  });
  const { columns } = table;
  if (columns.length > 0) sheet.autoFilter = { from: { row: XLSX_HEADER_ROW, column: 1 }, to: { row: XLSX_HEADER_ROW, column: columns.length } };

  sheet.getCell(1, 1).value = neutralise(table.title);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = neutralise(table.details.join(' · '));

  const header = sheet.getRow(XLSX_HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutralise(c.header);
    cell.font = { bold: true };
    cell.alignment = { horizontal: isNumericFormat(c.format) ? 'right' : 'left', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });

  const widths = columns.map((c) => Math.min(c.header.length, 24));
  const write = (rowNumber: number, row: ExportRow, bold: boolean) => {
    const sheetRow = sheet.getRow(rowNumber);
    columns.forEach((c, i) => {
      const value = sheetValue(cellOf(row, c.key), c.format);
      if (value === null) return;
      const cell = sheetRow.getCell(i + 1);
      cell.value = value;
      const numFmt = XLSX_NUMBER_FORMATS[c.format];
      if (numFmt && (typeof value === 'number' || value instanceof Date)) cell.numFmt = numFmt;
      if (bold) cell.font = { bold: true };
      widths[i] = Math.max(widths[i], shownLength(value, c.format));
    });
  };
  for (const [i, row] of table.rows.entries()) write(XLSX_HEADER_ROW + 1 + i, row, false);
  if (table.totals && columns.length > 0) {
    const totalsRow = XLSX_HEADER_ROW + 1 + table.rows.length;
    write(totalsRow, { ...table.totals.values, [columns[0].key]: null }, true);
    const label = sheet.getRow(totalsRow).getCell(1);
    label.value = neutralise(table.totals.label);
    label.font = { bold: true };
  }
  columns.forEach((_, i) => {
    sheet.getColumn(i + 1).width = Math.max(8, Math.min(60, widths[i] + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

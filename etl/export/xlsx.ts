/**
 * A table as an XLSX workbook (exceljs): a title row, a row with the filters and the as-of date, the
 * header row (frozen, so it stays on screen while scrolling, with filters), the rows, and an optional
 * totals row; printed A4 landscape, one page wide, the header row repeated on every page.
 * A report (Laporan) adds heading rows above the title (the utility's name and address), a row of
 * group headers merged over their columns above the header row (a column without a group spans
 * both rows), bold subtotal rows, and the F4 paper it is printed on.
 * Money and counts get `#,##0`, ratios a percent format, dates real dates; widths follow the content.
 *
 * exceljs writes a JavaScript string as a string cell (a shared string, never a `<f>` formula), so
 * Excel shows `=HYPERLINK(…)` as text when it opens the file; but the same text becomes a formula as
 * soon as someone edits the cell or saves the sheet as CSV. Text cells are therefore neutralised
 * exactly as in CSV (cells.ts): the same file content whichever format is downloaded.
 */
import ExcelJS from 'exceljs';
import { isNumericFormat, neutralise, cellOf, type ExportColumn, type ExportFormat, type ExportRow } from './cells';
import { headerRuns } from './header-groups';

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
  /** rows above the title, one line each (a report's kop: the utility's name, its address) */
  heading?: readonly string[];
  /** per column, the text of the group header over it (merged over neighbours with the same text), or null */
  groups?: readonly (string | null)[] | null;
  /** rows written in bold (subtotal rows) */
  bold?: (row: ExportRow) => boolean;
  /** default A4 */
  paper?: 'a4' | 'f4';
}

/** Rows 1 and 2 hold the title and the details; the header is row 3, the data start at row 4. */
export const XLSX_HEADER_ROW = 3;

/** Where the header row of a table with heading rows and group headers is. */
export function xlsxHeaderRow(table: Pick<XlsxTable, 'heading' | 'groups'>): number {
  return XLSX_HEADER_ROW + (table.heading?.length ?? 0) + (table.groups ? 1 : 0);
}

/** Excel's paperSize codes: 9 = A4; F4 (215 × 330 mm, "folio") has no code of its own, 14 = Folio 8.5 × 13 in. */
const PAPER_SIZE = { a4: 9, f4: 14 } as const;

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
  const headerRow = xlsxHeaderRow(table);
  const groups = table.groups ?? null;
  const firstHeaderRow = groups ? headerRow - 1 : headerRow;
  const sheet = workbook.addWorksheet(safeSheetName(table.sheetName ?? table.title), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    // printed: landscape, as wide as the page, the header rows on every page
    pageSetup: {
      orientation: 'landscape',
      // exceljs's type lists a few codes only; the file takes any of Excel's
      paperSize: PAPER_SIZE[table.paper ?? 'a4'] as number as ExcelJS.PaperSize,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${firstHeaderRow}:${headerRow}`,
    },
  });
  const { columns } = table;
  if (columns.length > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };

  const heading = table.heading ?? [];
  heading.forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = neutralise(line);
    sheet.getCell(i + 1, 1).font = { bold: i === 0 };
  });
  const titleRow = heading.length + 1;
  sheet.getCell(titleRow, 1).value = neutralise(table.title);
  sheet.getCell(titleRow, 1).font = { bold: true, size: 14 };
  sheet.getCell(titleRow + 1, 1).value = neutralise(table.details.join(' · '));

  const header = sheet.getRow(headerRow);
  const headerCell = (cell: ExcelJS.Cell, text: string, format: ExportFormat | null) => {
    cell.value = neutralise(text);
    cell.font = { bold: true };
    cell.alignment = { horizontal: format && isNumericFormat(format) ? 'right' : format ? 'left' : 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  };
  for (const [i, c] of columns.entries()) headerCell(header.getCell(i + 1), c.header, c.format);
  if (groups) {
    for (const run of headerRuns(groups, columns.length)) {
      if (run.text === null) {
        sheet.mergeCells(firstHeaderRow, run.from + 1, headerRow, run.from + 1);
      } else {
        headerCell(sheet.getCell(firstHeaderRow, run.from + 1), run.text, null);
        if (run.to > run.from) sheet.mergeCells(firstHeaderRow, run.from + 1, firstHeaderRow, run.to + 1);
      }
    }
  }

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
  for (const [i, row] of table.rows.entries()) write(headerRow + 1 + i, row, table.bold?.(row) ?? false);
  if (table.totals && columns.length > 0) {
    const totalsRow = headerRow + 1 + table.rows.length;
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

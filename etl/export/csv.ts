/**
 * The one CSV writer (RFC 4180): fields with the delimiter, a quote, CR or LF are quoted, quotes
 * doubled; text cells that a spreadsheet would run as a formula are neutralised (cells.ts).
 *
 *   tableCsv(columns, rows)                                  `,`, CRLF, UTF-8 BOM (Excel opens it as UTF-8)
 *   tableCsv(columns, rows, { delimiter: ';' })              Excel in an Indonesian locale: `;` between
 *                                                            fields and `,` as the decimal separator
 *   recordsCsv(rows, { bom: false, newline: '\n' })          every field of plain row objects (report CLI)
 */
import { isNumericFormat, neutralise, cellOf, type ExportColumn, type ExportRow, type ExportValue } from './cells';

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  delimiter?: CsvDelimiter;
  /** the decimal separator of numbers; default `.` with `,` and `,` with `;` */
  decimal?: '.' | ',';
  /** start with the UTF-8 byte order mark U+FEFF; default true */
  bom?: boolean;
  /** default CRLF (RFC 4180) */
  newline?: '\r\n' | '\n';
}

export const UTF8_BOM = '\uFEFF';

/** A number as CSV text: integers as they are, decimals with the chosen separator, no exponent for money. */
function numberText(n: number, decimal: '.' | ','): string {
  if (!Number.isFinite(n)) return '';
  const text = Number.isInteger(n) ? n.toFixed(0) : String(n);
  return decimal === ',' ? text.replace('.', ',') : text;
}

function field(value: ExportValue, delimiter: CsvDelimiter, decimal: '.' | ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, decimal);
  const text = typeof value === 'boolean' ? String(value) : neutralise(value);
  const mustQuote = text.includes(delimiter) || /["\r\n]/.test(text);
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and value lines as CSV text. */
export function csvText(header: readonly string[], records: readonly (readonly ExportValue[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const newline = options.newline ?? '\r\n';
  const line = (values: readonly ExportValue[]) => values.map((v) => field(v, delimiter, decimal)).join(delimiter);
  const body = [line(header), ...records.map(line)].join(newline) + newline;
  return (options.bom ?? true ? UTF8_BOM : '') + body;
}

/**
 * A table as CSV by its columns. Numeric columns write numbers (a value that is not a number is left
 * empty rather than written as text); dates stay ISO text, which every spreadsheet reads as a date.
 */
export function tableCsv(columns: readonly ExportColumn[], rows: readonly ExportRow[], options: CsvOptions = {}): string {
  const records = rows.map((row) =>
    columns.map((c) => {
      const v = cellOf(row, c.key);
      if (isNumericFormat(c.format)) return typeof v === 'number' ? v : null;
      return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    }),
  );
  return csvText(
    columns.map((c) => c.header),
    records,
    options,
  );
}

/** Every field of plain row objects, in the first row's key order (the report CLI and the overview API). */
export function recordsCsv(rows: readonly ExportRow[], options: CsvOptions = {}): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  return csvText(
    keys,
    rows.map((row) => keys.map((k) => cellOf(row, k))),
    options,
  );
}

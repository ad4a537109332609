/**
 * What an exported table is made of, shared by the CSV and XLSX writers (and so by the report CLI and
 * the web's exports): columns with a format, and the one rule against formula injection.
 *
 * Names, addresses and file lines come from outside. A spreadsheet reads a cell that begins with `=`,
 * `+`, `-` or `@` (or a tab or carriage return, which Excel skips before such a sign) as a formula:
 * `=HYPERLINK(…)` or `+1+cmd|' /C calc'!A0` would run on the reader's machine. Every TEXT cell that
 * begins so gets a leading `'`, which spreadsheets take as "this is text". Real numbers are not text:
 * a negative amount -2500 stays the number -2500.
 */

/** How a column's values are written: money is whole rupiah, percent a ratio (0.873 = 87.3%). */
export type ExportFormat = 'money' | 'number' | 'percent' | 'date' | 'month' | 'datetime' | 'text';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['money', 'number', 'percent', 'date', 'month', 'datetime', 'text'];

/** One column of an export: the row's field, the header text, and how its values are written. */
export interface ExportColumn {
  key: string;
  header: string;
  format: ExportFormat;
}

/** A value as it comes from a row. Dates are ISO text (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-MM-DD HH:MM:SS`). */
export type ExportValue = string | number | boolean | null | undefined;

/** Any flat row object (query rows are interfaces, so no index signature is required). */
export type ExportRow = object;

export function cellOf(row: ExportRow, key: string): ExportValue {
  return (row as Record<string, ExportValue>)[key];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet could take for a formula, made plain text: `=1+1` → `'=1+1`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The formats whose values are numbers (right-aligned, summable, written as numbers). */
export function isNumericFormat(format: ExportFormat): boolean {
  return format === 'money' || format === 'number' || format === 'percent';
}

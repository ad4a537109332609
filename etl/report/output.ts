/** Prints report rows as an aligned table, JSON or CSV. Amounts stay integers in every form. */
import { groupThousands } from '../domain/money';
import { recordsCsv } from '../export/csv';

export type OutputFormat = 'table' | 'json' | 'csv';
type Cell = string | number | boolean | null;
/** Any flat row object (report rows are interfaces, so no index signature is required). */
type AnyRow = object;
const cell = (row: AnyRow, column: string): Cell => (row as Record<string, Cell>)[column];

/** Report rows as CSV (etl/export/csv.ts: quoting, and text that a spreadsheet would run is neutralised). */
export function csv(rows: readonly AnyRow[]): string {
  return recordsCsv(rows, { bom: false, newline: '\n' });
}

/** Numbers right-aligned with Indonesian thousands separators, text left-aligned. */
export function table(rows: readonly AnyRow[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const columns = Object.keys(rows[0]);
  const cells = rows.map((r) =>
    columns.map((c) => {
      const v = cell(r, c);
      return typeof v === 'number' ? groupThousands(v) : String(v ?? '');
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const numeric = columns.map((c) => rows.every((r) => typeof cell(r, c) === 'number' || cell(r, c) === null));
  const fmt = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(columns), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}

/** Prints report rows as an aligned table, JSON or CSV. Amounts stay integers in every form. */
import { groupThousands } from '../../app/domain/money';

export type OutputFormat = 'table' | 'json' | 'csv';
type Cell = string | number | boolean | null;

export function csv(rows: readonly Record<string, Cell>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const quote = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n') + '\n';
}

/** Numbers right-aligned with Indonesian thousands separators, text left-aligned. */
export function table(rows: readonly Record<string, Cell>[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const columns = Object.keys(rows[0]);
  const cells = rows.map((r) => columns.map((c) => (typeof r[c] === 'number' ? groupThousands(r[c] as number) : String(r[c] ?? ''))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] === null));
  const fmt = (values: string[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(columns), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}

/**
 * The arithmetic of a rekap (summary) view, pure: subtotal rows after each group of lines, the grand
 * total, and the ratio columns (an average price per m³, a share) recomputed from the sums rather
 * than added up. Rounding: half away from zero (whole rupiah for money).
 */
import type { ReportColumn, ReportRow, ReportValue } from './shape';

/** Rounds half away from zero to `decimals` places. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/** numerator ÷ denominator as the column's ratio says; null when the denominator is zero. */
export function ratioValue(column: ReportColumn, values: Record<string, ReportValue>): number | null {
  const r = column.ratio;
  if (!r) return null;
  const n = values[r.numerator];
  const d = values[r.denominator];
  if (typeof n !== 'number' || typeof d !== 'number' || d === 0) return null;
  return r.decimals === null ? n / d : roundTo(n / d, r.decimals);
}

/** The sums of the summed columns over the rows, and the ratio columns from those sums. */
export function totalsOf(columns: readonly ReportColumn[], rows: readonly Record<string, ReportValue>[]): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const c of columns) {
    if (!c.summed) continue;
    totals[c.key] = rows.reduce((s, r) => s + (typeof r[c.key] === 'number' ? (r[c.key] as number) : 0), 0);
  }
  for (const c of columns) if (c.ratio) totals[c.key] = ratioValue(c, totals);
  return totals;
}

/** Each line's ratio columns, from its own values. */
export function withRatios(columns: readonly ReportColumn[], line: Record<string, ReportValue>): Record<string, ReportValue> {
  const out = { ...line };
  for (const c of columns) if (c.ratio) out[c.key] = ratioValue(c, line);
  return out;
}

export interface Grouping {
  /** the field the lines are grouped by (the rows come sorted by it) */
  by: string;
  /** the field of the subtotal row that names the group (usually `by` itself, or its name column) */
  labelKey: string;
}

/**
 * The lines (already in order, grouped by `grouping.by`) as report rows, each group followed by its
 * subtotal row; the subtotal row keeps the group's label fields and leaves the other text empty.
 * The grand total of the same lines is `totalsOf(columns, lines)`.
 */
export function withSubtotals(columns: readonly ReportColumn[], lines: readonly Record<string, ReportValue>[], grouping: Grouping): ReportRow[] {
  const out: ReportRow[] = [];
  let group: Record<string, ReportValue>[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const first = group[0];
    const subtotal: ReportRow = { row_type: 'subtotal' };
    for (const c of columns) subtotal[c.key] = null;
    Object.assign(subtotal, totalsOf(columns, group));
    subtotal[grouping.by] = first[grouping.by] ?? null;
    subtotal[grouping.labelKey] = first[grouping.labelKey] ?? null;
    out.push(subtotal);
    group = [];
  };
  for (const line of lines) {
    if (group.length > 0 && group[0][grouping.by] !== line[grouping.by]) flush();
    group.push(line);
    out.push({ ...withRatios(columns, line), row_type: 'line' });
  }
  flush();
  return out;
}

/** Lines as report rows without subtotals (a rekap of one level, a detail page). */
export function asLines(columns: readonly ReportColumn[], lines: readonly Record<string, ReportValue>[]): ReportRow[] {
  return lines.map((l) => ({ ...withRatios(columns, l), row_type: 'line' }));
}

export interface CrossCell {
  /** the row's key (a tariff class) */
  row: string;
  /** the column group's key (an age bucket) */
  column: string;
  values: Record<string, number>;
}

/**
 * A cross table: one line per row key (in `rowOrder`), for each column key and measure a field
 * `<measure>_<n>` (n: the column key's position from 1), and the row's totals per measure under the
 * measure's own name. Missing cells are 0.
 */
export function crossTab(
  cells: readonly CrossCell[],
  { rowKey, rowOrder, columnOrder, measures }: { rowKey: string; rowOrder: readonly string[]; columnOrder: readonly string[]; measures: readonly string[] },
): Record<string, ReportValue>[] {
  return rowOrder.map((row) => {
    const line: Record<string, ReportValue> = { [rowKey]: row };
    for (const m of measures) line[m] = 0;
    columnOrder.forEach((column, i) => {
      const cell = cells.find((c) => c.row === row && c.column === column);
      for (const m of measures) {
        const v = cell?.values[m] ?? 0;
        line[`${m}_${i + 1}`] = v;
        line[m] = (line[m] as number) + v;
      }
    });
    return line;
  });
}

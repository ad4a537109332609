/**
 * Sorting, paging and totals of a list held whole in memory (a kecamatan's desa, the load history).
 * Long lists are sorted and paged by their query in SQL instead; both give the same TableData.
 */
import type { ColumnDef } from '../../ui/data-table/columns';
import type { Sort } from '../../ui/data-table/query';

export interface TableWindow {
  sort: Sort | null;
  offset: number;
  /** null: every row (exports) */
  limit: number | null;
}

export interface TableData<Row> {
  rows: Row[];
  count: number;
  totals: Partial<Record<string, number>> | null;
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

type Comparable = string | number | boolean | null | undefined;

/** Ascending order of two cells; no value goes last in both directions (see sortRows). */
function compareCells(a: Comparable, b: Comparable): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The rows in the sort's order (stable: equal rows keep their order); rows without a value last. */
export function sortRows<Row extends object>(rows: readonly Row[], sort: Sort | null): Row[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const value = (r: Row) => (r as Record<string, Comparable>)[sort.key];
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = value(x.row);
      const b = value(y.row);
      const aNone = a === null || a === undefined;
      const bNone = b === null || b === undefined;
      if (aNone || bNone) return aNone === bNone ? x.i - y.i : aNone ? 1 : -1;
      return sign * compareCells(a, b) || x.i - y.i;
    })
    .map((e) => e.row);
}

/** Sums of the totalled columns over all the rows; null when no column is totalled. */
export function totalsOf<Row extends object>(rows: readonly Row[], columns: readonly Pick<ColumnDef, 'key' | 'total'>[]): Partial<Record<string, number>> | null {
  const totalled = columns.filter((c) => c.total);
  if (totalled.length === 0) return null;
  const totals: Record<string, number> = {};
  for (const c of totalled) {
    totals[c.key] = rows.reduce((sum, r) => {
      const v = (r as Record<string, unknown>)[c.key];
      return typeof v === 'number' ? sum + v : sum;
    }, 0);
  }
  return totals;
}

/** One window of a whole list: sorted, then cut; the count and totals cover every row. */
export function windowRows<Row extends object>(rows: readonly Row[], columns: readonly Pick<ColumnDef, 'key' | 'total'>[], window: TableWindow): TableData<Row> {
  const sorted = sortRows(rows, window.sort);
  const page = window.limit === null ? sorted.slice(window.offset) : sorted.slice(window.offset, window.offset + window.limit);
  return { rows: page, count: rows.length, totals: totalsOf(rows, columns) };
}

/**
 * A table's sort and page in the URL, under a prefix of its own so that two tables on one page keep
 * apart: `?desa-sort=-arrears&desa-page=2` (`-` before the key: descending). Pure: the server parses
 * them, the page builds its links with them (plain links, so sorting and paging work without JavaScript).
 */
import { isNumericFormat } from '../../../etl/export/cells';
import { exportFormat, type ColumnDef } from './columns';

export interface Sort {
  key: string;
  dir: 'asc' | 'desc';
}

/** What parses a table's parameters: its prefix, its columns and its defaults. */
export interface TableParamsSpec {
  prefix: string;
  columns: readonly Pick<ColumnDef, 'key' | 'sortable'>[];
  defaultSort: Sort | null;
  pageSize: number;
}

export interface TableQuery {
  sort: Sort | null;
  /** 1-based */
  page: number;
  pageSize: number;
  offset: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; param: string; message: string };

export const MAX_PAGE = 1_000_000;

export const sortParam = (prefix: string) => `${prefix}sort`;
export const pageParam = (prefix: string) => `${prefix}page`;

export function sortText(sort: Sort): string {
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** The sort and page of one table from the query string; a bad value names its parameter. */
export function parseTableQuery(spec: TableParamsSpec, params: URLSearchParams): Parsed<TableQuery> {
  const sortName = sortParam(spec.prefix);
  const pageName = pageParam(spec.prefix);
  let sort = spec.defaultSort;
  const rawSort = params.get(sortName);
  if (rawSort !== null && rawSort !== '') {
    const dir = rawSort.startsWith('-') ? 'desc' : 'asc';
    const key = rawSort.replace(/^[-+]/, '');
    const sortable = spec.columns.filter((c) => c.sortable).map((c) => c.key);
    if (!sortable.includes(key)) {
      return { ok: false, param: sortName, message: `${sortName} must be one of ${sortable.join(', ') || '(none)'}, with - before it for descending` };
    }
    sort = { key, dir };
  }
  const rawPage = params.get(pageName);
  let page = 1;
  if (rawPage !== null && rawPage !== '') {
    page = Number(rawPage);
    if (!/^\d+$/.test(rawPage) || page < 1 || page > MAX_PAGE) {
      return { ok: false, param: pageName, message: `${pageName} must be a whole number from 1 to ${MAX_PAGE}` };
    }
  }
  return { ok: true, value: { sort, page, pageSize: spec.pageSize, offset: (page - 1) * spec.pageSize } };
}

/** The direction a click on a column's header asks for: the other one when it is sorted on already. */
export function nextSort(column: Pick<ColumnDef, 'key' | 'format'>, current: Sort | null): Sort {
  if (current?.key === column.key) return { key: column.key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  // amounts: largest first; names and dates: in order
  return { key: column.key, dir: isNumericFormat(exportFormat(column.format)) ? 'desc' : 'asc' };
}

/** The search string with this table's sort changed (and back on its first page). */
export function sortSearch(search: string, prefix: string, sort: Sort): string {
  const params = new URLSearchParams(search);
  params.set(sortParam(prefix), sortText(sort));
  params.delete(pageParam(prefix));
  return `?${params.toString()}`;
}

/** The search string with this table on `page` (page 1 leaves the parameter out). */
export function pageSearch(search: string, prefix: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete(pageParam(prefix));
  else params.set(pageParam(prefix), String(page));
  const text = params.toString();
  return text ? `?${text}` : '?';
}

export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

/**
 * The page numbers to link: the first, the last, and two either side of the current one, with null
 * for the gaps: page 6 of 20 → 1 … 4 5 6 7 8 … 20.
 */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] === 2) out.push(p - 1);
    else if (i > 0 && p - sorted[i - 1] > 2) out.push(null);
    out.push(p);
  });
  return out;
}

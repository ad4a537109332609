/**
 * GET /api/v1/arrears: its parameters (a wrong one named in the 400), its JSON body, and the same rows
 * as CSV, XLSX, Parquet or an Arrow IPC stream. The rows are those of the drill-down's pages:
 * arrearsByArea for `level=kecamatan|desa`, customersInArrears for `level=customer` (personal data).
 */
import { tableArrow, ARROW_STREAM_TYPE } from '../../../etl/export/arrow';
import type { ExportColumn } from '../../../etl/export/cells';
import { tableCsv } from '../../../etl/export/csv';
import { tableParquet } from '../../../etl/export/parquet';
import { tableXlsx } from '../../../etl/export/xlsx';
import { monthEnd } from '../../../etl/domain/period';
import { arrearsByArea, type AreaArrearsRow } from '../../../etl/queries/arrears-areas';
import { CUSTOMER_SORT_COLUMNS, customersInArrears, MAX_PAGE_SIZE, type CustomerInArrears, type CustomerSort, type CustomerSortColumn } from '../../../etl/queries/customers';
import { FILTER_PARAMS, parseArrearsFilters, type ArrearsFilters } from '../../../etl/queries/filters';
import type { Scope } from '../../../etl/queries/scope';
import type { Warehouse } from '../../../etl/warehouse/duckdb';

export const ARREARS_LEVELS = ['kecamatan', 'desa', 'customer'] as const;
export type ArrearsApiLevel = (typeof ARREARS_LEVELS)[number];
export const ARREARS_FORMATS = ['json', 'csv', 'xlsx', 'parquet', 'arrow'] as const;
export type ArrearsApiFormat = (typeof ARREARS_FORMATS)[number];

export interface ArrearsApiQuery {
  month: string;
  level: ArrearsApiLevel;
  filters: ArrearsFilters;
  format: ArrearsApiFormat;
  sort: CustomerSort;
  page: number;
  pageSize: number;
}

export type ApiParse = { ok: true; query: ArrearsApiQuery } | { ok: false; param: string; message: string };

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const CUSTOMER_ONLY = ['sort', 'page', 'page_size'];
const KNOWN = ['as_of', 'level', 'format', ...CUSTOMER_ONLY, ...Object.values(FILTER_PARAMS)];
export const DEFAULT_API_PAGE_SIZE = 100;

/** The request's parameters against the warehouse's months (default: the last complete month). */
export function parseArrearsApiQuery(params: URLSearchParams, months: readonly string[], defaultMonth: string | null): ApiParse {
  const bad = (param: string, message: string): ApiParse => ({ ok: false, param, message: message.startsWith(`${param}:`) ? message : `${param}: ${message}` });
  for (const name of params.keys()) if (!KNOWN.includes(name)) return bad(name, `unknown parameter (known: ${KNOWN.join(', ')})`);
  const month = params.get('as_of') || defaultMonth;
  if (!month || !PERIOD.test(month)) return bad('as_of', 'must be a month YYYY-MM');
  if (!months.includes(month)) return bad('as_of', `the warehouse has no figures for ${month} (it has ${months[0] ?? '–'} … ${months.at(-1) ?? '–'})`);
  const level = params.get('level') || 'kecamatan';
  if (!(ARREARS_LEVELS as readonly string[]).includes(level)) return bad('level', `must be one of ${ARREARS_LEVELS.join(', ')}`);
  const format = params.get('format') || 'json';
  if (!(ARREARS_FORMATS as readonly string[]).includes(format)) return bad('format', `must be one of ${ARREARS_FORMATS.join(', ')}`);
  const filters = parseArrearsFilters(params);
  if (!filters.ok) return bad(filters.parameter, filters.message);
  if (level !== 'customer') {
    const given = CUSTOMER_ONLY.find((name) => params.has(name));
    if (given) return bad(given, 'only for level=customer');
  }
  let sort: CustomerSort = { column: 'arrears', direction: 'desc' };
  const sortText = params.get('sort');
  if (sortText) {
    const column = sortText.replace(/^-/, '');
    if (!(CUSTOMER_SORT_COLUMNS as readonly string[]).includes(column)) return bad('sort', `must be one of ${CUSTOMER_SORT_COLUMNS.join(', ')}, with - before it for descending`);
    sort = { column: column as CustomerSortColumn, direction: sortText.startsWith('-') ? 'desc' : 'asc' };
  }
  const whole = (name: string, fallback: number, max: number): number | string => {
    const text = params.get(name);
    if (text === null || text === '') return fallback;
    const n = Number(text);
    return /^\d+$/.test(text) && n >= 1 && n <= max ? n : `must be a whole number from 1 to ${max}`;
  };
  const page = whole('page', 1, 1_000_000);
  if (typeof page === 'string') return bad('page', page);
  const pageSize = whole('page_size', DEFAULT_API_PAGE_SIZE, MAX_PAGE_SIZE);
  if (typeof pageSize === 'string') return bad('page_size', pageSize);
  return { ok: true, query: { month, level: level as ArrearsApiLevel, filters: filters.filters, format: format as ArrearsApiFormat, sort, page, pageSize } };
}

export type ApiCustomerRow = Omit<CustomerInArrears, 'last_visit_on' | 'last_visit_outcome'>;

export interface ArrearsApiBody {
  as_of: string;
  level: ArrearsApiLevel;
  filters: Record<string, string | number | null>;
  total_arrears: number;
  customers: number;
  rows: AreaArrearsRow[] | ApiCustomerRow[];
}

/** The rows' columns in every format (named as the JSON fields). */
export const API_COLUMNS: Record<'area' | 'customer', Pick<ExportColumn, 'key' | 'format'>[]> = {
  area: [
    { key: 'code', format: 'text' },
    { key: 'name', format: 'text' },
    { key: 'arrears', format: 'money' },
    { key: 'customers', format: 'number' },
    { key: 'bills', format: 'number' },
  ],
  customer: [
    { key: 'customer_id', format: 'text' },
    { key: 'name', format: 'text' },
    { key: 'address', format: 'text' },
    { key: 'phone', format: 'text' },
    { key: 'desa_code', format: 'text' },
    { key: 'tariff_class', format: 'text' },
    { key: 'status', format: 'text' },
    { key: 'arrears', format: 'money' },
    { key: 'bills', format: 'number' },
    { key: 'oldest_months', format: 'number' },
    { key: 'last_paid_on', format: 'date' },
    { key: 'last_channel', format: 'text' },
  ],
};

const columnsOf = (level: ArrearsApiLevel) => API_COLUMNS[level === 'customer' ? 'customer' : 'area'];

/** The JSON body; `level=customer` throws ScopeRefusedError for a scope without personal data. */
export async function arrearsApiBody(wh: Warehouse, query: ArrearsApiQuery, scope: Scope): Promise<ArrearsApiBody> {
  const { month, level, filters } = query;
  const echo = {
    kecamatan: filters.kecamatan ?? null,
    desa: filters.desa ?? null,
    tariff_class: filters.tariffClass ?? null,
    status: filters.status ?? null,
    age: filters.age ?? null,
    min_amount: filters.minAmount ?? null,
  };
  if (level === 'customer') {
    const page = await customersInArrears(wh, { asOf: monthEnd(month), filters, scope, sort: query.sort, page: query.page, pageSize: query.pageSize });
    const keys = columnsOf('customer').map((c) => c.key);
    const rows = page.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k as keyof CustomerInArrears]])) as unknown as ApiCustomerRow);
    return { as_of: page.as_of, level, filters: echo, total_arrears: page.total_arrears, customers: page.count, rows };
  }
  const r = await arrearsByArea(wh, { month, level, filters });
  return { as_of: r.as_of, level, filters: echo, total_arrears: r.total_arrears, customers: r.customers, rows: r.rows };
}

export interface EncodedRows {
  body: Uint8Array;
  contentType: string;
  extension: string;
}

/** The body's rows in a file format (not JSON). */
export async function encodeArrearsRows(format: Exclude<ArrearsApiFormat, 'json'>, body: ArrearsApiBody): Promise<EncodedRows> {
  const columns = columnsOf(body.level);
  const headed = columns.map((c) => ({ ...c, header: c.key }));
  switch (format) {
    case 'csv':
      return { body: Buffer.from(tableCsv(headed, body.rows), 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'xlsx': {
      const details = [`as_of ${body.as_of}`, ...Object.entries(body.filters).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`)];
      const bytes = await tableXlsx({ title: `Kaba arrears, level ${body.level}`, details, columns: headed, rows: body.rows });
      return { body: bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    }
    case 'parquet':
      return { body: await tableParquet(columns, body.rows), contentType: 'application/vnd.apache.parquet', extension: 'parquet' };
    case 'arrow':
      return { body: tableArrow(columns, body.rows), contentType: ARROW_STREAM_TYPE, extension: 'arrows' };
  }
}

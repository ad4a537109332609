/**
 * The arrears drill-down's tables (app/routes/_app.arrears.*): the kecamatan level, a kecamatan's
 * desa/kelurahan, and a desa's customers in arrears (sorted and paged by customersInArrears in SQL,
 * personal data: only for roles that may see it). Parameters: the page's `bulan` and filters
 * (app/lib/arrears/drill.server.ts); the area comes in `kecamatan=` / `desa=`.
 */
import { monthEnd } from '../../../etl/domain/period';
import type { AreaLevel } from '../../../etl/queries/arrears-areas';
import { CUSTOMER_SORT_COLUMNS, customersInArrears, MAX_PAGE_SIZE, type CustomerInArrears, type CustomerSortColumn, type CustomersPage } from '../../../etl/queries/customers';
import { t, type Lang, type MessageKey } from '../../i18n';
import { outcomeValues, statusValues } from '../../i18n/code-words';
import { formatRupiahFull } from '../../i18n/format';
import type { ColumnDef } from '../../ui/data-table/columns';
import { areaLevelFigures, drillInput, drillParams, type AreaLevelFigures, type AreaRow, type DrillInput } from '../arrears/drill.server';
import { ROLES, type Role } from '../roles';
import { withinScope } from '../scope.server';
import { withScopedCache, withWarehouse } from '../warehouse.server';
import type { Warehouse } from '../../../etl/warehouse/duckdb';
import { BadParam, defineTable } from './define.server';
import { asOfDetail } from './params.server';
import { windowRows } from './window';

const AREA_COLUMNS = (level: AreaLevel): ColumnDef<keyof AreaRow>[] => [
  { key: 'name', label: level === 'kecamatan' ? 'arrears.table.kecamatan' : 'arrears.table.desa', format: 'text', sortable: true, rowHeader: true },
  { key: 'code', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'arrears', label: 'arrears.col.arrears', format: 'money', sortable: true, total: true },
  { key: 'share', label: 'arrears.col.share', format: 'percent', sortable: true },
  { key: 'customers', label: 'arrears.col.customers', format: 'number', sortable: true, total: true },
  { key: 'bills', label: 'arrears.col.bills', format: 'number', sortable: true, total: true },
  { key: 'change_month', label: 'arrears.col.changeMonth', format: 'money', sortable: true, total: true },
  { key: 'change_year', label: 'arrears.col.changeYear', format: 'money', sortable: true, total: true },
  { key: 'online_share', label: 'arrears.col.onlineShare', format: 'percent', sortable: true },
];

/** The filters and month in words, for an export's title rows. */
function filterDetails({ month, filters }: DrillInput, lang: Lang): string[] {
  const lines = [asOfDetail(month, lang)];
  const add = (label: MessageKey, value: string | undefined) => {
    if (value !== undefined) lines.push(`${t(lang, label)}: ${value}`);
  };
  add('arrears.filter.kecamatan', filters.kecamatan);
  add('arrears.filter.desa', filters.desa);
  add('arrears.filter.tariff', filters.tariffClass);
  add('arrears.filter.status', filters.status);
  add('arrears.filter.age', filters.age);
  add('arrears.filter.minAmount', filters.minAmount === undefined ? undefined : formatRupiahFull(filters.minAmount, lang));
  return lines;
}

const fileSuffix = ({ month, filters }: DrillInput) => [filters.desa ?? filters.kecamatan ?? 'semua', month];

function areaTable(level: AreaLevel) {
  const columns = AREA_COLUMNS(level);
  return defineTable<DrillInput, AreaLevelFigures, AreaRow>({
    id: `arrears-${level}`,
    prefix: level === 'kecamatan' ? 'kec-' : 'desa-',
    title: level === 'kecamatan' ? 'arrears.title' : 'arrears.table.desa',
    columns,
    defaultSort: { key: 'arrears', dir: 'desc' },
    pageSize: 100,
    roles: ROLES,
    async input(params) {
      const input = await drillInput(params);
      if (level === 'desa' && !input.filters.kecamatan) throw new BadParam('kecamatan', 'kecamatan is required: the desa of which kecamatan');
      return input;
    },
    inputParams: drillParams,
    load: (_, input) => areaLevelFigures(level, input),
    rows: (source, window) => windowRows(source.rows, columns, window),
    details: (input, _source, lang) => filterDetails(input, lang),
    fileSuffix,
  });
}

export const arrearsKecamatanTable = areaTable('kecamatan');
export const arrearsDesaTable = areaTable('desa');

/** The customer list's roles: those who may see personal data (a manager gets 403). */
export const CUSTOMER_LIST_ROLES: readonly Role[] = ROLES.filter((r) => r === 'director' || r === 'supervisor' || r === 'admin');


export type CustomerRow = CustomerInArrears;

const sortable = (key: string) => (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(key);
const CUSTOMER_COLUMNS: ColumnDef<keyof CustomerRow>[] = (
  [
    { key: 'customer_id', label: 'arrears.col.customerId', format: 'text', mono: true, rowHeader: true },
    { key: 'name', label: 'arrears.col.name', format: 'text', personal: true },
    { key: 'address', label: 'arrears.col.address', format: 'text', personal: true },
    { key: 'tariff_class', label: 'arrears.col.tariff', format: 'text' },
    { key: 'status', label: 'arrears.col.status', format: 'text', values: statusValues },
    { key: 'bills', label: 'arrears.col.bills', format: 'number', total: true },
    { key: 'oldest_months', label: 'arrears.col.oldest', format: 'number' },
    { key: 'arrears', label: 'arrears.col.arrears', format: 'money', total: true },
    { key: 'last_paid_on', label: 'arrears.col.lastPaid', format: 'date' },
    { key: 'last_channel', label: 'arrears.col.lastChannel', format: 'text' },
    { key: 'last_visit_outcome', label: 'arrears.col.visitOutcome', format: 'text', values: outcomeValues },
  ] satisfies ColumnDef<keyof CustomerRow>[]
).map((c) => ({ ...c, sortable: sortable(c.key) }));

/** Every page of the selection, for an export (the query pages at most MAX_PAGE_SIZE rows at a time). */
async function everyCustomer(load: (page: number, pageSize: number) => Promise<CustomersPage>): Promise<CustomersPage> {
  const first = await load(1, MAX_PAGE_SIZE);
  const rows = [...first.rows];
  for (let page = 2; rows.length < first.count; page++) rows.push(...(await load(page, MAX_PAGE_SIZE)).rows);
  return { ...first, rows, page_size: rows.length };
}

export const arrearsCustomersTable = defineTable<DrillInput, CustomersPage, CustomerRow>({
  id: 'arrears-customers',
  prefix: 'cust-',
  title: 'arrears.table.customers',
  columns: CUSTOMER_COLUMNS,
  defaultSort: { key: 'arrears', dir: 'desc' },
  pageSize: 50,
  roles: CUSTOMER_LIST_ROLES,
  async input(params) {
    const input = await drillInput(params);
    if (!input.filters.desa) throw new BadParam('desa', 'desa is required: the customers of which desa');
    return input;
  },
  inputParams: drillParams,
  load(ctx, { month, filters }, window) {
    const sort = window.sort ? { column: window.sort.key as CustomerSortColumn, direction: window.sort.dir } : undefined;
    const query = (page: number, pageSize: number) => (wh: Warehouse) => customersInArrears(wh, { asOf: monthEnd(month), filters, scope: ctx.scope, sort, page, pageSize });
    if (window.limit === null) return everyCustomer((page, pageSize) => withinScope(() => withWarehouse(query(page, pageSize))));
    const page = Math.floor(window.offset / window.limit) + 1;
    return withinScope(() => withScopedCache('arrears:customers', { month, filters, sort, page, pageSize: window.limit }, ctx.scope, query(page, window.limit as number)));
  },
  rows: (source) => ({ rows: source.rows, count: source.count, totals: { arrears: source.total_arrears, bills: source.total_bills } }),
  details: (input, _source, lang) => filterDetails(input, lang),
  fileSuffix,
});

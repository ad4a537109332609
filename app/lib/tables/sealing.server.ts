/**
 * The sealing candidates' table (/sealing and its export): active connections that meet the sealing
 * policy (settings) as of the month end, with the arrears filters, ordered by kecamatan and desa, sorted
 * and paged in SQL (owingPage); the API and the notices take every candidate with the bills they owe.
 */
import { monthEnd } from '../../../etl/domain/period';
import { FILTER_PARAMS, parseArrearsFilters, type ArrearsFilters } from '../../../etl/queries/filters';
import { owingByDesa, owingPage, sealingCandidates, sealingCondition, type OwingCustomer, type OwingDesa, type OwingPage, type OwingRow, type OwingSortColumn } from '../../../etl/queries/sealing';
import type { Scope } from '../../../etl/queries/scope';
import type { SealingPolicy } from '../../../etl/domain/sealing';
import { t, type Lang } from '../../i18n';
import { AS_OF_PARAM } from '../as-of';
import { sealingPolicyText } from '../letters/policy-text';
import { withinScope } from '../scope.server';
import { readLetterSettings } from '../settings/letters.server';
import { settingsStore } from '../settings.server';
import { withScopedCache, withWarehouse } from '../warehouse.server';
import type { Warehouse } from '../../../etl/warehouse/duckdb';
import { BadParam, defineTable } from './define.server';
import { asOfDetail, asOfMonthParam } from './params.server';
import type { ColumnDef } from '../../ui/data-table/columns';
import type { TableWindow } from './window';

export type SealingRow = Pick<OwingRow, 'kecamatan_name' | 'desa_name' | 'desa_code' | 'customer_id' | 'name' | 'address' | 'tariff_class' | 'bills' | 'oldest_months' | 'arrears'>;

export interface SealingInput {
  month: string;
  filters: ArrearsFilters;
  policy: SealingPolicy;
}

export const SEALING_ROLES = ['director', 'supervisor', 'admin'] as const;

const COLUMNS: ColumnDef<keyof SealingRow>[] = [
  { key: 'kecamatan_name', label: 'sealing.col.kecamatan', format: 'text', sortable: true },
  { key: 'desa_name', label: 'sealing.col.desa', format: 'text', sortable: true },
  { key: 'customer_id', label: 'sealing.col.id', format: 'text', sortable: true, mono: true, rowHeader: true },
  { key: 'name', label: 'sealing.col.name', format: 'text', sortable: true, personal: true },
  { key: 'address', label: 'sealing.col.address', format: 'text', personal: true },
  { key: 'tariff_class', label: 'sealing.col.tariff', format: 'text', sortable: true },
  { key: 'bills', label: 'sealing.col.bills', format: 'number', sortable: true, total: true },
  { key: 'oldest_months', label: 'sealing.col.oldest', format: 'number', sortable: true },
  { key: 'arrears', label: 'sealing.col.arrears', format: 'money', sortable: true, total: true },
];

/** The page's filters from its URL; a bad one is a BadParam naming it. */
export function sealingFilters(params: URLSearchParams): ArrearsFilters {
  const parsed = parseArrearsFilters(params);
  if (!parsed.ok) throw new BadParam(parsed.parameter, parsed.message);
  return parsed.filters;
}

/** Every candidate with the bills they owe (the API). */
export async function loadSealing(input: SealingInput, scope: Scope): Promise<OwingCustomer[]> {
  return withinScope(() => withWarehouse((wh) => sealingCandidates(wh, { asOf: monthEnd(input.month), filters: input.filters, policy: input.policy, scope })));
}

/** A window of the candidates, sorted by a column of the table or in area order. */
export function loadSealingPage(input: SealingInput, scope: Scope, window: TableWindow): Promise<OwingPage> {
  const sort = window.sort ? { column: window.sort.key as OwingSortColumn, direction: window.sort.dir } : null;
  const selection = { asOf: monthEnd(input.month), filters: input.filters, condition: sealingCondition(input.policy) };
  const query = (wh: Warehouse) => owingPage(wh, { ...selection, scope, sort, offset: window.offset, limit: window.limit });
  if (window.limit === null) return withinScope(() => withWarehouse(query));
  return withinScope(() => withScopedCache('sealing:page', { ...selection, sort, offset: window.offset, limit: window.limit }, scope, query));
}

/** The candidates in each desa, for the page's notices by desa. */
export function loadSealingByDesa(input: SealingInput): Promise<OwingDesa[]> {
  const selection = { asOf: monthEnd(input.month), filters: input.filters, condition: sealingCondition(input.policy) };
  return withWarehouse((wh, file) => file.cached(`sealing:desa:${JSON.stringify(selection)}`, () => owingByDesa(wh, selection)));
}

export const sealingTable = defineTable<SealingInput, OwingPage, SealingRow>({
  id: 'sealing',
  prefix: 'segel-',
  title: 'sealing.title',
  columns: COLUMNS,
  defaultSort: null,
  pageSize: 100,
  roles: SEALING_ROLES,
  async input(params) {
    return { month: await asOfMonthParam(params), filters: sealingFilters(params), policy: (await readLetterSettings(settingsStore())).sealing };
  },
  inputParams: ({ month, filters }) => ({
    [AS_OF_PARAM]: month,
    [FILTER_PARAMS.kecamatan]: filters.kecamatan ?? null,
    [FILTER_PARAMS.desa]: filters.desa ?? null,
    [FILTER_PARAMS.tariffClass]: filters.tariffClass ?? null,
    [FILTER_PARAMS.status]: filters.status ?? null,
    [FILTER_PARAMS.age]: filters.age ?? null,
    [FILTER_PARAMS.minAmount]: filters.minAmount === undefined ? null : String(filters.minAmount),
  }),
  load: (ctx, input, window) => loadSealingPage(input, ctx.scope, window),
  rows: (source) => ({ rows: source.rows, count: source.count, totals: { arrears: source.total_arrears, bills: source.total_bills } }),
  details: ({ month, policy }, _source, lang: Lang) => [asOfDetail(month, lang), sealingPolicyText(policy, lang), t(lang, 'sealing.title')],
  fileSuffix: ({ month, filters }) => [filters.desa ?? filters.kecamatan ?? 'semua', month],
});

/**
 * Customers whose overdue debts meet a condition (a status, a number of overdue bills, the age of the
 * oldest debt, an amount): the sealing candidates (the sealing policy, etl/domain/sealing.ts) and the
 * recipients of the letters to customers. Who meets it comes from the same selection as the customer
 * list (customers.ts: at a month end from the month-end tables, milliseconds at a million customers);
 * the bills each owes, for those customers only and only in customersOwing (the letters and the API
 * list them; the page's table and summary do not), from arrears_debt_levels at a month end. Personal
 * data: refused for a scope without it. Ordered by kecamatan, desa, then largest arrears, so a list
 * reads grouped by area.
 */
import { SEALABLE_STATUS, type SealingPolicy } from '../domain/sealing';
import type { Warehouse } from '../warehouse/duckdb';
import { ageBucketSql } from '../domain/aging';
import { debtSourceFor, owingSql, type DebtSource } from './customers';
import { filteredDebtsSql } from './debts';
import { filterParams, NO_FILTERS, type ArrearsFilters } from './filters';
import type { CustomerInArea } from './ledger';
import { requirePersonalData, type Scope } from './scope';

/** A customer who meets the condition, without the bills (the page's rows). */
export interface OwingRow extends CustomerInArea {
  arrears: number;
  bills: number;
  oldest_months: number;
}

export interface OwingCustomer extends OwingRow {
  /** the periods of the overdue bills owing something, oldest first */
  periods: string[];
  /** what each of those bills owes, in the same order */
  bills_owed: BillOwed[];
  /** what the opening balance (arrears from before the billing history) still owes; 0 when none */
  opening: number;
}

export interface BillOwed {
  period: string;
  amount: number;
}

export interface OwingCondition {
  /** only customers with this status; null for any */
  status: string | null;
  minBills: number;
  minOldestMonths: number;
  minAmount: number;
}

export interface OwingSelection {
  asOf: string;
  filters?: ArrearsFilters;
  condition: OwingCondition;
  scope: Scope;
}

/** Who meets the condition: a query of OwingRow's columns (bind selectionParams). */
function meetingSql(source: DebtSource, filters: ArrearsFilters = NO_FILTERS): string {
  return `${owingSql(source, filters)}
    SELECT o.customer_id, c.name, c.address, c.phone, o.desa_code, a.desa_name, a.desa_type, a.kecamatan_code, a.kecamatan_name,
           o.tariff_class, o.status, o.arrears, o.bills, o.oldest_months
      FROM owing o JOIN customers c USING (customer_id) JOIN areas a ON a.desa_code = o.desa_code
     WHERE o.arrears > 0
       AND (CAST($c_status AS VARCHAR) IS NULL OR o.status = $c_status)
       AND o.bills >= $c_min_bills AND o.oldest_months >= $c_min_months AND o.arrears >= $c_min_amount`;
}

/**
 * CTE `owed`: what each customer of `met` owed on each overdue bill (`periods`, `period:amount` in period
 * order) and on the opening balance. At a month end from arrears_debt_levels (each debt's level that
 * month); on another day from the bills, with the same filters per debt (an age filter lists that
 * bucket's bills).
 */
function owedSql(source: DebtSource): string {
  // period first and of fixed width (YYYY-MM), so sorting the texts sorts by period: cheaper than an
  // ordered aggregate, which sorts every customer's group (seconds for a whole utility)
  const bills = `coalesce(list_sort(list(period || ':' || CAST(owed AS BIGINT)) FILTER (WHERE bill_id IS NOT NULL)), []) AS periods`;
  const opening = 'coalesce(sum(owed) FILTER (WHERE bill_id IS NULL), 0)::BIGINT AS opening';
  const met = (table: string) => `${table}.customer_id IN (SELECT customer_id FROM met)`;
  if (source === 'month_end') {
    const month = '(SELECT month_idx FROM months WHERE month_end = CAST($as_of AS DATE))';
    return `owed AS (
       SELECT customer_id, ${opening}, ${bills}
         FROM (SELECT l.customer_id, l.bill_id, l.period, l.level AS owed FROM arrears_debt_levels l
                WHERE l.from_idx <= ${month} AND l.to_idx > ${month} AND ${met('l')}
                  AND (CAST($f_age AS VARCHAR) IS NULL OR ${ageBucketSql(`(${month} - l.cohort + 1)`)} = $f_age))
        GROUP BY customer_id)`;
  }
  return `${filteredDebtsSql(met)},
     owed AS (
       SELECT customer_id, ${opening}, ${bills}
         FROM (SELECT d.customer_id, d.bill_id, b.period, d.outstanding AS owed
                 FROM debts d LEFT JOIN bill_balances b ON b.bill_id = d.bill_id AND ${met('b')})
        GROUP BY customer_id)`;
}

function selectionParams({ asOf, filters = NO_FILTERS, condition }: Omit<OwingSelection, 'scope'>) {
  return {
    as_of: asOf,
    ...filterParams(filters),
    c_status: condition.status,
    c_min_bills: condition.minBills,
    c_min_months: condition.minOldestMonths,
    c_min_amount: condition.minAmount,
  };
}

const AREA_ORDER = 'kecamatan_code, desa_code, arrears DESC, customer_id';

/** Every customer who meets the condition, with the bills they owe (letters, the API). */
export async function customersOwing(
  wh: Warehouse,
  selection: OwingSelection & { limit?: number; /** default: the month-end tables when they can answer */ source?: DebtSource },
): Promise<OwingCustomer[]> {
  requirePersonalData(selection.scope, 'the customers owing');
  const source = selection.source ?? (await debtSourceFor(wh, selection.asOf));
  const rows = await wh.query<OwingRow & { periods: string; opening: number }>(
    `WITH met AS (${meetingSql(source, selection.filters)}),
     ${owedSql(source)}
     SELECT m.*, array_to_string(coalesce(o.periods, []), ',') AS periods, coalesce(o.opening, 0)::BIGINT AS opening
       FROM met m LEFT JOIN owed o USING (customer_id)
      ORDER BY ${AREA_ORDER}
      ${selection.limit === undefined ? '' : 'LIMIT $limit'}`,
    { ...selectionParams(selection), ...(selection.limit === undefined ? {} : { limit: selection.limit }) },
  );
  return rows.map((r) => {
    const bills_owed = parseBillsOwed(r.periods);
    return { ...r, periods: bills_owed.map((b) => b.period), bills_owed };
  });
}

/** The columns a page of them may sort by, and their SQL (never the caller's text). */
const SORT_SQL = {
  kecamatan_name: 'kecamatan_name',
  desa_name: 'desa_name',
  customer_id: 'customer_id',
  name: 'name',
  tariff_class: 'tariff_class',
  bills: 'bills',
  oldest_months: 'oldest_months',
  arrears: 'arrears',
} as const;
export type OwingSortColumn = keyof typeof SORT_SQL;

export interface OwingPage {
  /** customers in the whole selection, and their arrears and overdue bills */
  count: number;
  total_arrears: number;
  total_bills: number;
  rows: OwingRow[];
}

/**
 * One page of them, in area order or sorted by a column (ties in area order); every row when `limit` is
 * null (an export). The totals are of the whole selection.
 */
export async function owingPage(
  wh: Warehouse,
  selection: OwingSelection & { sort: { column: OwingSortColumn; direction: 'asc' | 'desc' } | null; offset: number; limit: number | null },
): Promise<OwingPage> {
  requirePersonalData(selection.scope, 'the customers owing');
  const { sort, offset, limit } = selection;
  const column = sort ? SORT_SQL[sort.column] : undefined;
  if (sort && (!column || (sort.direction !== 'asc' && sort.direction !== 'desc'))) throw new RangeError(`cannot sort by ${sort.column} ${sort.direction}`);
  const met = meetingSql(await debtSourceFor(wh, selection.asOf), selection.filters);
  const params = selectionParams(selection);
  const totals = await wh.one<Omit<OwingPage, 'rows'>>(
    `WITH met AS (${met})
     SELECT count(*)::BIGINT AS count, coalesce(sum(arrears), 0)::BIGINT AS total_arrears, coalesce(sum(bills), 0)::BIGINT AS total_bills FROM met`,
    params,
  );
  const order = sort ? `${column} ${sort.direction.toUpperCase()} NULLS LAST, ${AREA_ORDER}` : AREA_ORDER;
  const rows = await wh.query<OwingRow>(
    `WITH met AS (${met}) SELECT * FROM met ORDER BY ${order} ${limit === null ? '' : 'LIMIT $limit'} OFFSET $offset`,
    { ...params, offset, ...(limit === null ? {} : { limit }) },
  );
  return { ...totals, rows };
}

export interface OwingDesa {
  kecamatan_code: string;
  kecamatan_name: string;
  desa_code: string;
  desa_name: string;
  customers: number;
  arrears: number;
}

/** How many meet the condition in each desa, and their arrears, in area order (no personal data). */
export async function owingByDesa(wh: Warehouse, selection: Omit<OwingSelection, 'scope'>): Promise<OwingDesa[]> {
  return wh.query<OwingDesa>(
    `WITH met AS (${meetingSql(await debtSourceFor(wh, selection.asOf), selection.filters)})
     SELECT kecamatan_code, kecamatan_name, desa_code, desa_name, count(*)::BIGINT AS customers, sum(arrears)::BIGINT AS arrears
       FROM met GROUP BY ALL ORDER BY kecamatan_code, desa_code`,
    selectionParams(selection),
  );
}

/** `2024-02:30000,2024-03:60000` (how a list of bills owed travels as one text) → the bills. */
export function parseBillsOwed(text: string): BillOwed[] {
  if (!text) return [];
  return text.split(',').map((item) => {
    const [period, amount] = item.split(':');
    return { period, amount: Number(amount) };
  });
}

export function billsOwedText(bills: readonly BillOwed[]): string {
  return bills.map((b) => `${b.period}:${b.amount}`).join(',');
}

/** The policy's conditions (meetsSealingPolicy, the same rule in TypeScript). */
export function sealingCondition(policy: SealingPolicy): OwingCondition {
  return { status: SEALABLE_STATUS, minBills: policy.min_bills, minOldestMonths: policy.min_oldest_months, minAmount: Math.max(1, policy.min_amount) };
}

/** Active connections that meet the sealing policy as of the day, with the bills they owe. */
export function sealingCandidates(
  wh: Warehouse,
  { asOf, filters, policy, scope }: { asOf: string; filters?: ArrearsFilters; policy: SealingPolicy; scope: Scope },
): Promise<OwingCustomer[]> {
  return customersOwing(wh, { asOf, filters, condition: sealingCondition(policy), scope });
}

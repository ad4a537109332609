/**
 * The customers in arrears as of a day, one row each, a page at a time: who they are (personal data:
 * refused for a scope without it), what they owe and since when, how they last paid and the outcome of
 * their last visit (visits of the scope's teams). The totals are of the whole filtered selection, not of
 * the page. At a month end the debts come from arrears_customer_month_end (one row per customer and age
 * bucket, built at load: milliseconds at a million customers), on any other day from the bills; both
 * give the same rows (tests/integration/arrears-drill.test.ts, demo-truth.test.ts).
 */
import type { Warehouse } from '../warehouse/duckdb';
import { FILTERED_DEBTS_SQL, MONTH_END_CUSTOMERS_SQL, MONTH_END_DEBTS_SQL } from './debts';
import { filterParams, minAmountSql, NO_FILTERS, type ArrearsFilters } from './filters';
import { requirePersonalData, teamParams, teamScopeSql, type Scope } from './scope';

export interface CustomerInArrears {
  customer_id: string;
  name: string;
  address: string;
  phone: string;
  desa_code: string;
  tariff_class: string;
  status: string;
  arrears: number;
  /** overdue bills that still owe something (an opening balance is not a bill) */
  bills: number;
  /** age in months of the oldest debt */
  oldest_months: number;
  /** the last completed payment on or before the as-of day, and its channel */
  last_paid_on: string | null;
  last_channel: string | null;
  /** the last visit on or before the as-of day by a team in scope, and its outcome */
  last_visit_on: string | null;
  last_visit_outcome: string | null;
}

export interface CustomersPage {
  as_of: string;
  /** customers in the whole selection */
  count: number;
  /** their arrears, all pages */
  total_arrears: number;
  /** their overdue bills, all pages */
  total_bills: number;
  page: number;
  page_size: number;
  sort: CustomerSort;
  rows: CustomerInArrears[];
}

/** The columns a list may sort by, and their SQL (never the caller's text). */
const SORT_SQL = {
  arrears: 'arrears',
  bills: 'bills',
  oldest_months: 'oldest_months',
  last_paid_on: 'last_paid_on',
  customer_id: 'customer_id',
  name: 'name',
  desa_code: 'desa_code',
  tariff_class: 'tariff_class',
  status: 'status',
} as const;
export type CustomerSortColumn = keyof typeof SORT_SQL;
export const CUSTOMER_SORT_COLUMNS = Object.keys(SORT_SQL) as CustomerSortColumn[];
export interface CustomerSort {
  column: CustomerSortColumn;
  direction: 'asc' | 'desc';
}
export const DEFAULT_CUSTOMER_SORT: CustomerSort = { column: 'arrears', direction: 'desc' };
export const MAX_PAGE_SIZE = 1000;

/** Where the debts of a day come from: the month-end table when the day is a month end it holds, else the bills. */
export type DebtSource = 'month_end' | 'bills';

/** The month-end table answers a day that is the end of one of the warehouse's months. */
export async function debtSourceFor(wh: Warehouse, asOf: string): Promise<DebtSource> {
  const found = await wh.query(`SELECT 1 FROM months WHERE month_end = CAST($as_of AS DATE)`, { as_of: asOf });
  return found.length > 0 ? 'month_end' : 'bills';
}

/**
 * CTE `owing`: each customer's arrears, overdue bills and oldest age in the selection, with their desa,
 * tariff class and status (a page can then be cut before the customers' names are joined); the minimum
 * amount is on the customer's total, as the `kept` CTE of debts.ts keeps them. At a month end without an
 * age filter a customer is one row of the totals table; with one, the customer's rows of that bucket.
 * Bind $as_of and filterParams(filters).
 */
export function owingSql(source: DebtSource, filters: ArrearsFilters): string {
  if (source === 'bills') {
    return `WITH ${FILTERED_DEBTS_SQL},
    owing AS (
      SELECT d.customer_id, d.desa_code, d.tariff_class, d.status,
             sum(d.outstanding)::BIGINT AS arrears, count(d.bill_id)::BIGINT AS bills, max(d.age)::BIGINT AS oldest_months
        FROM debts d GROUP BY ALL HAVING ${minAmountSql('sum(d.outstanding)')})`;
  }
  if (filters.age === undefined) {
    return `WITH ${MONTH_END_CUSTOMERS_SQL},
    owing AS (SELECT customer_id, desa_code, tariff_class, status, arrears, bills, oldest_months FROM month_customers)`;
  }
  return `WITH ${MONTH_END_DEBTS_SQL},
    owing AS (
      SELECT d.customer_id, d.desa_code, d.tariff_class, d.status,
             sum(d.arrears)::BIGINT AS arrears, sum(d.bills)::BIGINT AS bills, max(d.oldest_months)::BIGINT AS oldest_months
        FROM month_debts d GROUP BY ALL HAVING ${minAmountSql('sum(d.arrears)')})`;
}

export async function customersInArrears(
  wh: Warehouse,
  {
    asOf,
    filters = NO_FILTERS,
    scope,
    sort = DEFAULT_CUSTOMER_SORT,
    page = 1,
    pageSize = 50,
    source,
  }: {
    asOf: string;
    filters?: ArrearsFilters;
    scope: Scope;
    sort?: CustomerSort;
    page?: number;
    pageSize?: number;
    /** default: the month-end table when it can answer */
    source?: DebtSource;
  },
): Promise<CustomersPage> {
  requirePersonalData(scope, 'the list of customers in arrears');
  const column = SORT_SQL[sort.column];
  if (!column || (sort.direction !== 'asc' && sort.direction !== 'desc')) throw new RangeError(`cannot sort by ${sort.column} ${sort.direction}`);
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number from 1 (${page})`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new RangeError(`page size must be 1 … ${MAX_PAGE_SIZE} (${pageSize})`);
  const month = source === undefined ? await debtSourceFor(wh, asOf) : source;
  const params = { as_of: asOf, ...filterParams(filters) };
  const selection = owingSql(month, filters);
  const totals = await wh.one<{ count: number; total_arrears: number; total_bills: number }>(
    `${selection} SELECT count(*)::BIGINT AS count, coalesce(sum(arrears), 0)::BIGINT AS total_arrears, coalesce(sum(bills), 0)::BIGINT AS total_bills FROM owing`,
    params,
  );
  // The page is cut before the customers' names and addresses are joined, unless it is sorted by name;
  // the last payment is looked up for the page's customers only, unless the page is sorted by it.
  const byName = sort.column === 'name';
  const byPayment = sort.column === 'last_paid_on';
  const order = `ORDER BY ${column} ${sort.direction.toUpperCase()} NULLS LAST, customer_id`;
  const lastPayment = (of: string) => `
     last_payment AS (
       SELECT p.customer_id, strftime(max(p.paid_on), '%Y-%m-%d') AS last_paid_on, arg_max(p.channel_code, p.paid_at) AS last_channel
         FROM payments p JOIN ${of} USING (customer_id)
        WHERE p.status = 'completed' AND p.paid_on <= CAST($as_of AS DATE)
        GROUP BY p.customer_id)`;
  const rows = await wh.query<CustomerInArrears>(
    `${selection},
     ${byPayment ? `${lastPayment('owing')},` : ''}
     page AS (
       SELECT o.*${byPayment ? ', l.last_paid_on, l.last_channel' : ''}${byName ? ', c.name' : ''}
         FROM owing o${byPayment ? ' LEFT JOIN last_payment l USING (customer_id)' : ''}${byName ? ' JOIN customers c USING (customer_id)' : ''}
        ${order}
        LIMIT $limit OFFSET $offset),
     listed AS (
       SELECT p.customer_id, c.name, c.address, c.phone, p.desa_code, p.tariff_class, p.status,
              p.arrears, p.bills, p.oldest_months${byPayment ? ', p.last_paid_on, p.last_channel' : ''}
         FROM page p JOIN customers c USING (customer_id)),
     ${byPayment ? '' : `${lastPayment('listed')},`}
     last_visit AS (
       SELECT v.customer_id, strftime(max(v.visited_at), '%Y-%m-%d') AS last_visit_on, arg_max(v.outcome, v.visited_at) AS last_visit_outcome
         FROM visits v JOIN listed USING (customer_id)
        WHERE CAST(v.visited_at AS DATE) <= CAST($as_of AS DATE) AND ${teamScopeSql('v.team_id')}
        GROUP BY v.customer_id)
     SELECT customer_id, name, address, phone, desa_code, tariff_class, status, arrears, bills, oldest_months,
            last_paid_on, last_channel, last_visit_on, last_visit_outcome
       FROM listed ${byPayment ? '' : 'LEFT JOIN last_payment USING (customer_id)'} LEFT JOIN last_visit USING (customer_id)
      ${order}`,
    { ...params, ...teamParams(scope), limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { as_of: asOf, count: totals.count, total_arrears: totals.total_arrears, total_bills: totals.total_bills, page, page_size: pageSize, sort, rows };
}

/**
 * Every debt outstanding and overdue as of $as_of (bills due before that day and opening balances),
 * with its customer and age in months: the rows every from-the-bills arrears query starts from, joined
 * to the customer and the area so that the filters (filters.ts) apply to them in SQL.
 */
import { ageBucketSql, ageInMonthsSql } from '../domain/aging';
import { filterConditionSql, minAmountSql } from './filters';
import { billOwedAsOfSql, billOwesAsOfSql, openingOwedAsOfSql, openingOwesAsOfSql } from './owed';

const AS_OF = 'CAST($as_of AS DATE)';

/**
 * customer_id, bill_id (NULL for an opening balance), age, outstanding: the debts as of $as_of;
 * `narrow(table)` is a condition on the bill or opening balance row that keeps a few customers first
 * (a page of a list), so that they do not cost a scan of every bill's payments.
 */
export function debtsAsOfSql(narrow: (table: string) => string = () => 'TRUE'): string {
  return `
  SELECT b.customer_id, b.bill_id, ${ageInMonthsSql(AS_OF, 'b.due_on')} AS age, ${billOwedAsOfSql('b', AS_OF)} AS outstanding
    FROM bill_balances b
   WHERE ${narrow('b')} AND b.due_on < ${AS_OF} AND ${billOwesAsOfSql('b', AS_OF)}
  UNION ALL
  SELECT o.customer_id, NULL, ${ageInMonthsSql(AS_OF, `strptime(o.oldest_period || '-01', '%Y-%m-%d')`)}, ${openingOwedAsOfSql('o', AS_OF)}
    FROM opening_balances o
   WHERE ${narrow('o')} AND ${openingOwesAsOfSql('o', AS_OF)}`;
}

export const DEBTS_AS_OF_SQL = debtsAsOfSql();

/**
 * CTEs `debts` (every debt with something owed, its customer's and area's columns and its age bucket,
 * after the filters) and `kept` (the customers left once minAmount applies to their total), for a
 * query that goes on `WITH ${FILTERED_DEBTS_SQL} SELECT … FROM debts d JOIN kept USING (customer_id)`.
 * Bind $as_of and filterParams(filters).
 */
export function filteredDebtsSql(narrow?: (table: string) => string): string {
  return `
  debts AS (
    SELECT d.customer_id, d.bill_id, d.age, d.outstanding, ${ageBucketSql('d.age')} AS age_bucket,
           c.desa_code, c.tariff_class, c.status, a.desa_name, a.kecamatan_code, a.kecamatan_name
      FROM (${debtsAsOfSql(narrow)}) d JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
     WHERE d.outstanding <> 0
       AND ${filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'c.desa_code', tariffClass: 'c.tariff_class', status: 'c.status', age: ageBucketSql('d.age') })}),
  kept AS (
    SELECT customer_id FROM debts GROUP BY customer_id HAVING ${minAmountSql('sum(outstanding)')})`;
}

export const FILTERED_DEBTS_SQL = filteredDebtsSql();

/**
 * The same selection at a month end from arrears_customer_month_end: CTEs `month_debts` (each customer's
 * arrears, bills and oldest age per age bucket, with the area's columns, after the filters) and `kept`
 * (minAmount on the customer's total). Bind $as_of (the month end) and filterParams(filters).
 */
export const MONTH_END_DEBTS_SQL = `
  month_debts AS (
    SELECT s.customer_id, s.age_bucket, s.arrears, s.bills, s.oldest_months,
           s.desa_code, s.tariff_class, s.status, a.desa_name, a.kecamatan_code, a.kecamatan_name
      FROM arrears_customer_month_end s JOIN areas a USING (desa_code)
     WHERE s.month = strftime(CAST($as_of AS DATE), '%Y-%m')
       AND ${filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 's.desa_code', tariffClass: 's.tariff_class', status: 's.status', age: 's.age_bucket' })}),
  kept AS (
    SELECT customer_id FROM month_debts GROUP BY customer_id HAVING ${minAmountSql('sum(arrears)')})`;

/**
 * The same selection without an age filter, each customer once (every age together) from
 * arrears_customer_total_month_end: CTE `month_customers` (the customer's arrears, bills and oldest age,
 * with the area's columns), minAmount a condition on its row. Bind $as_of and filterParams(filters) with
 * no age: an age splits a customer's total, which only MONTH_END_DEBTS_SQL can answer.
 */
export const MONTH_END_CUSTOMERS_SQL = `
  month_customers AS (
    SELECT s.customer_id, s.arrears, s.bills, s.oldest_months,
           s.desa_code, s.tariff_class, s.status, a.desa_name, a.kecamatan_code, a.kecamatan_name
      FROM arrears_customer_total_month_end s JOIN areas a USING (desa_code)
     WHERE s.month = strftime(CAST($as_of AS DATE), '%Y-%m')
       AND CAST($f_age AS VARCHAR) IS NULL
       AND ${filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 's.desa_code', tariffClass: 's.tariff_class', status: 's.status', age: 'NULL' })}
       AND ${minAmountSql('s.arrears')})`;

/**
 * Receivables (piutang) beyond the arrears, and the twelve months of billing and collection behind
 * Efektivitas Penagihan and days receivable. notYetDueAsOf answers any day from the bills; the month-end
 * queries read what the ETL precomputed (not_yet_due_monthly, billing_monthly, collections_monthly),
 * which the tests hold equal to the direct computation.
 */
import { addMonths, monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { billOwedAsOfSql, billOwesAsOfSql } from './owed';

export interface NotYetDue {
  /** what issued bills not yet due owe */
  amount: number;
  /** how many of them owe something */
  bills: number;
}

const AS_OF = 'CAST($as_of AS DATE)';

/** Bills issued by `asOf` whose due date is on or after it (not overdue: arrears take due_on < as_of), as owed then. */
export async function notYetDueAsOf(wh: Warehouse, { asOf }: { asOf: string }): Promise<NotYetDue> {
  return wh.one<NotYetDue>(
    `SELECT coalesce(sum(owed), 0)::BIGINT AS amount, count(*) FILTER (WHERE owed <> 0)::BIGINT AS bills
       FROM (SELECT ${billOwedAsOfSql('b', AS_OF)} AS owed FROM bill_balances b
              WHERE b.due_on >= ${AS_OF} AND ${billOwesAsOfSql('b', AS_OF)})`,
    { as_of: asOf },
  );
}

/** notYetDueAsOf at the end of `month` (YYYY-MM), precomputed; zero for a month the warehouse does not cover. */
export async function notYetDueAtMonthEnd(wh: Warehouse, { month }: { month: string }): Promise<NotYetDue> {
  const rows = await wh.query<NotYetDue>(`SELECT amount, bills FROM not_yet_due_monthly WHERE month = $month`, { month });
  return rows[0] ?? { amount: 0, bills: 0 };
}

export interface BillingYear {
  /** first day of the window (the 1st of the month 11 months before the as-of month) */
  from: string;
  /** the as-of month end */
  to: string;
  /** Σ total_amount of bills issued in [from, to]: the water sales billed */
  billed: number;
  /** months of the window that have bills issued (12 once the warehouse is a year old) */
  months: number;
  /** receipts dated ≤ to applied to those same bills */
  collectedOwnBills: number;
  /** every receipt dated in [from, to] applied to any bill or opening balance */
  collectedAllReceipts: number;
}

/**
 * The twelve months of billing to the end of `month`, and what was collected (both variants), over every
 * area (billing_monthly and collections_monthly hold a row per desa × tariff class × status).
 */
export async function billingYear(wh: Warehouse, { month }: { month: string }): Promise<BillingYear> {
  const first = addMonths(month, -11);
  const row = await wh.one<{ billed: number; months: number; own: number; all_receipts: number }>(
    `SELECT (SELECT coalesce(sum(billed), 0) FROM billing_monthly WHERE month BETWEEN $first AND $last)::BIGINT AS billed,
            (SELECT count(DISTINCT month) FROM billing_monthly WHERE month BETWEEN $first AND $last AND bills > 0)::BIGINT AS months,
            (SELECT coalesce(sum(collected), 0) FROM collections_monthly
              WHERE bill_month BETWEEN $first AND $last AND paid_month <= $last)::BIGINT AS own,
            (SELECT coalesce(sum(collected), 0) FROM collections_monthly WHERE paid_month BETWEEN $first AND $last)::BIGINT AS all_receipts`,
    { first, last: month },
  );
  return { from: `${first}-01`, to: monthEnd(month), billed: row.billed, months: row.months, collectedOwnBills: row.own, collectedAllReceipts: row.all_receipts };
}

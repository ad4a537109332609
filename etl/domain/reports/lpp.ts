/**
 * The rules of the LPP (Laporan Penerimaan Penagihan, CONTRACT §4 Reports): the days it may cover and
 * how many bills (lembar) a payment pays. Pure; etl/queries/reports/lpp.ts follows them in SQL.
 */

/** The longest LPP: a year of days, a leap year included. */
export const LPP_MAX_DAYS = 366;

/**
 * The lembar (bills) a payment pays, as the loket's receipts count them: a payment that names a period
 * is that one bill, whether or not it still owed anything (a duplicate or a bill not loaded yet is
 * still one receipt); a payment with no period counts the bills it was applied to (none when it went
 * to the opening balance or became credit).
 */
export function lembarOfPayment(period: string | null, billsApplied: number): number {
  return period !== null ? 1 : billsApplied;
}

/** lembarOfPayment in SQL, over the payment's period and the count of bills it was applied to. */
export function lembarOfPaymentSql(periodExpr: string, billsAppliedExpr: string): string {
  return `(CASE WHEN ${periodExpr} IS NOT NULL THEN 1 ELSE coalesce(${billsAppliedExpr}, 0) END)`;
}

/** A day of a list and how many of its lines fall on it. */
export interface DayLines {
  day: string;
  lines: number;
}

/**
 * The days a page of a list (its lines `offset` … `offset + limit − 1`, the days' lines in day order)
 * falls on, and the page's first line within the first of them; null when it falls on no day.
 */
export function daysOfPage(days: readonly DayLines[], offset: number, limit: number): { from: string; to: string; offset: number } | null {
  let start = 0;
  let page: { from: string; to: string; offset: number } | null = null;
  for (const { day, lines } of days) {
    if (lines > 0 && start + lines > offset && start < offset + limit) {
      if (page === null) page = { from: day, to: day, offset: offset - start };
      else page.to = day;
    }
    start += lines;
  }
  return page;
}

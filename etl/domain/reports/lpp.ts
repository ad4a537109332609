/**
 * The rules of the LPP (Laporan Penerimaan Penagihan, CONTRACT §4 Reports): the days it may cover and
 * how many bills (lembar) a payment pays. Pure; etl/queries/reports/lpp.ts follows them in SQL.
 */
import { dayNumber, parseDate } from '../period';

/** The longest LPP: a year of days, a leap year included. */
export const LPP_MAX_DAYS = 366;

export type DayRangeParse = { ok: true; from: string; to: string } | { ok: false; parameter: 'from' | 'to'; message: string };

/** The LPP's days `from` … `to` (both included), or the parameter that is wrong and why. */
export function parseLppDays(from: string | null, to: string | null): DayRangeParse {
  if (!from) return { ok: false, parameter: 'from', message: 'from: required, a day YYYY-MM-DD' };
  const f = parseDate(from, 'from');
  if (!f.ok) return { ok: false, parameter: 'from', message: f.reason };
  const t = parseDate(to || from, 'to');
  if (!t.ok) return { ok: false, parameter: 'to', message: t.reason };
  const days = dayNumber(t.value) - dayNumber(f.value) + 1;
  if (days < 1) return { ok: false, parameter: 'from', message: `from: ${f.value} is after to (${t.value})` };
  if (days > LPP_MAX_DAYS) return { ok: false, parameter: 'to', message: `to: at most ${LPP_MAX_DAYS} days from ${f.value} (${days} asked)` };
  return { ok: true, from: f.value, to: t.value };
}

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

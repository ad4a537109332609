/**
 * The rules of the payment-channel pages (CONTRACT §4, Channels): median days to pay, cost per Rp1
 * million, online share, adoption cohorts and retention, a customer's main channel category, launch
 * windows and the matching of collectors' cash to their deposits. Pure; the SQL follows these.
 */
import { dayNumber, periodFromIndex, periodIndex } from './period';

/**
 * A channel's payment (CONTRACT §4, Channels) as a SQL condition over a payments row `p`: completed, not
 * refunded or cancelled. Every figure of money received (the channel pages, the LPP) counts these.
 */
export function completedPaymentSql(p: string): string {
  return `${p}.status = 'completed'`;
}

/** The median; for an even count the mean of the two middle values. null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of a histogram (value → count), exactly as `median` of the values it counts. */
export function histogramMedian(histogram: readonly { value: number; count: number }[]): number | null {
  const bins = [...histogram].filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = bins.reduce((s, b) => s + b.count, 0);
  if (n === 0) return null;
  const nth = (k: number): number => {
    let seen = 0;
    for (const b of bins) {
      seen += b.count;
      if (k < seen) return b.value;
    }
    return bins[bins.length - 1].value;
  };
  return n % 2 === 1 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
}

/** cost × 1,000,000 ÷ amount, rounded half up to whole rupiah; null when nothing was collected. */
export function costPerMillion(cost: number, amount: number): number | null {
  if (amount <= 0) return null;
  return Math.round((cost * 1_000_000) / amount);
}

/** A share as a fraction 0–1; null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Months after a cohort's first online payment at which retention is measured. */
export const RETENTION_OFFSETS = [3, 6, 12] as const;

export interface CohortRow {
  /** the month of the customers' first online payment */
  month: string;
  customers: number;
  /** per offset k: the share of the cohort that paid online in month + k; null when that month is not in the data yet */
  retention: Record<(typeof RETENTION_OFFSETS)[number], number | null>;
}

/**
 * Cohorts from each customer's online payment months: a customer belongs to the month of their first
 * online payment and is retained at k when they paid online in exactly that month + k.
 * `lastMonth` is the last month the data covers (a later month cannot be judged yet).
 */
export function adoptionCohorts(onlineMonths: ReadonlyMap<string, readonly string[]>, lastMonth: string): CohortRow[] {
  const cohorts = new Map<string, { customers: number; kept: Map<number, number> }>();
  for (const months of onlineMonths.values()) {
    if (months.length === 0) continue;
    const idx = months.map(periodIndex);
    const first = Math.min(...idx);
    const set = new Set(idx);
    const key = periodFromIndex(first);
    const c = cohorts.get(key) ?? { customers: 0, kept: new Map() };
    c.customers += 1;
    for (const k of RETENTION_OFFSETS) if (set.has(first + k)) c.kept.set(k, (c.kept.get(k) ?? 0) + 1);
    cohorts.set(key, c);
  }
  const last = periodIndex(lastMonth);
  return [...cohorts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, c]) => ({
      month,
      customers: c.customers,
      retention: Object.fromEntries(
        RETENTION_OFFSETS.map((k) => [k, periodIndex(month) + k > last ? null : (c.kept.get(k) ?? 0) / c.customers]),
      ) as CohortRow['retention'],
    }));
}

/** A customer's main channel category: the one with most payments; a tie goes to the alphabetically first. */
export function mainCategory(payments: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [category, n] of payments) {
    if (n > most || (n === most && best !== null && category < best)) {
      best = category;
      most = n;
    }
  }
  return best;
}

export interface MonthWindow {
  from: string;
  to: string;
}

/** The longest launch window, in months (the launch page's `months`; launch_movers holds every window up to it). */
export const LAUNCH_MONTHS_MAX = 36;

/**
 * The N whole months before a launch (ending with the month before it) and the N months from the
 * launch month on.
 */
export function launchWindows(launchedOn: string, months: number): { before: MonthWindow; after: MonthWindow } {
  const launch = periodIndex(launchedOn.slice(0, 7));
  return {
    before: { from: periodFromIndex(launch - months), to: periodFromIndex(launch - 1) },
    after: { from: periodFromIndex(launch), to: periodFromIndex(launch + months - 1) },
  };
}

/** How many days apart a collector's visit and a deposit may be and still be the same cash. */
export const CASH_MATCH_DAYS = 2;

export interface CashVisit {
  visit_id: string;
  collector_id: string;
  customer_id: string;
  day: string;
  amount: number;
}

export interface CashDeposit {
  payment_id: number;
  customer_id: string;
  day: string;
  amount: number;
}

export interface CashMatch {
  visit: CashVisit;
  /** the deposits of that customer within CASH_MATCH_DAYS after the visit (or on its day) */
  deposited: number;
  difference: number;
}


/**
 * Matches the cash recorded at each visit to the collector-channel deposits of the same customer from
 * the visit day to CASH_MATCH_DAYS later; each deposit counts for the earliest visit it can. A visit
 * whose deposits differ from what was recorded is a difference (positive: cash not deposited).
 */
export function matchCash(visits: readonly CashVisit[], deposits: readonly CashDeposit[]): CashMatch[] {
  const used = new Set<number>();
  // each customer's deposits in order: a visit looks at its customer's only (a month has thousands of each)
  const byCustomer = new Map<string, { deposit: CashDeposit; day: number }[]>();
  for (const deposit of [...deposits].sort((a, b) => a.day.localeCompare(b.day) || a.payment_id - b.payment_id)) {
    const list = byCustomer.get(deposit.customer_id) ?? [];
    list.push({ deposit, day: dayNumber(deposit.day) });
    byCustomer.set(deposit.customer_id, list);
  }
  return [...visits]
    .sort((a, b) => a.day.localeCompare(b.day) || a.visit_id.localeCompare(b.visit_id))
    .map((visit) => {
      const visitDay = dayNumber(visit.day);
      let deposited = 0;
      for (const { deposit, day } of byCustomer.get(visit.customer_id) ?? []) {
        const gap = day - visitDay;
        if (used.has(deposit.payment_id) || gap < 0 || gap > CASH_MATCH_DAYS) continue;
        used.add(deposit.payment_id);
        deposited += deposit.amount;
      }
      return { visit, deposited, difference: visit.amount - deposited };
    });
}

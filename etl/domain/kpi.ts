/**
 * The directors' KPIs as pure functions of whole-rupiah figures. The named queries that gather the
 * inputs live in etl/queries (receivables.ts, arrears.ts, channels.ts); what each input means is said
 * there, in etl/CONTRACT.md §4 and in app/API.md.
 *
 * Regulator formulas (Kepmendagri 47/1999; BPPSPAM uses the same bands, etl/CONTRACT.md §4, KPIs):
 *   Efektivitas Penagihan          = collected ÷ billed × 100%          score 5 > 90%, 4 > 85, 3 > 80, 2 > 75, 1 ≤ 75
 *   Jangka Waktu Penagihan Piutang = receivables ÷ (annual sales ÷ 365)  score 5 ≤ 60 days, 4 ≤ 90, 3 ≤ 150, 2 ≤ 180, 1 above
 */
import { AGE_BUCKETS } from './aging';

// ---------------------------------------------------------------------------------------------------
// Current and legacy arrears

/** Arrears overdue up to this many months are "current"; older ones are "legacy". */
export const CURRENT_ARREARS_MAX_MONTHS = 12;

export interface BucketAmount {
  bucket: string;
  arrears: number;
}

export interface ArrearsSplit {
  /** overdue 1–12 months: buckets '1', '2', '3', '4-6', '7-12' */
  current: number;
  /** overdue 13 months or more: buckets '13-24', '25-60', '>60' */
  legacy: number;
  total: number;
}

/** Whether an age bucket lies wholly within the current arrears (its upper bound ≤ 12 months). */
export function isCurrentBucket(label: string): boolean {
  const b = AGE_BUCKETS.find((x) => x.label === label);
  if (!b) throw new RangeError(`unknown age bucket ${label}`);
  return b.to !== null && b.to <= CURRENT_ARREARS_MAX_MONTHS;
}

/** current = Σ arrears of buckets up to 12 months; legacy = Σ of the older buckets; total = current + legacy. */
export function splitCurrentLegacy(byAge: readonly BucketAmount[]): ArrearsSplit {
  let current = 0;
  let legacy = 0;
  for (const row of byAge) {
    if (isCurrentBucket(row.bucket)) current += row.arrears;
    else legacy += row.arrears;
  }
  return { current, legacy, total: current + legacy };
}

// ---------------------------------------------------------------------------------------------------
// Score bands

export type Score = 1 | 2 | 3 | 4 | 5;

/** Efektivitas Penagihan: the lowest ratio (exclusive) for each score above 1. */
export const EFFECTIVENESS_BANDS: readonly { score: Score; above: number }[] = [
  { score: 5, above: 0.9 },
  { score: 4, above: 0.85 },
  { score: 3, above: 0.8 },
  { score: 2, above: 0.75 },
];

/** Jangka Waktu Penagihan Piutang: the most days (inclusive) for each score above 1. */
export const DAYS_RECEIVABLE_BANDS: readonly { score: Score; atMost: number }[] = [
  { score: 5, atMost: 60 },
  { score: 4, atMost: 90 },
  { score: 3, atMost: 150 },
  { score: 2, atMost: 180 },
];

/** 5 when the ratio is above 90%, 4 above 85%, 3 above 80%, 2 above 75%, otherwise 1. */
export function effectivenessScore(ratio: number): Score {
  // Compare in billionths so 90% computed as 0.9000000000000001 is not "above 90%" through floating point noise.
  const n = Math.round(ratio * 1e9);
  return EFFECTIVENESS_BANDS.find((b) => n > Math.round(b.above * 1e9))?.score ?? 1;
}

/** 5 when at most 60 days, 4 at most 90, 3 at most 150, 2 at most 180, otherwise 1. */
export function daysReceivableScore(days: number): Score {
  return DAYS_RECEIVABLE_BANDS.find((b) => days <= b.atMost)?.score ?? 1;
}

// ---------------------------------------------------------------------------------------------------
// Efektivitas Penagihan

export interface Effectiveness {
  collected: number;
  billed: number;
  /** collected ÷ billed; null when nothing was billed */
  ratio: number | null;
  score: Score | null;
}

/**
 * Efektivitas Penagihan = collected ÷ billed. Two variants, both over the same billed amount (the
 * bills issued in the twelve months ending at the as-of month end):
 *  - own bills: collected = receipts up to the month end applied to those same bills;
 *  - all receipts: collected = every receipt of those twelve months applied to any bill or opening
 *    balance (so payments of old arrears count too, as one public implementation does).
 */
export function collectionEffectiveness(collected: number, billed: number): Effectiveness {
  if (billed <= 0) return { collected, billed, ratio: null, score: null };
  const ratio = collected / billed;
  return { collected, billed, ratio, score: effectivenessScore(ratio) };
}

// ---------------------------------------------------------------------------------------------------
// Jangka Waktu Penagihan Piutang (days receivable)

export interface DaysReceivable {
  receivables: number;
  /** water sales billed in a year (annualised when fewer than 12 months of bills exist) */
  annualSales: number;
  /** receivables ÷ (annual sales ÷ 365); null when there were no sales */
  days: number | null;
  score: Score | null;
}

/**
 * days = receivables ÷ (annual water sales ÷ 365) = receivables × 365 ÷ annual sales.
 * `salesMonths` is how many months `sales` covers: with fewer than 12 (a warehouse younger than a
 * year) the sales are annualised as sales × 12 ÷ months.
 */
export function daysReceivable(receivables: number, sales: number, salesMonths = 12): DaysReceivable {
  const annualSales = salesMonths > 0 ? Math.round((sales * 12) / salesMonths) : 0;
  if (annualSales <= 0) return { receivables, annualSales, days: null, score: null };
  const days = (receivables * 365) / annualSales;
  return { receivables, annualSales, days, score: daysReceivableScore(days) };
}

// ---------------------------------------------------------------------------------------------------
// Receivables

export interface Receivables {
  /** overdue debts (the arrears) */
  arrears: number;
  /** bills issued on or before the month end and not yet due, less what was paid or written off */
  notYetDue: number;
  total: number;
}

/** Receivables (piutang usaha air) = arrears + the outstanding part of issued bills not yet due. */
export function receivables(arrears: number, notYetDue: number): Receivables {
  return { arrears, notYetDue, total: arrears + notYetDue };
}

// ---------------------------------------------------------------------------------------------------
// Online payments

export interface ChannelTotals {
  online: boolean;
  payments: number;
  amount: number;
}

export interface OnlineShare {
  payments: number;
  onlinePayments: number;
  amount: number;
  onlineAmount: number;
  /** online payments ÷ all payments; null when there were none */
  byCount: number | null;
  /** online amount ÷ all amounts; null when nothing was paid */
  byValue: number | null;
}

/** Share of the month's completed payments made through online channels, by count and by value. */
export function onlineShare(rows: readonly ChannelTotals[]): OnlineShare {
  let payments = 0;
  let onlinePayments = 0;
  let amount = 0;
  let onlineAmount = 0;
  for (const r of rows) {
    payments += r.payments;
    amount += r.amount;
    if (r.online) {
      onlinePayments += r.payments;
      onlineAmount += r.amount;
    }
  }
  return {
    payments,
    onlinePayments,
    amount,
    onlineAmount,
    byCount: payments > 0 ? onlinePayments / payments : null,
    byValue: amount > 0 ? onlineAmount / amount : null,
  };
}

// ---------------------------------------------------------------------------------------------------
// Changes

export interface Change {
  from: number;
  to: number;
  /** to − from */
  delta: number;
  /** (to − from) ÷ from; null when from is zero */
  ratio: number | null;
}

export function change(from: number, to: number): Change {
  return { from, to, delta: to - from, ratio: from !== 0 ? (to - from) / from : null };
}

// ---------------------------------------------------------------------------------------------------
// Waterfall of the month's movement

export interface MovementInput {
  opening: number;
  newlyOverdue: number;
  writtenOff: number;
  closing: number;
  /** recovered arrears by channel category ('collector' = the collection teams) */
  recoveredByCategory: readonly { category: string; recovered: number }[];
  /** the movement's total recovered, to check the categories against */
  recovered: number;
}

export interface WaterfallStep {
  /** 'opening' | 'newly_overdue' | `recovered:<category>` | 'written_off' | 'closing' */
  key: string;
  /** signed change (opening and closing: the level) */
  amount: number;
  kind: 'level' | 'increase' | 'decrease';
}

/**
 * opening + newly overdue − recovered per channel category − recovered by the collection teams
 * (category 'collector', shown last of the recoveries) − written off = closing. Throws when the steps
 * do not add up to the closing to the rupiah, or the categories do not add up to the recovered total.
 */
export function movementWaterfall(m: MovementInput): WaterfallStep[] {
  const flow = (key: string, amount: number): WaterfallStep => ({ key, amount, kind: amount < 0 ? 'decrease' : 'increase' });
  const byCategory = new Map<string, number>();
  for (const r of m.recoveredByCategory) {
    const key = r.category || 'other';
    byCategory.set(key, (byCategory.get(key) ?? 0) + r.recovered);
  }
  const sumCategories = [...byCategory.values()].reduce((s, v) => s + v, 0);
  if (sumCategories !== m.recovered) {
    throw new Error(`recovered by channel (${sumCategories}) differs from recovered (${m.recovered})`);
  }
  const categories = [...byCategory.entries()]
    .filter(([, v]) => v !== 0)
    .sort(([a, va], [b, vb]) => (a === 'collector' ? 1 : b === 'collector' ? -1 : vb - va || a.localeCompare(b)));
  const steps: WaterfallStep[] = [
    { key: 'opening', amount: m.opening, kind: 'level' },
    flow('newly_overdue', m.newlyOverdue),
    ...categories.map(([c, v]) => flow(`recovered:${c}`, -v)),
    flow('written_off', -m.writtenOff),
  ];
  const end = steps.reduce((s, x) => s + x.amount, 0);
  if (end !== m.closing) throw new Error(`waterfall ends at ${end}, closing is ${m.closing}`);
  steps.push({ key: 'closing', amount: m.closing, kind: 'level' });
  return steps;
}

/**
 * Age of arrears in months and the buckets every page and report uses. The SQL views build their
 * CASE expression from AGE_BUCKETS (see ageBucketSql) so TypeScript and SQL can never disagree.
 */
import { monthIndex, monthIndexSql } from './period';

export interface AgeBucket {
  label: string;
  /** inclusive lower bound in months */
  from: number;
  /** inclusive upper bound in months; null = no upper bound */
  to: number | null;
}

export const AGE_BUCKETS: readonly AgeBucket[] = [
  { label: '1', from: 1, to: 1 },
  { label: '2', from: 2, to: 2 },
  { label: '3', from: 3, to: 3 },
  { label: '4-6', from: 4, to: 6 },
  { label: '7-12', from: 7, to: 12 },
  { label: '13-24', from: 13, to: 24 },
  { label: '25-60', from: 25, to: 60 },
  { label: '>60', from: 61, to: null },
];

/**
 * Age in months as of `asOf` of a debt that fell due in `agedFrom` (a bill's due date, or the first
 * day of an opening balance's oldest period): a bill due in January is 1 month old at the end of
 * January and 2 at the end of February.
 */
export function ageInMonths(asOf: string, agedFrom: string): number {
  return monthIndex(+asOf.slice(0, 4), +asOf.slice(5, 7)) - monthIndex(+agedFrom.slice(0, 4), +agedFrom.slice(5, 7)) + 1;
}

export function ageBucket(months: number): string {
  const bucket = AGE_BUCKETS.find((b) => months >= b.from && (b.to === null || months <= b.to));
  // Debts not yet due never reach the aging; guard against a caller passing one anyway.
  if (!bucket) throw new RangeError(`an overdue debt is at least 1 month old, got ${months}`);
  return bucket.label;
}

/** The same bucketing as ageBucket, as a SQL CASE over an integer months expression. */
export function ageBucketSql(monthsExpr: string): string {
  const arms = AGE_BUCKETS.map((b) =>
    b.to === null ? `ELSE '${b.label}'` : `WHEN ${monthsExpr} <= ${b.to} THEN '${b.label}'`,
  );
  return `CASE ${arms.join(' ')} END`;
}

/** Months between two dates as SQL, matching ageInMonths. */
export function ageInMonthsSql(asOfExpr: string, agedFromExpr: string): string {
  return `(${monthIndexSql(asOfExpr)} - ${monthIndexSql(agedFromExpr)} + 1)`;
}

/** Sort key of a bucket label, for ordering rows the way people read the aging. */
export function ageBucketOrder(label: string): number {
  return AGE_BUCKETS.findIndex((b) => b.label === label);
}

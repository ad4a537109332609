/**
 * Provision for doubtful receivables (penyisihan piutang tak tertagih), by the age schedule of the
 * Kemendagri accounting guideline as TBK applies it (etl/CONTRACT.md §4, KPIs):
 *   30% for 3–6 months, 50% for 6–12 months, 75% for 1–2 years, 100% over 2 years; nothing below 3 months.
 *
 * How the schedule maps onto AGE_BUCKETS (etl/domain/aging.ts). An age of N months means the debt is
 * in its Nth month overdue, which is how a PDAM counts "N months of arrears" (a bill due in January is
 * 1 month in arrears at the end of January, 3 at the end of March: the point at which the connection
 * is cut). So:
 *   - bucket '3' is "3 months" and takes 30% (the 3–6 band includes its lower bound 3);
 *   - the bands' shared end points go to the lower band: 6 months → 30% (bucket '4-6'),
 *     12 months → 50% (bucket '7-12'), 24 months → 75% (bucket '13-24');
 *   - "over 2 years" is 25 months and more (buckets '25-60' and '>60') → 100%;
 *   - buckets '1' and '2' (and bills not yet due) → 0%.
 * Each bucket's provision is rounded half up to whole rupiah; the total is the sum of the rounded
 * lines, so the lines on screen always add up to the total shown.
 */
import { AGE_BUCKETS } from './aging';

/** Percent provided for each age bucket label. Every bucket of AGE_BUCKETS has an entry (tested). */
export const PROVISION_PERCENT_BY_BUCKET: Readonly<Record<string, number>> = {
  '1': 0,
  '2': 0,
  '3': 30,
  '4-6': 30,
  '7-12': 50,
  '13-24': 75,
  '25-60': 100,
  '>60': 100,
};

export interface AgeAmount {
  bucket: string;
  arrears: number;
}

export interface ProvisionLine extends AgeAmount {
  percent: number;
  provision: number;
}

export interface Provision {
  total: number;
  lines: ProvisionLine[];
}

/** Whole rupiah × percent ÷ 100, rounded half up, in integer arithmetic (exact up to ~9e13 rupiah). */
export function percentOf(amount: number, percent: number): number {
  if (!Number.isInteger(amount)) throw new RangeError(`amount must be whole rupiah, got ${amount}`);
  const scaled = amount * percent;
  const sign = scaled < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(scaled) + 50) / 100);
}

export function provisionPercent(bucket: string): number {
  const pct = PROVISION_PERCENT_BY_BUCKET[bucket];
  if (pct === undefined) throw new RangeError(`no provision rate for age bucket ${bucket}`);
  return pct;
}

/** The provision for arrears given by age bucket (buckets missing from the input count as zero). */
export function provisionForArrears(byAge: readonly AgeAmount[]): Provision {
  const amounts = new Map<string, number>();
  for (const row of byAge) {
    provisionPercent(row.bucket); // refuse unknown buckets
    amounts.set(row.bucket, (amounts.get(row.bucket) ?? 0) + row.arrears);
  }
  const lines = AGE_BUCKETS.map((b) => {
    const arrears = amounts.get(b.label) ?? 0;
    const percent = provisionPercent(b.label);
    return { bucket: b.label, arrears, percent, provision: percentOf(arrears, percent) };
  });
  return { total: lines.reduce((s, l) => s + l.provision, 0), lines };
}

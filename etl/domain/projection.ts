/**
 * Is the arrears reduction target on track? The admin sets a target (e.g. −25% of the arrears at a
 * base month end, by a date); we fit a straight line by least squares through the arrears of the last
 * 12 month ends up to the as-of month and read it at the target month.
 *
 *   slope     = Σ (x − x̄)(y − ȳ) ÷ Σ (x − x̄)²     (x = month number, y = arrears at that month end)
 *   intercept = ȳ − slope · x̄
 *   projected = intercept + slope · x_target, rounded to whole rupiah
 *   target    = base arrears × (1 − percent ÷ 100), rounded to whole rupiah
 *   on track  ⇔ projected ≤ target
 *
 * The target month is the month of `byDate` when byDate is that month's last day, otherwise the month
 * before (the last month end on or before the date: the target must be met *by* the date).
 * Once the target month is past (≤ the as-of month) the actual arrears decide: achieved or missed.
 */
import { addMonths, monthEnd, periodFromIndex, periodIndex } from './period';

export interface MonthValue {
  month: string;
  value: number;
}

export interface LinearFit {
  /** change per month */
  slope: number;
  /** value at month index 0 of `origin` */
  intercept: number;
  /** the month x = 0 refers to (keeps the numbers small) */
  origin: string;
  points: number;
}

/** Least-squares line through the points (at least two distinct months), or null. */
export function fitLinearTrend(points: readonly MonthValue[]): LinearFit | null {
  if (points.length < 2) return null;
  const origin = points[0].month;
  const xs = points.map((p) => periodIndex(p.month) - periodIndex(origin));
  const ys = points.map((p) => p.value);
  const n = points.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, origin, points: n };
}

export function trendValueAt(fit: LinearFit, month: string): number {
  return fit.intercept + fit.slope * (periodIndex(month) - periodIndex(fit.origin));
}

export interface ReductionTarget {
  /** reduction in percent of the base arrears, e.g. 25 for −25% */
  percent: number;
  /** YYYY-MM-DD */
  byDate: string;
  /** YYYY-MM: the month end whose arrears the reduction is measured from */
  baseMonth: string;
}

export type TargetStatus = 'on_track' | 'off_track' | 'achieved' | 'missed' | 'no_data';

export interface TargetAssessment {
  status: TargetStatus;
  baseMonth: string;
  baseValue: number | null;
  targetMonth: string;
  targetValue: number | null;
  asOfMonth: string;
  current: number | null;
  /** fitted change per month (rupiah), null when there are fewer than 2 points */
  slopePerMonth: number | null;
  /** trend value at the target month (or the actual arrears once it is past) */
  projected: number | null;
  /** projected − target: positive means short of the target by that much */
  gap: number | null;
  /** the month the trend line reaches the target value, when it is falling; null otherwise */
  reachMonth: string | null;
  /** the straight path from the base to the target, one point per month */
  targetLine: MonthValue[];
  /** the trend from the as-of month to the target month, one point per month */
  projectionLine: MonthValue[];
}

/** The month whose end is the last month end on or before `date` (YYYY-MM-DD). */
export function targetMonthOf(date: string): string {
  const month = date.slice(0, 7);
  return monthEnd(month) === date ? month : addMonths(month, -1);
}

/**
 * Assess the target against the arrears series (month-end values, any order). `windowMonths` month
 * ends up to and including `asOfMonth` feed the trend.
 */
export function assessTarget(series: readonly MonthValue[], target: ReductionTarget, asOfMonth: string, windowMonths = 12): TargetAssessment {
  const byMonth = new Map(series.map((p) => [p.month, p.value]));
  const targetMonth = targetMonthOf(target.byDate);
  const baseValue = byMonth.get(target.baseMonth) ?? null;
  const current = byMonth.get(asOfMonth) ?? null;
  const targetValue = baseValue === null ? null : Math.round(baseValue * (1 - target.percent / 100));

  const windowStart = addMonths(asOfMonth, -(windowMonths - 1));
  const recent = series.filter((p) => p.month >= windowStart && p.month <= asOfMonth).sort((a, b) => (a.month < b.month ? -1 : 1));
  const fit = fitLinearTrend(recent);

  const result: TargetAssessment = {
    status: 'no_data',
    baseMonth: target.baseMonth,
    baseValue,
    targetMonth,
    targetValue,
    asOfMonth,
    current,
    slopePerMonth: fit ? fit.slope : null,
    projected: null,
    gap: null,
    reachMonth: null,
    targetLine: [],
    projectionLine: [],
  };
  if (baseValue === null || targetValue === null) return result;

  const span = periodIndex(targetMonth) - periodIndex(target.baseMonth);
  for (let i = 0; i <= span; i++) {
    result.targetLine.push({
      month: addMonths(target.baseMonth, i),
      value: Math.round(baseValue + ((targetValue - baseValue) * i) / span),
    });
  }

  if (targetMonth <= asOfMonth) {
    const actual = byMonth.get(targetMonth) ?? null;
    if (actual === null) return result;
    return { ...result, status: actual <= targetValue ? 'achieved' : 'missed', projected: actual, gap: actual - targetValue };
  }
  if (!fit || current === null) return result;

  const ahead = periodIndex(targetMonth) - periodIndex(asOfMonth);
  for (let i = 0; i <= ahead; i++) {
    const month = addMonths(asOfMonth, i);
    result.projectionLine.push({ month, value: i === 0 ? current : Math.round(trendValueAt(fit, month)) });
  }
  const projected = Math.round(trendValueAt(fit, targetMonth));
  let reachMonth: string | null = null;
  if (fit.slope < 0) {
    // first month at or after the as-of month where the trend is at or below the target
    const x = (targetValue - fit.intercept) / fit.slope;
    const idx = Math.max(periodIndex(asOfMonth), periodIndex(fit.origin) + Math.ceil(x - 1e-9));
    reachMonth = periodFromIndex(idx);
  }
  return {
    ...result,
    status: projected <= targetValue ? 'on_track' : 'off_track',
    projected,
    gap: projected - targetValue,
    reachMonth,
  };
}

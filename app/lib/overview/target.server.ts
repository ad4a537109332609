/** The arrears reduction target an admin set (settings), assessed against a month's trend. */
import { assessTarget, type ReductionTarget, type TargetAssessment } from '../../../etl/domain/projection';
import { readSettings } from '../settings.server';

export interface TargetFigures {
  percent: number;
  by_date: string;
  base_month: string;
  /** arrears at the end of base_month */
  base_arrears: number | null;
  /** the last month end on or before by_date */
  target_month: string;
  /** base_arrears × (1 − percent ÷ 100), whole rupiah */
  target_arrears: number | null;
  status: TargetAssessment['status'];
  /** least-squares slope of the last 12 month ends up to as_of, rupiah per month */
  slope_per_month: number | null;
  /** the trend at target_month (the actual arrears once target_month is past) */
  projected: number | null;
  /** projected − target_arrears (positive: short of the target) */
  gap: number | null;
  /** when the falling trend reaches target_arrears */
  reach_month: string | null;
  target_line: { month: string; value: number }[];
  projection_line: { month: string; value: number }[];
}

/** The target from data/settings.json, as the projection takes it (settings may change any time: read per request). */
export async function reductionTarget(): Promise<ReductionTarget | null> {
  const t = (await readSettings()).arrears_target;
  return t ? { percent: t.percent, byDate: t.by_date, baseMonth: t.base_month } : null;
}

/** The target assessed against the month ends of `trend` as of `asOf` (YYYY-MM). */
export function assessReductionTarget(
  trend: readonly { month: string; arrears: number }[],
  target: ReductionTarget,
  asOf: string,
): TargetFigures {
  const a = assessTarget(
    trend.map((p) => ({ month: p.month, value: p.arrears })),
    target,
    asOf,
  );
  return {
    percent: target.percent,
    by_date: target.byDate,
    base_month: target.baseMonth,
    base_arrears: a.baseValue,
    target_month: a.targetMonth,
    target_arrears: a.targetValue,
    status: a.status,
    slope_per_month: a.slopePerMonth === null ? null : Math.round(a.slopePerMonth),
    projected: a.projected,
    gap: a.gap,
    reach_month: a.reachMonth,
    target_line: a.targetLine,
    projection_line: a.projectionLine,
  };
}

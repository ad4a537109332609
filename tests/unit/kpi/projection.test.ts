import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../etl/domain/period';
import { assessTarget, fitLinearTrend, targetMonthOf, trendValueAt } from '../../../etl/domain/projection';

const series = (from: string, values: number[]) => values.map((value, i) => ({ month: addMonths(from, i), value }));

describe('fitLinearTrend', () => {
  it('recovers an exact line', () => {
    const fit = fitLinearTrend(series('2024-01', [100, 90, 80, 70]))!;
    expect(fit.slope).toBeCloseTo(-10, 12);
    expect(trendValueAt(fit, '2024-06')).toBeCloseTo(50, 9);
  });

  it('is the least-squares line through noisy points', () => {
    // x = 0..3, y = 1, 3, 2, 4: slope = Σ(x−1.5)(y−2.5) / Σ(x−1.5)² = 4 / 5 = 0.8, intercept = 2.5 − 0.8 × 1.5 = 1.3
    const fit = fitLinearTrend(series('2024-01', [1, 3, 2, 4]))!;
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(1.3, 12);
  });

  it('needs two months', () => {
    expect(fitLinearTrend(series('2024-01', [5]))).toBeNull();
    expect(fitLinearTrend([])).toBeNull();
  });
});

describe('targetMonthOf', () => {
  it('is the last month end on or before the date', () => {
    expect(targetMonthOf('2025-12-31')).toBe('2025-12');
    expect(targetMonthOf('2026-01-15')).toBe('2025-12');
    expect(targetMonthOf('2024-02-29')).toBe('2024-02');
  });
});

describe('assessTarget', () => {
  // Arrears falling by 100 a month from 10,000 at the end of December 2024.
  const falling = series(
    '2024-01',
    [11_100, 11_000, 10_900, 10_800, 10_700, 10_600, 10_500, 10_400, 10_300, 10_200, 10_100, 10_000, 9_900, 9_800, 9_700, 9_600, 9_500, 9_400]
  );

  it('is on track when the trend reaches the target by the date', () => {
    // −10% of 10,000 (Dec 2024) = 9,000 by Dec 2025; the trend gives 10,000 − 12 × 100 = 8,800.
    const a = assessTarget(falling, { percent: 10, byDate: '2025-12-31', baseMonth: '2024-12' }, '2025-06');
    expect(a.status).toBe('on_track');
    expect(a.targetValue).toBe(9_000);
    expect(a.projected).toBe(8_800);
    expect(a.gap).toBe(-200);
    expect(a.slopePerMonth).toBeCloseTo(-100, 9);
    expect(a.reachMonth).toBe('2025-10');
    expect(a.targetLine[0]).toEqual({ month: '2024-12', value: 10_000 });
    expect(a.targetLine.at(-1)).toEqual({ month: '2025-12', value: 9_000 });
    expect(a.projectionLine[0]).toEqual({ month: '2025-06', value: 9_400 });
    expect(a.projectionLine.at(-1)).toEqual({ month: '2025-12', value: 8_800 });
  });

  it('is off track when the trend stays above the target, and says when it would get there', () => {
    const a = assessTarget(falling, { percent: 25, byDate: '2025-12-31', baseMonth: '2024-12' }, '2025-06');
    expect(a.status).toBe('off_track');
    expect(a.targetValue).toBe(7_500);
    expect(a.gap).toBe(8_800 - 7_500);
    // 7,500 is 19 months after June 2025 (9,400 − 19 × 100)
    expect(a.reachMonth).toBe('2027-01');
  });

  it('never reaches a target when arrears are rising', () => {
    const rising = series('2024-07', [1_000, 1_010, 1_020, 1_030, 1_040, 1_050, 1_060, 1_070, 1_080, 1_090, 1_100, 1_110]);
    const a = assessTarget(rising, { percent: 5, byDate: '2025-12-31', baseMonth: '2024-12' }, '2025-06');
    expect(a.status).toBe('off_track');
    expect(a.reachMonth).toBeNull();
  });

  it('uses only the last 12 month ends up to the as-of month', () => {
    // a jump long ago must not change the slope
    const data = [
      ...series('2022-01', [50_000]),
      ...series('2024-07', [1_200, 1_190, 1_180, 1_170, 1_160, 1_150, 1_140, 1_130, 1_120, 1_110, 1_100, 1_090]),
    ];
    const a = assessTarget(data, { percent: 50, byDate: '2026-06-30', baseMonth: '2024-07' }, '2025-06');
    expect(a.slopePerMonth).toBeCloseTo(-10, 9);
  });

  it('judges a past target on the actual arrears', () => {
    const achieved = assessTarget(falling, { percent: 3, byDate: '2025-03-31', baseMonth: '2024-12' }, '2025-06');
    expect(achieved.status).toBe('achieved');
    expect(achieved.projected).toBe(9_700);
    const missed = assessTarget(falling, { percent: 10, byDate: '2025-03-31', baseMonth: '2024-12' }, '2025-06');
    expect(missed.status).toBe('missed');
  });

  it('has no assessment without the base month', () => {
    expect(assessTarget(falling, { percent: 10, byDate: '2026-12-31', baseMonth: '2019-12' }, '2025-06').status).toBe('no_data');
  });
});

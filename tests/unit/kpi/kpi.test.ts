import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS } from '../../../etl/domain/aging';
import {
  change,
  collectionEffectiveness,
  daysReceivable,
  daysReceivableScore,
  effectivenessScore,
  isCurrentBucket,
  movementWaterfall,
  onlineShare,
  receivables,
  splitCurrentLegacy,
} from '../../../etl/domain/kpi';
import { PROVISION_PERCENT_BY_BUCKET, percentOf, provisionForArrears } from '../../../etl/domain/provision';

describe('current and legacy arrears', () => {
  it('counts buckets up to 12 months as current and older ones as legacy', () => {
    expect(AGE_BUCKETS.filter((b) => isCurrentBucket(b.label)).map((b) => b.label)).toEqual(['1', '2', '3', '4-6', '7-12']);
    const split = splitCurrentLegacy([
      { bucket: '1', arrears: 100 },
      { bucket: '7-12', arrears: 50 },
      { bucket: '13-24', arrears: 30 },
      { bucket: '>60', arrears: 20 },
    ]);
    expect(split).toEqual({ current: 150, legacy: 50, total: 200 });
  });

  it('refuses an unknown bucket', () => {
    expect(() => splitCurrentLegacy([{ bucket: '0', arrears: 1 }])).toThrow(/unknown age bucket/);
  });
});

describe('provision for doubtful receivables', () => {
  it('has a rate for every age bucket', () => {
    for (const b of AGE_BUCKETS) expect(PROVISION_PERCENT_BY_BUCKET[b.label]).toBeTypeOf('number');
  });

  it('applies 0/30/50/75/100% by the schedule, bucket 3 at 30%', () => {
    const p = provisionForArrears([
      { bucket: '1', arrears: 1_000_000 },
      { bucket: '2', arrears: 1_000_000 },
      { bucket: '3', arrears: 1_000_000 },
      { bucket: '4-6', arrears: 1_000_000 },
      { bucket: '7-12', arrears: 1_000_000 },
      { bucket: '13-24', arrears: 1_000_000 },
      { bucket: '25-60', arrears: 1_000_000 },
      { bucket: '>60', arrears: 1_000_000 },
    ]);
    expect(p.lines.map((l) => l.provision)).toEqual([0, 0, 300_000, 300_000, 500_000, 750_000, 1_000_000, 1_000_000]);
    expect(p.total).toBe(3_850_000);
  });

  it('rounds each line half up to whole rupiah and totals the rounded lines', () => {
    expect(percentOf(5, 30)).toBe(2); // 1.5 → 2
    expect(percentOf(3, 50)).toBe(2); // 1.5 → 2
    expect(percentOf(1, 30)).toBe(0); // 0.3 → 0
    expect(percentOf(7, 75)).toBe(5); // 5.25 → 5
    const p = provisionForArrears([
      { bucket: '3', arrears: 5 },
      { bucket: '7-12', arrears: 3 },
      { bucket: '13-24', arrears: 7 },
    ]);
    expect(p.total).toBe(2 + 2 + 5);
    expect(p.lines.reduce((s, l) => s + l.provision, 0)).toBe(p.total);
  });

  it('refuses amounts that are not whole rupiah and unknown buckets', () => {
    expect(() => percentOf(1.5, 30)).toThrow(RangeError);
    expect(() => provisionForArrears([{ bucket: '99', arrears: 1 }])).toThrow(/no provision rate/);
  });
});

describe('Efektivitas Penagihan', () => {
  it('scores 5 above 90%, 4 above 85, 3 above 80, 2 above 75, else 1 (bounds exclusive)', () => {
    expect(effectivenessScore(0.95)).toBe(5);
    expect(effectivenessScore(0.9)).toBe(4);
    expect(effectivenessScore(0.9000001)).toBe(5);
    expect(effectivenessScore(0.85)).toBe(3);
    expect(effectivenessScore(0.8)).toBe(2);
    expect(effectivenessScore(0.75)).toBe(1);
    expect(effectivenessScore(0.2)).toBe(1);
  });

  it('is collected ÷ billed with the score', () => {
    expect(collectionEffectiveness(900, 1000)).toEqual({ collected: 900, billed: 1000, ratio: 0.9, score: 4 });
    expect(collectionEffectiveness(1_200, 1000).score).toBe(5);
    // 9/10 computed from big integers is still exactly 90%: score 4, not 5
    expect(collectionEffectiveness(9_000_000_009, 10_000_000_010).score).toBe(4);
  });

  it('has no ratio when nothing was billed', () => {
    expect(collectionEffectiveness(10, 0)).toEqual({ collected: 10, billed: 0, ratio: null, score: null });
  });
});

describe('Jangka Waktu Penagihan Piutang', () => {
  it('scores 5 up to 60 days, 4 up to 90, 3 up to 150, 2 up to 180, else 1 (bounds inclusive)', () => {
    expect(daysReceivableScore(60)).toBe(5);
    expect(daysReceivableScore(60.01)).toBe(4);
    expect(daysReceivableScore(90)).toBe(4);
    expect(daysReceivableScore(150)).toBe(3);
    expect(daysReceivableScore(180)).toBe(2);
    expect(daysReceivableScore(180.5)).toBe(1);
  });

  it('is receivables ÷ (annual sales ÷ 365)', () => {
    const d = daysReceivable(16_500_000_000, 12_000_000_000);
    expect(d.days).toBeCloseTo((16_500_000_000 * 365) / 12_000_000_000, 9);
    expect(d.days).toBeCloseTo(501.875, 6);
    expect(d.score).toBe(1);
    expect(daysReceivable(1_000, 365 * 100).days).toBe(10);
  });

  it('annualises fewer than 12 months of sales', () => {
    const d = daysReceivable(600, 1_800, 6); // 3,600 a year
    expect(d.annualSales).toBe(3_600);
    expect(d.days).toBeCloseTo(60.833, 3);
  });

  it('has no days without sales', () => {
    expect(daysReceivable(100, 0).days).toBeNull();
    expect(daysReceivable(100, 10, 0).score).toBeNull();
  });
});

describe('receivables, online share and changes', () => {
  it('adds the bills not yet due to the arrears', () => {
    expect(receivables(1_000, 250)).toEqual({ arrears: 1_000, notYetDue: 250, total: 1_250 });
  });

  it('shares online payments by count and by value', () => {
    const s = onlineShare([
      { online: false, payments: 60, amount: 6_000_000 },
      { online: true, payments: 30, amount: 2_000_000 },
      { online: true, payments: 10, amount: 2_000_000 },
    ]);
    expect(s.byCount).toBeCloseTo(0.4, 12);
    expect(s.byValue).toBeCloseTo(0.4, 12);
    expect(onlineShare([]).byCount).toBeNull();
  });

  it('gives the change and its ratio', () => {
    expect(change(200, 150)).toEqual({ from: 200, to: 150, delta: -50, ratio: -0.25 });
    expect(change(0, 10).ratio).toBeNull();
  });
});

describe('movement waterfall', () => {
  const movement = {
    opening: 10_000,
    newlyOverdue: 3_000,
    recovered: 2_500,
    writtenOff: 400,
    closing: 10_100,
    recoveredByCategory: [
      { category: 'collector', recovered: 900 },
      { category: 'counter', recovered: 1_000 },
      { category: 'ppob', recovered: 300 },
      { category: 'bank', recovered: 300 },
    ],
  };

  it('steps from opening to closing, collection teams last of the recoveries', () => {
    const steps = movementWaterfall(movement);
    expect(steps.map((s) => s.key)).toEqual([
      'opening',
      'newly_overdue',
      'recovered:counter',
      'recovered:bank',
      'recovered:ppob',
      'recovered:collector',
      'written_off',
      'closing',
    ]);
    expect(steps.slice(0, -1).reduce((s, x) => s + x.amount, 0)).toBe(steps.at(-1)!.amount);
    expect(steps[2]).toEqual({ key: 'recovered:counter', amount: -1_000, kind: 'decrease' });
  });

  it('refuses figures that do not add up to the rupiah', () => {
    expect(() => movementWaterfall({ ...movement, closing: 10_101 })).toThrow(/closing/);
    expect(() => movementWaterfall({ ...movement, recovered: 2_501 })).toThrow(/recovered by channel/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  adoptionCohorts,
  costPerMillion,
  histogramMedian,
  launchWindows,
  mainCategory,
  matchCash,
  median,
  share,
} from '../../../etl/domain/channel-rules';

describe('median days to pay', () => {
  it('is the middle value for an odd count', () => {
    expect(median([23, 8, 25])).toBe(23);
  });
  it('is the mean of the two middle values for an even count', () => {
    expect(median([18, 25])).toBe(21.5);
    expect(median([8, 18, 23, 25])).toBe(20.5);
  });
  it('has no value without payments', () => {
    expect(median([])).toBeNull();
    expect(histogramMedian([])).toBeNull();
  });
  it('from a histogram equals the median of the values it counts', () => {
    // 3 payments at 2 days, 1 at 10 days: 2, 2, 2, 10 → (2 + 2) / 2
    expect(histogramMedian([{ value: 10, count: 1 }, { value: 2, count: 3 }])).toBe(2);
    // 2, 10 → 6
    expect(histogramMedian([{ value: 10, count: 1 }, { value: 2, count: 1 }, { value: 7, count: 0 }])).toBe(6);
    expect(histogramMedian([{ value: 5, count: 2 }, { value: 9, count: 1 }])).toBe(median([5, 5, 9]));
  });
});

describe('cost per Rp1 million collected', () => {
  it('is cost × 1,000,000 ÷ amount rounded to whole rupiah', () => {
    // 3 payments × Rp1,500 over Rp145,000: 31,034.48… → 31,034
    expect(costPerMillion(4_500, 145_000)).toBe(31_034);
    // 2,500 × 1e6 / 3,000,000 = 833.33 → 833; 5 × 1e6 / 2e6 = 2.5 → 3 (half up)
    expect(costPerMillion(2_500, 3_000_000)).toBe(833);
    expect(costPerMillion(5, 2_000_000)).toBe(3);
  });
  it('is zero for a free channel and has no value when nothing was collected', () => {
    expect(costPerMillion(0, 70_000)).toBe(0);
    expect(costPerMillion(1_500, 0)).toBeNull();
  });
  it('a share has no value over nothing', () => {
    expect(share(3, 6)).toBe(0.5);
    expect(share(0, 0)).toBeNull();
  });
});

describe('adoption cohorts and retention', () => {
  const months = new Map<string, string[]>([
    ['A', ['2024-01', '2024-04', '2024-07']], // retained at 3 and 6, not at 12
    ['B', ['2024-01', '2024-02']], // first month only counts once; not retained
    ['C', ['2024-03', '2024-01']], // order does not matter: cohort 2024-01 (retained? 2024-04 no)
    ['D', ['2024-06']],
  ]);
  it('puts each customer in the month of their first online payment, retained when paying online exactly k months later', () => {
    const cohorts = adoptionCohorts(months, '2024-12');
    expect(cohorts).toEqual([
      { month: '2024-01', customers: 3, retention: { 3: 1 / 3, 6: 1 / 3, 12: null } },
      { month: '2024-06', customers: 1, retention: { 3: 0, 6: 0, 12: null } },
    ]);
  });
  it('leaves retention open for a month the data does not reach yet', () => {
    expect(adoptionCohorts(months, '2024-07')[0].retention).toEqual({ 3: 1 / 3, 6: 1 / 3, 12: null });
    expect(adoptionCohorts(months, '2024-06')[0].retention).toEqual({ 3: 1 / 3, 6: null, 12: null });
  });
});

describe('main channel category', () => {
  it('is the category with most payments', () => {
    expect(mainCategory(new Map([['counter', 2], ['ppob', 5], ['bank', 1]]))).toBe('ppob');
  });
  it('breaks a tie by the alphabetically first', () => {
    expect(mainCategory(new Map([['ppob', 1], ['marketplace', 1], ['collector', 1]]))).toBe('collector');
  });
  it('is none without payments', () => {
    expect(mainCategory(new Map())).toBeNull();
  });
});

describe('launch windows', () => {
  it('are the N months before the launch month and N months from it', () => {
    expect(launchWindows('2024-03-15', 6)).toEqual({ before: { from: '2023-09', to: '2024-02' }, after: { from: '2024-03', to: '2024-08' } });
    expect(launchWindows('2024-01-01', 1)).toEqual({ before: { from: '2023-12', to: '2023-12' }, after: { from: '2024-01', to: '2024-01' } });
  });
});

describe("collectors' cash against deposits", () => {
  const visit = (visit_id: string, customer_id: string, day: string, amount: number) => ({ visit_id, collector_id: 'K01', customer_id, day, amount });
  it('matches deposits of the same customer from the visit day to 2 days later', () => {
    const r = matchCash(
      [visit('V1', 'C1', '2024-03-04', 50_000), visit('V2', 'C2', '2024-03-04', 30_000)],
      [
        { payment_id: 1, customer_id: 'C1', day: '2024-03-06', amount: 50_000 }, // 2 days later: matched
        { payment_id: 2, customer_id: 'C2', day: '2024-03-07', amount: 30_000 }, // 3 days later: not
      ],
    );
    expect(r.map((m) => [m.visit.visit_id, m.deposited, m.difference])).toEqual([
      ['V1', 50_000, 0],
      ['V2', 0, 30_000],
    ]);
  });
  it('counts a deposit once, for the earliest visit, and never a deposit before the visit', () => {
    const r = matchCash(
      [visit('V1', 'C1', '2024-03-04', 20_000), visit('V2', 'C1', '2024-03-05', 20_000)],
      [
        { payment_id: 1, customer_id: 'C1', day: '2024-03-03', amount: 20_000 },
        { payment_id: 2, customer_id: 'C1', day: '2024-03-05', amount: 15_000 },
      ],
    );
    expect(r.map((m) => m.difference)).toEqual([5_000, 20_000]);
  });
});

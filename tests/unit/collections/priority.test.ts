import { describe, expect, it } from 'vitest';
import { byPriority, meetsSealingPolicy, priorityScore, SCORE_PARTS, type CandidateFacts } from '../../../etl/domain/collections/priority';

const facts = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  customer_id: 'C1',
  arrears: 180_000,
  overdue_bills: 1,
  oldest_months: 2,
  status: 'active',
  days_since_visit: 24,
  last_outcome: 'refused',
  broken_promise: false,
  cooperative_visits: 1,
  refusing_visits: 1,
  ...over,
});

describe('the priority score', () => {
  it('Rp180.000 two months old, visited 24 days ago, once cooperative once refusing: 3 + 6 + 0 + 0 + 8 + 0 = 17', () => {
    const { score, parts } = priorityScore(facts());
    expect(parts).toEqual({ amount: 3, months: 6, sealing: 0, broken_promise: 0, days_since_visit: 8, answers: 0 });
    expect(score).toBe(17);
  });
  it('the sealing policy: three overdue bills and not sealed', () => {
    expect(meetsSealingPolicy({ overdue_bills: 3, status: 'active' })).toBe(true);
    expect(meetsSealingPolicy({ overdue_bills: 3, status: 'sealed' })).toBe(false);
    expect(meetsSealingPolicy({ overdue_bills: 2, status: 'active' })).toBe(false);
    expect(priorityScore(facts({ overdue_bills: 4 })).parts.sealing).toBe(15);
  });
  it('caps: amount at 40, months at 30, days since the last visit at 10 (never visited: 10), answers at ±10; moved −20', () => {
    const big = priorityScore(facts({ arrears: 50_000_000, oldest_months: 71, days_since_visit: null, cooperative_visits: 9, refusing_visits: 0 }));
    expect(big.parts).toMatchObject({ amount: 40, months: 30, days_since_visit: 10, answers: 10 });
    expect(priorityScore(facts({ refusing_visits: 12, cooperative_visits: 0 })).parts.answers).toBe(-10);
    expect(priorityScore(facts({ last_outcome: 'moved' })).parts.answers).toBe(-20);
    expect(priorityScore(facts({ broken_promise: true })).parts.broken_promise).toBe(20);
  });
  it('the parts add up to the score, whatever the facts', () => {
    for (let i = 0; i < 200; i++) {
      const s = priorityScore(
        facts({ arrears: i * 37_123, oldest_months: i % 40, overdue_bills: i % 6, days_since_visit: i % 3 === 0 ? null : i, broken_promise: i % 2 === 0, cooperative_visits: i % 7, refusing_visits: i % 5, last_outcome: i % 11 === 0 ? 'moved' : 'paid' }),
      );
      expect(SCORE_PARTS.reduce((sum, k) => sum + s.parts[k], 0)).toBe(s.score);
    }
  });
  it('ties fall to the larger arrears, then the customer_id', () => {
    const a = { ...facts({ customer_id: 'B', arrears: 100 }), score: 5, parts: priorityScore(facts()).parts };
    const b = { ...a, customer_id: 'A' };
    const c = { ...a, customer_id: 'C', arrears: 200 };
    expect([a, b, c].sort(byPriority).map((x) => x.customer_id)).toEqual(['C', 'A', 'B']);
  });
});

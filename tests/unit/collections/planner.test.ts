import { describe, expect, it } from 'vitest';
import { planTeamDay, type Candidate } from '../../../etl/domain/collections/planner';
import { SCORE_PARTS } from '../../../etl/domain/collections/priority';
import { Rng } from '../../../etl/generate/prng';

const BASE = { lat: -3.47, lon: 102.52 };
const COLLECTORS = ['K1', 'K2', 'K3', 'K4'].map((id) => ({ collector_id: id, collector_name: `Kolektor ${id}` }));

function candidates(n: number, seed: number): Candidate[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => ({
    customer_id: `C${String(i).padStart(4, '0')}`,
    lat: BASE.lat + (rng.next() - 0.5) * 0.1,
    lon: BASE.lon + (rng.next() - 0.5) * 0.1,
    arrears: Math.floor(rng.next() * 2_000_000),
    overdue_bills: Math.floor(rng.next() * 8),
    oldest_months: Math.floor(rng.next() * 24),
    status: rng.next() < 0.2 ? 'sealed' : 'active',
    days_since_visit: rng.next() < 0.3 ? null : 8 + Math.floor(rng.next() * 60),
    last_outcome: null,
    broken_promise: rng.next() < 0.1,
    cooperative_visits: Math.floor(rng.next() * 3),
    refusing_visits: Math.floor(rng.next() * 3),
  }));
}

describe('a team day of 4 collectors × 25 visits from 300 candidates', () => {
  const pool = candidates(300, 7);
  const plan = planTeamDay(BASE, COLLECTORS, pool, 25);
  const stops = plan.routes.flatMap((r) => r.stops);

  it('respects the capacity and visits no customer twice', () => {
    expect(plan.routes.map((r) => r.stops.length)).toEqual([25, 25, 25, 25]);
    expect(new Set(stops.map((s) => s.customer_id)).size).toBe(100);
    expect(plan.left_over).toBe(200);
  });
  it('takes the 100 highest scores, each stop a candidate given, its parts adding up to its score', () => {
    const given = new Set(pool.map((c) => c.customer_id));
    for (const s of stops) {
      expect(given.has(s.customer_id)).toBe(true);
      expect(SCORE_PARTS.reduce((sum, k) => sum + s.parts[k], 0)).toBe(s.score);
    }
    const lowestTaken = Math.min(...stops.map((s) => s.score));
    const taken = new Set(stops.map((s) => s.customer_id));
    const all = planTeamDay(BASE, [COLLECTORS[0]], pool, 300).routes[0].stops;
    for (const c of all) if (!taken.has(c.customer_id)) expect(c.score).toBeLessThanOrEqual(lowestTaken);
  });
  it('numbers the stops 1..n in visit order; no route longer than its unoptimised order, none shorter than its bound', () => {
    for (const r of plan.routes) {
      expect(r.stops.map((s) => s.seq)).toEqual(Array.from({ length: r.stops.length }, (_, i) => i + 1));
      expect(r.length_m).toBeLessThanOrEqual(r.unoptimised_length_m);
      expect(r.lower_bound_m).toBeLessThanOrEqual(r.length_m);
    }
  });
  it('is the same plan for the same input and seed', () => {
    expect(planTeamDay(BASE, COLLECTORS, [...pool].reverse(), 25)).toEqual(plan);
  });
  it('fewer candidates than places: every candidate once, split evenly', () => {
    const small = planTeamDay(BASE, COLLECTORS, pool.slice(0, 10), 25);
    expect(small.routes.map((r) => r.stops.length)).toEqual([3, 3, 2, 2]);
    expect(small.left_over).toBe(0);
  });
});

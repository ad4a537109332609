/**
 * The collections figures on the hand-built history of tests/support/collections-utility.ts; every
 * figure worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { attributePayments, type PaymentDay, type VisitDay } from '../../etl/domain/collections/rules';
import { collectionsPerformance, outcomeMix, visitsOfDay } from '../../etl/queries/collections';
import { routeCandidates } from '../../etl/queries/route-candidates';
import { EVERYTHING, ScopeRefusedError } from '../../etl/queries/scope';
import { planRoute } from '../../etl/route/plan';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { loadCollectionsUtility } from '../support/collections-utility';
import { C1, C2, C3, loadedOnce } from '../support/fixture';

let wh: Warehouse;

beforeAll(() => loadedOnce(loadCollectionsUtility, (loaded) => (wh = loaded)));

describe('performance per collector, March 2024', () => {
  it('visits, customers, contacts, promises kept, collected, attributed, per working day, arrears start and end', async () => {
    const rows = await collectionsPerformance(wh, { from: '2024-03', to: '2024-03', scope: EVERYTHING, by: 'collector' });
    expect(rows.map((r) => ({ ...r }))).toEqual([
      // K01: V1 not_home, V2 promise kept by P6 on the promised day; attributed P6 + P7 = 15,000 (P8 is 15 days on).
      // C1 owed nothing overdue on 29 Feb; on 31 Mar the February bill 50,000 less P6, P7, P8 = 30,000.
      expect.objectContaining({ team_id: 'T01', team_name: 'Tim Curup', collector_id: 'K01', collector_name: 'Andi', visits: 2, customers: 1, contacts: 1, contact_rate: 0.5, promises: 1, promises_kept: 1, collected_at_visit: 0, attributed_14d: 15_000, rupiah_per_visit: 7_500, working_days: 2, visits_per_working_day: 1, arrears_start: 0, arrears_end: 30_000 }),
      // K02: V3 partial 50,000 takes P4 (the tie with V5), V4's promise for 9 Mar paid on 10 Mar: broken but P2 attributed.
      // 29 Feb: C2 opening 200,000 + Jan 30,000, C3 Jan 100,000 = 330,000; 31 Mar: C2 150,000 + Feb 30,000, C3 Feb 100,000 = 280,000.
      expect.objectContaining({ team_id: 'T01', collector_id: 'K02', visits: 2, customers: 2, contacts: 2, contact_rate: 1, promises: 1, promises_kept: 0, collected_at_visit: 50_000, attributed_14d: 150_000, rupiah_per_visit: 75_000, working_days: 1, visits_per_working_day: 2, arrears_start: 330_000, arrears_end: 280_000 }),
      expect.objectContaining({ team_id: 'T02', collector_id: 'K03', collector_name: 'Citra', visits: 1, customers: 1, contacts: 1, promises: 0, collected_at_visit: 0, attributed_14d: 0, arrears_start: 230_000, arrears_end: 180_000 }),
    ]);
  });
  it('per team: distinct customers of the team, their arrears counted once', async () => {
    const rows = await collectionsPerformance(wh, { from: '2024-03', to: '2024-03', scope: EVERYTHING, by: 'team' });
    expect(rows.map((r) => [r.team_id, r.visits, r.customers, r.attributed_14d, r.arrears_start, r.arrears_end])).toEqual([
      ['T01', 4, 3, 165_000, 330_000, 310_000],
      ['T02', 1, 1, 0, 230_000, 180_000],
    ]);
  });
  it('payments after the period still count for the visits in it; a later visit takes later payments', async () => {
    // March to April: V6 (20 Apr) gets P3 (25 Apr, 20,000); P5 (10 Apr) is 33 days after V4
    const [k01] = await collectionsPerformance(wh, { from: '2024-04', to: '2024-04', scope: EVERYTHING, by: 'collector' });
    expect(k01).toMatchObject({ collector_id: 'K01', visits: 1, attributed_14d: 20_000 });
  });
  it('by kecamatan of the visited customer and by month', async () => {
    const byKec = await collectionsPerformance(wh, { from: '2024-03', to: '2024-04', scope: EVERYTHING, by: 'kecamatan' });
    expect(byKec.map((r) => [r.kecamatan_code, r.kecamatan_name, r.visits, r.customers])).toEqual([
      ['17.02.09', 'Curup', 3, 1],
      ['17.02.17', 'Curup Timur', 3, 2],
    ]);
    const byMonth = await collectionsPerformance(wh, { from: '2024-03', to: '2024-04', scope: EVERYTHING, by: 'month' });
    expect(byMonth.map((r) => [r.month, r.visits, r.attributed_14d])).toEqual([
      ['2024-03', 5, 165_000],
      ['2024-04', 1, 20_000],
    ]);
  });
  it('the outcome mix', async () => {
    expect(await outcomeMix(wh, { from: '2024-03', to: '2024-03', scope: EVERYTHING })).toEqual([
      { outcome: 'promise_to_pay', visits: 2 },
      { outcome: 'not_home', visits: 1 },
      { outcome: 'partial', visits: 1 },
      { outcome: 'refused', visits: 1 },
    ]);
  });
  it('a supervisor of T02 sees T02 only; one team asked for', async () => {
    const scope = { personalData: true, teams: ['T02'] };
    const rows = await collectionsPerformance(wh, { from: '2024-03', to: '2024-04', scope, by: 'collector' });
    expect(rows.map((r) => r.collector_id)).toEqual(['K03']);
    expect(await collectionsPerformance(wh, { from: '2024-03', to: '2024-04', scope, team: 'T01', by: 'collector' })).toEqual([]);
    expect((await collectionsPerformance(wh, { from: '2024-03', to: '2024-04', scope: EVERYTHING, team: 'T01', by: 'team' })).map((r) => r.team_id)).toEqual(['T01']);
  });
});

describe('the derived visit_results equal the rules computed directly on the source rows', () => {
  it('attributed payments per visit', async () => {
    const visits = await wh.query<VisitDay>(`SELECT visit_id, customer_id, CAST(CAST(visited_at AS DATE) AS VARCHAR) AS day FROM visits`);
    const pays = await wh.query<PaymentDay>(`SELECT customer_id, CAST(paid_on AS VARCHAR) AS day, amount FROM payments WHERE status = 'completed'`);
    const direct = attributePayments(visits, pays);
    const derived = await wh.query<{ visit_id: string; attributed_14d: number }>(`SELECT visit_id, attributed_14d FROM visit_results ORDER BY visit_id`);
    expect(derived).toEqual(visits.map((v) => ({ visit_id: v.visit_id, attributed_14d: direct.get(v.visit_id) ?? 0 })).sort((a, b) => (a.visit_id < b.visit_id ? -1 : 1)));
    expect(Object.fromEntries(direct)).toEqual({ V2: 15_000, V3: 50_000, V4: 100_000, V6: 20_000 });
  });
});

describe('route candidates', () => {
  it('Curup Timur on 1 April: C2 and C3 with the facts of their scores', async () => {
    const { candidates } = await routeCandidates(wh, { date: '2024-04-01', area: { kecamatan: '17.02.17' }, scope: EVERYTHING });
    expect(candidates.map((c) => ({ ...c }))).toEqual([
      // C2: opening 150,000 + February 30,000; the opening balance ages from 2018-06: 71 months; last V5 refused (V3 partial)
      expect.objectContaining({ customer_id: C2, arrears: 180_000, overdue_bills: 1, oldest_months: 71, status: 'sealed', days_since_visit: 24, last_outcome: 'refused', broken_promise: false, cooperative_visits: 1, refusing_visits: 1, lat: -3.45, lon: 102.55, desa_name: 'Kampung Delima' }),
      // C3: February 100,000, two months; the promise for 9 March was paid on the 10th: broken
      expect.objectContaining({ customer_id: C3, arrears: 100_000, overdue_bills: 1, oldest_months: 2, broken_promise: true, cooperative_visits: 1, refusing_visits: 0, last_outcome: 'promise_to_pay' }),
    ]);
  });
  it('leaves out customers visited in the last N days and promises whose date has not passed', async () => {
    const on12 = await routeCandidates(wh, { date: '2024-03-12', area: { kecamatan: '17.02.17' }, scope: EVERYTHING });
    expect(on12.candidates).toEqual([]); // both visited on 8 March, 4 days before
    const recent0 = await routeCandidates(wh, { date: '2024-03-12', area: { kecamatan: '17.02.17' }, recentDays: 0, scope: EVERYTHING });
    // C3 paid its January bill on 10 March: nothing overdue on the 12th
    expect(recent0.candidates.map((c) => c.customer_id)).toEqual([C2]);
    // on 9 March C3 owes its January bill, but its promise for 9 March has not passed yet
    const on9 = await routeCandidates(wh, { date: '2024-03-09', area: { desa: ['17.02.17.2001'] }, recentDays: 0, scope: EVERYTHING });
    expect(on9.candidates.map((c) => c.customer_id)).toEqual([C2]);
  });
  it('is refused without personal data', async () => {
    await expect(routeCandidates(wh, { date: '2024-04-01', area: {}, scope: { personalData: false, teams: 'all' } })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

describe('a plan from the warehouse', () => {
  it('T01 on 1 April in Curup Timur: C2 (score 41) and C3 (38), one each', async () => {
    const plan = await planRoute(wh, { team: 'T01', date: '2024-04-01', area: '17.02.17', perCollector: 25 }, { scope: EVERYTHING });
    expect(plan.routes.map((r) => [r.collector_id, r.stops.length])).toEqual([['K01', 1], ['K02', 1]]);
    const stops = plan.routes.flatMap((r) => r.stops.map((s) => [s.customer_id, s.score]));
    expect(stops.sort()).toEqual([[C2, 41], [C3, 38]]);
    expect(plan.base).toEqual({ lat: -3.46, lon: 102.53 });
    const again = await planRoute(wh, { team: 'T01', date: '2024-04-01', area: '17.02.17', perCollector: 25 }, { scope: EVERYTHING });
    expect(again).toEqual(plan);
  });
  it('a supervisor of T02 cannot plan for T01', async () => {
    await expect(planRoute(wh, { team: 'T01', date: '2024-04-01', area: '', perCollector: 25 }, { scope: { personalData: true, teams: ['T02'] } })).rejects.toThrow(/no team T01/);
  });
  it('plan vs actual: the day visits of the planned customers', async () => {
    expect(await visitsOfDay(wh, { team: 'T01', date: '2024-03-08', customers: [C2, C3, C1], scope: EVERYTHING })).toEqual([
      { customer_id: C1, collector_id: 'K01', visit_id: 'V2', outcome: 'promise_to_pay', amount_collected: 0, attributed_14d: 15_000 },
      { customer_id: C2, collector_id: 'K02', visit_id: 'V3', outcome: 'partial', amount_collected: 50_000, attributed_14d: 50_000 },
      { customer_id: C3, collector_id: 'K02', visit_id: 'V4', outcome: 'promise_to_pay', amount_collected: 0, attributed_14d: 100_000 },
    ]);
  });
});

/** `npm run route -- plan`: the plan the page makes, from the warehouse KABA_WAREHOUSE, end to end. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCollectionsUtility } from '../support/collections-utility';
import { fixture, type Fixture } from '../support/fixture';

let fx: Fixture;

beforeAll(async () => {
  fx = fixture();
  (await loadCollectionsUtility(fx)).close();
});
afterAll(() => fx.cleanup());

const route = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'etl/route/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KABA_WAREHOUSE: fx.warehousePath },
  });

describe('npm run route -- plan', () => {
  it('prints the plan as JSON: per collector the stops with their score parts and the three lengths', () => {
    const r = route('plan', '--team', 'T01', '--date', '2024-04-01', '--area', '17.02.17', '--format', 'json');
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ team_id: 'T01', date: '2024-04-01', area: '17.02.17', per_collector: 25, candidates: 2, left_over: 0 });
    expect(plan.collectors.map((c: { collector_id: string }) => c.collector_id)).toEqual(['K01', 'K02']);
    const c3 = plan.collectors.flatMap((c: { stops: unknown[] }) => c.stops).find((s: { customer_id: string }) => s.customer_id === '0100000003');
    expect(c3).toMatchObject({ seq: 1, score: 38, score_parts: { amount: 2, months: 6, sealing: 0, broken_promise: 20, days_since_visit: 8, answers: 2 } });
    for (const c of plan.collectors) expect(c.length_m).toBeLessThanOrEqual(c.unoptimised_length_m);
  });
  it('names a bad parameter', () => {
    const r = route('plan', '--team', 'T01', '--date', '2024-02-30');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^--date: date is not a date YYYY-MM-DD/);
    expect(route('plan', '--team', 'T09', '--date', '2024-04-01').stderr).toMatch(/--team: there is no team T09/);
  });
});

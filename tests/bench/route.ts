/**
 * npm run bench:route -- [--runs N]
 *
 * The route optimiser at the sizes the planner meets, with the settings `npm run route -- order` uses
 * (seed 1, the default iteration budget):
 * - a280 (TSPLIB, 280 drilling holes, optimum 2579): time, length against the optimum and the bound;
 * - 280 and 1,000 random stops within about 9 km of Curup on great-circle distances: time, length
 *   against the Held–Karp bound and against the order given;
 * - a day's plan: 4 collectors × 25 visits from the top 100 of 5,000 scored candidates (assignment
 *   and the four routes);
 * - the planner end to end on a warehouse of 5,000 customers in arrears in one kecamatan (loaded once
 *   from generated CSV files): the candidate query, the scoring, the assignment and the four routes
 *   (etl/route/plan.ts, what the Rute page and `npm run route -- plan` run).
 * Times are medians over the runs. A benchmark, not a test: it asserts nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../../etl/load/load-paths';
import { routeCandidates } from '../../etl/queries/route-candidates';
import { EVERYTHING } from '../../etl/queries/scope';
import { planRoute } from '../../etl/route/plan';
import { openWarehouseForLoad } from '../../etl/warehouse/open';
import { parseArgs } from 'node:util';
import { Rng } from '../../etl/generate/prng';
import { heldKarpBound } from '../../etl/domain/route/lower-bound';
import { optimiseTour } from '../../etl/domain/route/optimise';
import { orderStops, type Stop } from '../../etl/domain/route/order';
import { routeTeam } from '../../etl/domain/route/team-routes';
import { nearestNeighbourTour, tourLength } from '../../etl/domain/route/tour';
import { parseTsplib } from '../../etl/domain/route/tsplib';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const CURUP = { lat: -3.47, lon: 102.52 };

function timed<T>(work: () => T): { result: T; ms: number } {
  const times: number[] = [];
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { result, ms: times[Math.floor(times.length / 2)] };
}

const pct = (x: number, of: number) => `${((x / of - 1) * 100).toFixed(2)}%`;
const ms = (t: number) => `${t.toFixed(0)} ms`;

function randomStops(count: number, seed: number): Stop[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `C${i}`,
    lat: CURUP.lat + (rng.next() - 0.5) * 0.16,
    lon: CURUP.lon + (rng.next() - 0.5) * 0.16,
  }));
}

// a280 -----------------------------------------------------------------------------------------
{
  const OPTIMUM = 2579;
  const { matrix } = parseTsplib(readFileSync(new URL('../fixtures/tsp/a280.tsp', import.meta.url), 'utf8'));
  const nearest = tourLength(matrix, nearestNeighbourTour(matrix));
  const alone = timed(() => optimiseTour(matrix, { iterations: 0 }));
  const tour = timed(() => optimiseTour(matrix));
  const bound = timed(() => heldKarpBound(matrix, tour.result.length));
  console.log('a280 (TSPLIB, 280 nodes, optimum 2579)');
  console.log(`  nearest neighbour  ${nearest}  ${pct(nearest, OPTIMUM)} above the optimum`);
  console.log(`  nearest neighbour + 2-opt + Or-opt  ${alone.result.length}  ${pct(alone.result.length, OPTIMUM)} above the optimum  ${ms(alone.ms)}`);
  console.log(
    `  + iterated local search (${tour.result.iterations} kicks, ${tour.result.restarts} restarts)  ${tour.result.length}  ` +
      `${pct(tour.result.length, OPTIMUM)} above the optimum  ${ms(tour.ms)}`,
  );
  console.log(
    `  Held–Karp bound  ${bound.result.toFixed(1)}  (${pct(OPTIMUM, bound.result)} below the optimum, the tour ` +
      `${pct(tour.result.length, bound.result)} above it)  ${ms(bound.ms)}`,
  );
}

// random stops around Curup ----------------------------------------------------------------------
for (const count of [280, 1000]) {
  const stops = randomStops(count, count);
  const r = timed(() => orderStops(CURUP, stops));
  const route = r.result;
  console.log(`${count} random stops around Curup (great circle), order command end to end`);
  console.log(
    `  length ${(route.lengthM / 1000).toFixed(2)} km, given order ${(route.unoptimisedLengthM / 1000).toFixed(2)} km, ` +
      `bound ${(route.lowerBoundM / 1000).toFixed(2)} km: ${pct(route.lengthM, route.lowerBoundM)} above the bound  ${ms(r.ms)}`,
  );
}

// a day's plan -----------------------------------------------------------------------------------
{
  const rng = new Rng(5000);
  const candidates = randomStops(5000, 5000).map((s) => ({ ...s, score: rng.next() }));
  const plan = timed(() => {
    const ranked = candidates.slice().sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return routeTeam(CURUP, ranked, [25, 25, 25, 25]);
  });
  const total = plan.result.routes.reduce((s, r) => s + r.lengthM, 0);
  const bounds = plan.result.routes.reduce((s, r) => s + r.lowerBoundM, 0);
  console.log('plan: 4 collectors × 25 visits from 5,000 candidates (top 100 by score, sweep, four routes)');
  console.log(
    `  routes ${plan.result.routes.map((r) => (r.lengthM / 1000).toFixed(1)).join(' + ')} km, ` +
      `${pct(total, bounds)} above the bounds  ${ms(plan.ms)}`,
  );
}

// the planner end to end ----------------------------------------------------------------------------
{
  const dir = mkdtempSync(join(tmpdir(), 'kaba-bench-route-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  const rng = new Rng(42);
  const write = (name: string, lines: string[]) => writeFileSync(join(files, name), `${lines.join('\n')}\n`);
  const N = 5000;
  const id = (i: number) => `02${String(i).padStart(8, '0')}`;
  write('areas.csv', [
    'desa_code,desa_name,desa_type,kecamatan_code,kecamatan_name,latitude,longitude',
    '17.02.09.1001,Talang Rimbo Lama,kelurahan,17.02.09,Curup,-3.47,102.52',
  ]);
  write('channels.csv', ['channel_code,channel_name,online,category,fee_per_txn,launched_on', 'LOKET,Loket PDAM,false,counter,0,2000-01-01']);
  write('customers.csv', [
    'customer_id,name,address,desa_code,tariff_class,status,connected_on,latitude,longitude,phone',
    ...Array.from({ length: N }, (_, i) => `${id(i)},Pelanggan ${i},Jl. Contoh ${i},17.02.09.1001,R2,active,2010-01-01,${(CURUP.lat + (rng.next() - 0.5) * 0.16).toFixed(5)},${(CURUP.lon + (rng.next() - 0.5) * 0.16).toFixed(5)},0811`),
  ]);
  write('teams.csv', [
    'team_id,team_name,collector_id,collector_name,base_latitude,base_longitude',
    ...[1, 2, 3, 4].map((k) => `T01,Tim Curup,K0${k},Kolektor ${k},${CURUP.lat},${CURUP.lon}`),
  ]);
  const bills = ['customer_id,period,issued_on,due_on,usage_m3,water_charge,fixed_charge,other_charge,total_amount'];
  for (let i = 0; i < N; i++) {
    for (let m = 1; m <= 1 + (i % 4); m++) {
      const charge = 20_000 + Math.floor(rng.next() * 200) * 1000;
      bills.push(`${id(i)},2024-0${m},2024-0${m}-02,2024-0${m}-20,10,${charge},23000,0,${charge + 23000}`);
    }
  }
  write('bills.csv', bills);
  write('payments.csv', ['payment_ref,channel_code,customer_id,period,paid_at,amount,penalty,admin_fee', 'B1,LOKET,0200000000,,2024-03-01T10:00:00,1000,0,0']);
  const visits = ['visit_id,team_id,collector_id,customer_id,visited_at,outcome,amount_collected,promise_date'];
  for (let i = 0; i < N; i += 3) visits.push(`V${i},T01,K0${1 + (i % 4)},${id(i)},2024-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00,${i % 2 ? 'refused' : 'promise_to_pay'},,${i % 2 ? '' : '2024-03-29'}`);
  write('visits.csv', visits);
  const wh = await openWarehouseForLoad(join(dir, 'warehouse.duckdb'));
  await loadPaths(wh, [files]);
  const queryTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await routeCandidates(wh, { date: '2024-06-01', area: { kecamatan: '17.02.09' }, scope: EVERYTHING });
    queryTimes.push(performance.now() - t);
  }
  queryTimes.sort((a, b) => a - b);
  const times: number[] = [];
  let plan: Awaited<ReturnType<typeof planRoute>> | null = null;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    plan = await planRoute(wh, { team: 'T01', date: '2024-06-01', area: '17.02.09', perCollector: 25 }, { scope: EVERYTHING });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const routes = plan?.routes ?? [];
  const total = routes.reduce((s, r) => s + r.length_m, 0);
  const bounds = routes.reduce((s, r) => s + r.lower_bound_m, 0);
  const unoptimised = routes.reduce((s, r) => s + r.unoptimised_length_m, 0);
  console.log(`planner end to end: ${plan?.candidates} candidates in the warehouse, 4 collectors × 25 (candidate query, scoring, sweep, four routes)`);
  console.log(
    `  routes ${routes.map((r) => (r.length_m / 1000).toFixed(1)).join(' + ')} km (unoptimised ${(unoptimised / 1000).toFixed(1)} km), ` +
      `${pct(total, bounds)} above the bounds  ${ms(times[Math.floor(times.length / 2)])} (the candidate query alone ${ms(queryTimes[Math.floor(queryTimes.length / 2)])})`,
  );
  wh.close();
  rmSync(dir, { recursive: true, force: true });
}

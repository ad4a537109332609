/**
 * npm run bench:route -- [--runs N]
 *
 * The route optimiser at the sizes the planner meets, with the settings `npm run route -- order` uses
 * (seed 1, the default iteration budget):
 * - a280 (TSPLIB, 280 drilling holes, optimum 2579): time, length against the optimum and the bound;
 * - 280 and 1,000 random stops within about 9 km of Curup on great-circle distances: time, length
 *   against the Held–Karp bound and against the order given;
 * - a day's plan: 4 collectors × 25 visits from the top 100 of 5,000 scored candidates (assignment
 *   and the four routes).
 * Times are medians over the runs. A benchmark, not a test: it asserts nothing.
 */
import { readFileSync } from 'node:fs';
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

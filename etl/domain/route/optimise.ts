/**
 * The tour optimiser: nearest neighbour, then 2-opt + Or-opt, then iterated local search (kick,
 * repair, keep the result when it is no longer) with a restart from a fresh nearest-neighbour tour when
 * the search stalls. Random choices come from a seeded generator, so the same matrix, options and seed
 * give the same tour; counting the budget in iterations makes that hold however busy the machine, the
 * time budget only cuts the search short.
 */
import { Rng } from '../../generate/prng';
import { EXACT_UP_TO, shortestTourByEnumeration } from './exact';
import { nearestNeighbourLists, TourSearch } from './local-search';
import type { DistanceMatrix } from './matrix';
import { nearestNeighbourTour, rotateToStart, tourLength } from './tour';

export interface OptimiseOptions {
  seed?: number;
  /** Kicks in total, over every restart. */
  iterations?: number;
  /** Wall-clock budget; stops the search early, so a result under it may depend on the machine. */
  timeLimitMs?: number;
  /** Kicks in a row that find nothing shorter before the search starts again from a new tour. */
  restartAfter?: number;
  /** A tour to start from when it is shorter than the nearest-neighbour one (e.g. the order given). */
  initial?: ArrayLike<number>;
}

export interface OptimisedTour {
  /** Node 0 first; the tour returns from the last node to node 0. */
  tour: number[];
  length: number;
  iterations: number;
  restarts: number;
}

export const DEFAULT_ITERATIONS = 2_000;
/** Candidate partners per node: the improving moves on geographic instances almost all join near neighbours. */
const NEIGHBOURS = 10;
/** Longest segment a kick swaps: local kicks keep the repair cheap on large tours. */
const KICK_WINDOW = 30;
const SAME = 1e-7;

export function optimiseTour(matrix: DistanceMatrix, options: OptimiseOptions = {}): OptimisedTour {
  const n = matrix.size;
  if (n <= EXACT_UP_TO) {
    const exact = shortestTourByEnumeration(matrix);
    return { tour: exact.tour, length: exact.length, iterations: 0, restarts: 0 };
  }
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const deadline = performance.now() + (options.timeLimitMs ?? Infinity);
  const restartAfter = options.restartAfter ?? Math.max(500, 4 * n);
  const rng = new Rng(options.seed ?? 1);
  const random = () => rng.next();

  let start = nearestNeighbourTour(matrix, 0);
  if (options.initial && tourLength(matrix, options.initial) < tourLength(matrix, start)) start = Array.from(options.initial);
  const search = new TourSearch(matrix, nearestNeighbourLists(matrix, NEIGHBOURS), start);
  search.optimiseAll();

  const runBest = Int32Array.from(search.tour);
  let runBestLength = search.length;
  const best = Int32Array.from(search.tour);
  let bestLength = search.length;
  let stalled = 0;
  let restarts = 0;
  let done = 0;
  const keepRun = () => {
    runBest.set(search.tour);
    runBestLength = search.length;
    if (runBestLength < bestLength - SAME) {
      best.set(runBest);
      bestLength = runBestLength;
    }
  };

  while (done < iterations && performance.now() < deadline) {
    search.kick(random, KICK_WINDOW);
    search.run();
    done++;
    stalled = search.length < runBestLength - SAME ? 0 : stalled + 1;
    // Equal length is accepted too: moving along a plateau lets the next kick start somewhere new.
    if (search.length <= runBestLength + SAME) keepRun();
    else search.load(runBest);
    if (stalled >= restartAfter && done < iterations) {
      search.load(nearestNeighbourTour(matrix, Math.floor(random() * n)));
      search.optimiseAll();
      keepRun();
      stalled = 0;
      restarts++;
    }
  }
  // Lengths were kept up by adding move gains; the figure returned is summed afresh.
  const tour = rotateToStart(best, 0);
  return { tour, length: tourLength(matrix, tour), iterations: done, restarts };
}

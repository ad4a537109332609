/** One route from the base on great-circle distances, worked out by hand on a street running north. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../etl/generate/prng';
import { EARTH_RADIUS_M, haversineMetres } from '../../../etl/domain/route/geo';
import { MAX_STOPS, orderStops, routeLengthM, type Stop } from '../../../etl/domain/route/order';

const CURUP = { lat: -3.47, lon: 102.52 };
/** Degrees of latitude in one kilometre on the sphere of the mean earth radius. */
const KM = 1000 / ((EARTH_RADIUS_M * Math.PI) / 180);

describe('great-circle distance', () => {
  it('is 111,195 m for one degree of latitude, and the same for one degree of longitude on the equator', () => {
    expect(haversineMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195.08, 1);
    expect(haversineMetres({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111_195.08, 1);
  });

  it('shrinks a degree of longitude with the cosine of the latitude (60° south: half)', () => {
    expect(haversineMetres({ lat: -60, lon: 10 }, { lat: -60, lon: 10.001 })).toBeCloseTo(111.195 / 2, 2);
  });
});

describe('ordering stops from the base', () => {
  it('visits stops 1, 2 and 3 km up the street in order, given as 3, 1, 2 km: 6 km instead of 8', () => {
    const stop = (id: string, km: number): Stop => ({ id, lat: CURUP.lat + km * KM, lon: CURUP.lon });
    const route = orderStops(CURUP, [stop('far', 3), stop('near', 1), stop('middle', 2)]);
    const ids = route.stops.map((s) => s.id);
    // Out and back along one street: either direction is the same 6 km.
    expect([['near', 'middle', 'far'], ['far', 'middle', 'near']]).toContainEqual(ids);
    expect(route.lengthM).toBeCloseTo(6000, 3);
    // Given order: base → 3 km → 1 km → 2 km → base = 3 + 2 + 1 + 2.
    expect(route.unoptimisedLengthM).toBeCloseTo(8000, 3);
    expect(route.lowerBoundM).toBeLessThanOrEqual(route.lengthM);
    expect(route.lowerBoundM).toBeGreaterThan(5999);
  });

  it('handles no stops and one stop', () => {
    expect(orderStops(CURUP, [])).toMatchObject({ stops: [], lengthM: 0, unoptimisedLengthM: 0, lowerBoundM: 0 });
    const one = orderStops(CURUP, [{ id: 'A', lat: CURUP.lat + 2 * KM, lon: CURUP.lon }]);
    expect(one.lengthM).toBeCloseTo(4000, 3);
  });

  it('on 300 stops: a permutation of the stops, its length the route it names, never longer than the given order, deterministic', () => {
    const rng = new Rng(4);
    const stops = Array.from({ length: 300 }, (_, i) => ({
      id: `C${i}`,
      lat: CURUP.lat + (rng.next() - 0.5) * 0.1,
      lon: CURUP.lon + (rng.next() - 0.5) * 0.1,
    }));
    const route = orderStops(CURUP, stops, { seed: 2, iterations: 300 });
    expect(route.stops).toHaveLength(300);
    expect(new Set(route.stops)).toEqual(new Set(stops));
    expect(route.lengthM).toBeCloseTo(routeLengthM(CURUP, route.stops), 3);
    expect(route.unoptimisedLengthM).toBeCloseTo(routeLengthM(CURUP, stops), 3);
    expect(route.lengthM).toBeLessThan(route.unoptimisedLengthM);
    expect(route.lowerBoundM).toBeLessThanOrEqual(route.lengthM);
    // The bound is close: the route is at most a few percent longer than the shortest possible.
    expect(route.lengthM / route.lowerBoundM).toBeLessThan(1.05);
    expect(orderStops(CURUP, stops, { seed: 2, iterations: 300 }).stops).toEqual(route.stops);
  });

  it(`refuses more than ${MAX_STOPS} stops`, () => {
    const many = Array.from({ length: MAX_STOPS + 1 }, (_, i) => ({ id: String(i), ...CURUP }));
    expect(() => orderStops(CURUP, many)).toThrow(/at most 1000 stops/);
  });
});

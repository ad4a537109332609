/** The `order` command's input and output text: the base argument, and the route as JSON or a table. */
import type { ParseResult } from '../domain/money';
import { groupThousands } from '../domain/money';
import { haversineMetres, type LatLon } from '../domain/route/geo';
import type { OrderedStops, Stop } from '../domain/route/order';
import { table } from '../report/output';

/** `LAT,LON` in decimal degrees, e.g. `-3.47,102.52`. */
export function parseBase(text: string): ParseResult<LatLon> {
  const parts = text.split(',').map((p) => p.trim());
  const number = /^-?\d+(\.\d+)?$/;
  if (parts.length !== 2 || !parts.every((p) => number.test(p))) {
    return { ok: false, reason: `expected LAT,LON in decimal degrees, e.g. -3.47,102.52 (got ${text})` };
  }
  const [lat, lon] = parts.map(Number);
  if (lat < -90 || lat > 90) return { ok: false, reason: `latitude ${lat} is not between -90 and 90` };
  if (lon < -180 || lon > 180) return { ok: false, reason: `longitude ${lon} is not between -180 and 180` };
  return { ok: true, value: { lat, lon } };
}

/** Whole metres; rounding the bound down keeps it a bound. */
export function orderJson(route: OrderedStops<Stop>) {
  return {
    order: route.stops.map((s) => s.id),
    length_m: Math.round(route.lengthM),
    unoptimised_length_m: Math.round(route.unoptimisedLengthM),
    lower_bound_m: Math.floor(route.lowerBoundM),
  };
}

export function formatOrder(base: LatLon, route: OrderedStops<Stop>, format: 'table' | 'json'): string {
  const figures = orderJson(route);
  if (format === 'json') return `${JSON.stringify(figures, null, 2)}\n`;
  const legs = [base, ...route.stops, base];
  let total = 0;
  const rows = legs.slice(1).map((point, i) => {
    const leg = haversineMetres(legs[i], point);
    total += leg;
    const stop = i < route.stops.length ? route.stops[i] : null;
    return {
      stop: stop ? String(i + 1) : 'base',
      customer_id: stop?.id ?? '',
      latitude: String(point.lat),
      longitude: String(point.lon),
      leg_m: Math.round(leg),
      total_m: Math.round(total),
    };
  });
  const m = (metres: number) => `${groupThousands(metres)} m`;
  const above = figures.lower_bound_m > 0 ? (figures.length_m / figures.lower_bound_m - 1) * 100 : 0;
  return (
    `Route from the base (${base.lat}, ${base.lon}) and back: ${route.stops.length} stops\n\n` +
    table(rows) +
    `\nlength              ${m(figures.length_m)}\n` +
    `in the order given  ${m(figures.unoptimised_length_m)}\n` +
    `lower bound         ${m(figures.lower_bound_m)} (no order is shorter; this one is at most ${above.toFixed(1)}% longer)\n`
  );
}

/** A team's day: the stops shared among its collectors, then each collector's visit order from the base. */
import { assignBySweep } from './assign';
import type { LatLon } from './geo';
import { orderStops, type OrderedStops, type OrderOptions, type Stop } from './order';

export interface TeamRoutes<S extends Stop> {
  /** One route per collector, in collector order. */
  routes: OrderedStops<S>[];
  unassigned: S[];
}

/** `stops` in priority order, highest first; one capacity per collector (see assignBySweep). */
export function routeTeam<S extends Stop>(
  base: LatLon,
  stops: readonly S[],
  capacities: readonly number[],
  options: OrderOptions = {},
): TeamRoutes<S> {
  const { groups, unassigned } = assignBySweep(base, stops, capacities);
  return { routes: groups.map((group) => orderStops(base, group, options)), unassigned };
}

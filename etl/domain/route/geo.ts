/** Points on the earth and the distance between them, for routes measured in metres. */

export interface LatLon {
  /** degrees, WGS84 */
  lat: number;
  /** degrees, WGS84 */
  lon: number;
}

/** Mean earth radius (IUGG): the sphere that best fits the WGS84 ellipsoid on average. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres (haversine formula). On the scale of a kabupaten the spherical earth
 * is within 0.5% of the ellipsoid, far less than the difference between a straight line and the road.
 */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Position of `p` in metres east and north of `origin` on a plane touching the earth there
 * (equirectangular): good to a fraction of a percent over the few tens of kilometres of a route.
 */
export function localPlaneMetres(origin: LatLon, p: LatLon): { x: number; y: number } {
  return {
    x: (p.lon - origin.lon) * RAD * EARTH_RADIUS_M * Math.cos(origin.lat * RAD),
    y: (p.lat - origin.lat) * RAD * EARTH_RADIUS_M,
  };
}

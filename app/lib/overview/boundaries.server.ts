/** The kecamatan boundaries for the choropleth (KABA_BOUNDARIES), read once per file version. */
import { readFile, stat } from 'node:fs/promises';

export interface Boundaries {
  /** the map name to register; changes when the file changes */
  name: string;
  geoJSON: { type: 'FeatureCollection'; features: unknown[] };
}

let boundariesCache: { key: string; value: Boundaries | null; checkedAt: number } | null = null;
const BOUNDARIES_CHECK_MS = 5_000;

/**
 * The kecamatan boundaries the operator configured (KABA_BOUNDARIES: a GeoJSON FeatureCollection
 * whose features carry properties.code = the kecamatan code, e.g. 17.02.09), or null: the map then
 * draws bubbles at the area centroids. Read once per file version; a broken file is reported on
 * stderr and treated as absent, so the overview still works.
 */
export async function kecamatanBoundaries(path = process.env.KABA_BOUNDARIES): Promise<Boundaries | null> {
  if (!path) return null;
  // Looked at on every overview request: the file is checked for changes at most every few seconds.
  if (boundariesCache?.key.startsWith(`${path}:`) && Date.now() - boundariesCache.checkedAt < BOUNDARIES_CHECK_MS) return boundariesCache.value;
  const s = await stat(path).catch(() => null);
  const key = s ? `${path}:${s.ino}:${s.size}:${s.mtimeMs}` : `${path}:missing`;
  if (boundariesCache?.key === key) {
    boundariesCache.checkedAt = Date.now();
    return boundariesCache.value;
  }
  let value: Boundaries | null = null;
  try {
    if (!s) throw new Error('file not found');
    const raw = JSON.parse(await readFile(path, 'utf8')) as { type?: string; features?: unknown[] };
    if (raw.type !== 'FeatureCollection' || !Array.isArray(raw.features)) throw new Error('not a GeoJSON FeatureCollection');
    // Keep what the map needs: the geometry and the code (smaller page data).
    const features = raw.features
      .map((f) => f as { type: string; geometry: unknown; properties?: { code?: unknown; name?: unknown } })
      .filter((f) => typeof f.properties?.code === 'string' && f.geometry)
      .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { code: f.properties!.code, name: String(f.properties!.name ?? '') } }));
    if (features.length === 0) throw new Error('no feature has properties.code');
    value = { name: `kecamatan-${Math.round(s.mtimeMs)}-${s.size}`, geoJSON: { type: 'FeatureCollection', features } };
  } catch (error) {
    console.error(`[kaba] KABA_BOUNDARIES=${path} is not usable (${(error as Error).message}); the map shows bubbles`);
  }
  boundariesCache = { key, value, checkedAt: Date.now() };
  return value;
}

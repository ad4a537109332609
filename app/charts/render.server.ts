/**
 * Server-side rendering of a chart to an SVG string (ECharts SSR): no DOM, no canvas. Synchronous, so
 * the chart component can call it while React renders the page on the server.
 *
 * Rendering costs several milliseconds per chart, while the figures only change when data is loaded;
 * so the SVG is cached, keyed by the size, the caller's variant (what the option's formatter functions
 * depend on, e.g. the language), the map name, and
 *  - with a cache key (ChartCacheKey): the warehouse file and the key naming the rest of the option's
 *    content. The SVG is kept with that open file (cachedForFile) and dropped when a load replaces it;
 *    a hit costs a lookup: the option is not built (a function option is not even called) nor serialised;
 *  - without: the option's JSON (its data and labels), in a small LRU cache of this module.
 */
import type { EChartsOption } from 'echarts';
import { cachedForFile } from '../lib/warehouse.server';
import { resolveOption, type ChartCacheKey, type ChartOption } from './chart-option';
import { echarts, ensureMap, type GeoMap } from './echarts';

const CACHE_ENTRIES = 256;
const lru = new Map<string, string>();

export function renderChartSvg(option: EChartsOption, width: number, height: number, geo?: GeoMap): string {
  ensureMap(geo);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    // Scale with its box: the viewBox keeps the drawing, the box sets the size.
    return chart.renderToSVGString().replace(/^<svg width="[\d.]+" height="[\d.]+"/, '<svg width="100%" height="100%"');
  } finally {
    chart.dispose();
  }
}

export function renderChartSvgCached(option: ChartOption, width: number, height: number, variant: string, geo?: GeoMap, cache?: ChartCacheKey): string {
  const drawing = `${width}x${height}|${variant}|${geo?.name ?? ''}`;
  if (cache) return cachedForFile(cache.generation, `svg:${cache.key}|${drawing}`, () => renderChartSvg(resolveOption(option), width, height, geo));
  const resolved = resolveOption(option);
  const key = `${drawing}|${JSON.stringify(resolved)}`;
  const hit = lru.get(key);
  if (hit !== undefined) {
    lru.delete(key);
    lru.set(key, hit); // most recently used last
    return hit;
  }
  const svg = renderChartSvg(resolved, width, height, geo);
  lru.set(key, svg);
  if (lru.size > CACHE_ENTRIES) lru.delete(lru.keys().next().value as string);
  return svg;
}

/**
 * Server-side rendering of a chart to an SVG string (ECharts SSR): no DOM, no canvas. Synchronous, so
 * the chart component can call it while React renders the page on the server.
 *
 * Rendering costs several milliseconds per chart, while the figures only change when data is loaded;
 * so the SVG is kept in a small LRU cache keyed by the size, the caller's variant (what the option's
 * formatter functions depend on, e.g. the language) and the option's JSON (its data and labels).
 */
import type { EChartsOption } from 'echarts';
import { echarts, ensureMap, type GeoMap } from './echarts';

const CACHE_ENTRIES = 256;
const cache = new Map<string, string>();

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

export function renderChartSvgCached(option: EChartsOption, width: number, height: number, variant: string, geo?: GeoMap): string {
  const key = `${width}x${height}|${variant}|${geo?.name ?? ''}|${JSON.stringify(option)}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const svg = renderChartSvg(option, width, height, geo);
  cache.set(key, svg);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return svg;
}

/**
 * ECharts, modular: the core plus only the charts and components our option builders use, and the SVG
 * renderer (the same renderer on the server and in the browser, so the live chart looks like the SVG
 * it replaces). Imported by render.server.ts and, in the browser, only through live.client.ts's
 * dynamic import, so it never enters a page's initial JavaScript (~227 KB gzip, of which the map
 * series and visual map of the choropleth ~25 KB).
 */
import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { AxisBreak, LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
  AxisBreak,
  LabelLayout,
]);

/** A boundary file to draw a choropleth on, registered once per name and content. */
export interface GeoMap {
  name: string;
  geoJSON: unknown;
}

const registered = new Map<string, unknown>();

export function ensureMap(geo: GeoMap | undefined): void {
  if (!geo || registered.get(geo.name) === geo.geoJSON) return;
  echarts.registerMap(geo.name, geo.geoJSON as Parameters<typeof echarts.registerMap>[1]);
  registered.set(geo.name, geo.geoJSON);
}

export { echarts };

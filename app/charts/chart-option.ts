/**
 * What the chart component takes as its option, without ECharts itself (types only): the option, or
 * on the server a function that builds it (useChartOption), called only when the chart's SVG is not
 * cached yet.
 */
import type { EChartsOption } from 'echarts';

export type ChartOption = EChartsOption | (() => EChartsOption);

/**
 * Names a chart's content for the server's SVG cache: the warehouse file its figures come from (the
 * `generation` of app/lib/warehouse.server.ts: the SVG is kept with that file and dropped with it), and
 * a key for everything else the option is built from (page, month, settings…). The chart adds its
 * size, variant (language) and map name.
 */
export interface ChartCacheKey {
  generation: number;
  key: string;
}

export const resolveOption = (option: ChartOption): EChartsOption => (typeof option === 'function' ? option() : option);

/**
 * The browser half of a chart: loaded with import() after the page has hydrated, it renders the same
 * option into its own node for tooltips and clicks. Everything ECharts sits behind this module.
 */
import type { EChartsOption } from 'echarts';
import { echarts, ensureMap, type GeoMap } from './echarts';

export interface LiveChart {
  update(option: EChartsOption, geo?: GeoMap): void;
  resize(): void;
  dispose(): void;
}

export function mountChart(node: HTMLElement, option: EChartsOption, options: { geo?: GeoMap; onClick?: (name: string) => void }): LiveChart {
  ensureMap(options.geo);
  const chart = echarts.init(node, null, { renderer: 'svg' });
  chart.setOption({ ...option, animation: false });
  if (options.onClick) {
    const onClick = options.onClick;
    chart.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) onClick(params.name);
    });
  }
  return {
    update: (next, geo) => {
      ensureMap(geo);
      chart.setOption({ ...next, animation: false }, { notMerge: true });
    },
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}

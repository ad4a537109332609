/**
 * The browser half of a chart: loaded with import() after the page has hydrated, it renders the same
 * option into its own node for tooltips and clicks. Everything ECharts sits behind this module.
 */
import type { EChartsOption } from 'echarts';
import { echarts, ensureMap, type GeoMap } from './echarts';

/**
 * ECharts draws its SVG at the box's size in px, without a viewBox. Printing lays the page out again
 * (another width) without a resize, so the drawing gets a viewBox and the print CSS (app.css) scales it
 * to its printed box, like the server SVG.
 */
function scalable(node: HTMLElement, chart: { getWidth(): number; getHeight(): number }): void {
  node.querySelector('svg')?.setAttribute('viewBox', `0 0 ${chart.getWidth()} ${chart.getHeight()}`);
}

export interface LiveChart {
  update(option: EChartsOption, geo?: GeoMap): void;
  resize(): void;
  dispose(): void;
}

export function mountChart(node: HTMLElement, option: EChartsOption, options: { geo?: GeoMap; onClick?: (name: string) => void }): LiveChart {
  ensureMap(options.geo);
  const chart = echarts.init(node, null, { renderer: 'svg' });
  chart.setOption({ ...option, animation: false });
  scalable(node, chart);
  if (options.onClick) {
    const onClick = options.onClick;
    chart.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) onClick(params.name);
    });
  }
  // Entering print layout changes the media, not the window: draw again at the printed box's size.
  const print = window.matchMedia('print');
  const redraw = () => {
    chart.resize();
    // zrender paints on the next animation frame, which printing does not wait for
    chart.getZr().refreshImmediately();
    scalable(node, chart);
  };
  print.addEventListener('change', redraw);
  return {
    update: (next, geo) => {
      ensureMap(geo);
      chart.setOption({ ...next, animation: false }, { notMerge: true });
      scalable(node, chart);
    },
    resize: redraw,
    dispose: () => {
      print.removeEventListener('change', redraw);
      chart.dispose();
    },
  };
}

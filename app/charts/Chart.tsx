/**
 * The one chart component. On the server it renders the option to SVG (ECharts SSR) and embeds it in
 * the HTML, so the chart shows and prints before any JavaScript arrives. After hydration, once the
 * browser is idle, it loads ECharts with import() (not part of the page's initial JavaScript) and
 * renders the same option into a second node for tooltips and clicks, then hides the server SVG.
 * The two live in separate nodes so a revalidation never rewrites the SVG under the live chart.
 *
 * Callers memoise `option` with useChartOption (on its data and language): a new option object updates
 * the live chart. With a `cache` key the server renders each chart's SVG once per warehouse file (see
 * render.server.ts), and useChartOption does not even build the option on the server when it is cached.
 */
import { useNavigate } from '@remix-run/react';
import { useEffect, useMemo, useRef, useState, type DependencyList } from 'react';
import type { EChartsOption } from 'echarts';
import { resolveOption, type ChartCacheKey, type ChartOption } from './chart-option';
import type { GeoMap } from './echarts';
import type { LiveChart } from './live.client';
// Replaced by an empty module in the browser build: the SVG is only ever rendered on the server.
import * as ssr from './render.server';

export type { ChartCacheKey, ChartOption };

/**
 * A chart's option, memoised on deps like useMemo. On the server it is handed over unbuilt, so the
 * chart builds it only when its SVG is not cached; in the browser it is built (the live chart needs it).
 */
export function useChartOption(build: () => EChartsOption, deps: DependencyList): ChartOption {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the option depends on, as with useMemo
  return useMemo(() => (typeof document === 'undefined' ? build : build()), deps);
}

export interface ChartProps {
  option: ChartOption;
  /** the drawing size of the server SVG; the chart scales to its box keeping this aspect ratio */
  width: number;
  height: number;
  /** accessible name of the chart */
  label: string;
  /** what the option's formatter functions depend on beyond its data, e.g. the language */
  variant?: string;
  /** names the option's content for the server's SVG cache (the warehouse file and e.g. the page and month) */
  cache?: ChartCacheKey;
  /** boundaries for a choropleth option (series type 'map') */
  geo?: GeoMap;
  /** a click on the data item of this name follows the link */
  hrefs?: Readonly<Record<string, string>>;
  /** identifies the chart in tests and styles */
  name?: string;
  className?: string;
}

export function Chart({ option, width, height, label, variant = '', cache, geo, hrefs, name, className }: ChartProps) {
  const liveNode = useRef<HTMLDivElement>(null);
  const ssrNode = useRef<HTMLDivElement>(null);
  const live = useRef<LiveChart | null>(null);
  const latest = useRef({ option, hrefs, geo });
  latest.current = { option, hrefs, geo };
  const [isLive, setLive] = useState(false);
  const navigate = useNavigate();

  const svg = typeof document === 'undefined' && ssr.renderChartSvgCached ? ssr.renderChartSvgCached(option, width, height, variant, geo, cache) : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: mounted once per chart: the option, links and boundaries are read through a ref, option changes go through the effect below, and Remix keeps navigate stable
  useEffect(() => {
    let cancelled = false;
    let mounted: ChartOption | null = null;
    const start = () => {
      import('./live.client')
        .then(({ mountChart }) => {
          if (cancelled || !liveNode.current) return;
          mounted = latest.current.option;
          return mountChart(liveNode.current, resolveOption(mounted), {
            geo: latest.current.geo,
            onClick: (item) => {
              const href = latest.current.hrefs?.[item];
              if (href) navigate(href);
            },
          });
        })
        .then((chart) => {
          if (!chart) return;
          if (cancelled) return chart.dispose();
          live.current = chart;
          // the option may have changed while ECharts was loading
          if (latest.current.option !== mounted) chart.update(resolveOption(latest.current.option), latest.current.geo);
          // Drop the server SVG rather than hide it: its element ids (gradients, clip paths) would
          // shadow the live chart's equal ids, and a later revalidation must not show stale figures.
          // React never rewrites it (its __html stays '' in the browser).
          if (ssrNode.current) ssrNode.current.innerHTML = '';
          setLive(true);
        })
        .catch(() => {
          // Without the live chart the server SVG stays: the page still shows its figures.
        });
    };
    const idle = typeof window.requestIdleCallback === 'function';
    const handle = idle ? window.requestIdleCallback(start, { timeout: 1500 }) : window.setTimeout(start, 50);
    const resize = new ResizeObserver(() => live.current?.resize());
    if (liveNode.current) resize.observe(liveNode.current);
    return () => {
      cancelled = true;
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      resize.disconnect();
      live.current?.dispose();
      live.current = null;
    };
  }, []);

  useEffect(() => {
    live.current?.update(resolveOption(option), latest.current.geo);
  }, [option]);

  const layer = { position: 'absolute', inset: 0 } as const;
  return (
    <figure
      className={className}
      data-chart={name}
      data-live={isLive ? 'true' : 'false'}
      aria-label={label}
      style={{ position: 'relative', width: '100%', aspectRatio: `${width} / ${height}`, margin: 0 }}
    >
      <div
        ref={ssrNode}
        className="chart-ssr"
        role="img"
        aria-label={label}
        style={{ ...layer, display: isLive ? 'none' : 'block' }}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' own SVG rendering of our option, whose text from the data it escapes (tests/e2e/hardening.spec.ts)
        dangerouslySetInnerHTML={{ __html: svg }}
        suppressHydrationWarning
      />
      <div className="chart-live" ref={liveNode} style={{ ...layer, visibility: isLive ? 'visible' : 'hidden' }} />
    </figure>
  );
}

/**
 * The Penagihan charts: the trend per month (visits and payments attributed), the outcome mix, and the
 * route map (points, route lines and desa names on longitude/latitude axes: no tile server). Pure
 * option builders; every text from the data is escaped in tooltips (escapeHtml).
 */
import type { Lang } from '../i18n/format';
import { formatMonth, formatNumber, formatRupiahCompact, formatRupiahFull } from '../i18n/format';
import { base, CHART_FONT_SIZE, escapeHtml, PALETTE, type EChartsOption } from './options';

/** Route colours, one per collector: each at least 4.5:1 on white. */
export const ROUTE_COLOURS = ['#1f6fb2', '#c62828', '#2e7d32', '#6a1b9a', '#b45309', '#00695c', '#37474f', '#ad1457'] as const;

export interface CollectionsTrendInput {
  rows: readonly { month: string; visits: number; attributed_14d: number }[];
  lang: Lang;
  labels: { visits: string; attributed: string };
}

/** Bars of visits per month (left axis), a line of payments attributed (right axis). */
export function buildCollectionsTrendOption({ rows, lang, labels }: CollectionsTrendInput): EChartsOption {
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 8, textStyle: { color: PALETTE.muted, fontSize: CHART_FONT_SIZE } },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.month),
      axisLabel: { color: PALETTE.muted, hideOverlap: true, formatter: (m: string) => formatMonth(m, lang, 'short') },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: [
      { type: 'value', axisLabel: { color: PALETTE.muted, formatter: (v: number) => formatNumber(v, lang) }, splitLine: { lineStyle: { color: PALETTE.grid } } },
      { type: 'value', axisLabel: { color: PALETTE.muted, hideOverlap: true, formatter: (v: number) => formatRupiahCompact(v, lang) }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: labels.visits,
        data: rows.map((r) => r.visits),
        itemStyle: { color: PALETTE.current },
        barMaxWidth: 24,
        tooltip: { valueFormatter: (v) => formatNumber(Number(v), lang) },
      },
      {
        type: 'line',
        name: labels.attributed,
        yAxisIndex: 1,
        data: rows.map((r) => r.attributed_14d),
        lineStyle: { width: 2.5, color: PALETTE.total },
        itemStyle: { color: PALETTE.total },
        tooltip: { valueFormatter: (v) => formatRupiahFull(Number(v), lang) },
      },
    ],
  };
}

export interface OutcomeMixInput {
  rows: readonly { name: string; visits: number }[];
  lang: Lang;
  seriesName: string;
}

/** Horizontal bars of visits per outcome, most on top, with the count and share as labels. */
export function buildOutcomeMixOption({ rows, lang, seriesName }: OutcomeMixInput): EChartsOption {
  const sorted = [...rows].sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name));
  const total = sorted.reduce((s, r) => s + r.visits, 0);
  return {
    ...base(),
    grid: { left: 8, right: 88, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'item', valueFormatter: (v) => formatNumber(Number(v), lang) },
    xAxis: { type: 'value', splitNumber: 3, axisLabel: { color: PALETTE.muted, hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) }, splitLine: { lineStyle: { color: PALETTE.grid } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.name),
      axisLabel: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: sorted.map((r) => r.visits),
        itemStyle: { color: PALETTE.bar, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          fontSize: CHART_FONT_SIZE,
          color: PALETTE.muted,
          formatter: (p) => `${formatNumber(Number(p.value), lang)} (${total > 0 ? Math.round((Number(p.value) / total) * 100) : 0}%)`,
        },
      },
    ],
  };
}

export interface RouteMapInput {
  base: { lat: number; lon: number };
  baseLabel: string;
  routes: readonly { name: string; stops: readonly { lat: number; lon: number; seq: number; label: string }[] }[];
  /** desa names at their stops' mean position */
  desa: readonly { name: string; lat: number; lon: number }[];
  lang: Lang;
}

/**
 * The routes on plain longitude/latitude axes (equal scale near the equator, where a degree of either
 * is about the same distance): each collector's stops and the closed line base → stops → base.
 */
export function buildRouteMapOption({ base: start, baseLabel, routes, desa }: RouteMapInput): EChartsOption {
  const lats = [start.lat, ...routes.flatMap((r) => r.stops.map((s) => s.lat))];
  const lons = [start.lon, ...routes.flatMap((r) => r.stops.map((s) => s.lon))];
  const pad = 0.004;
  const tooltipText = (p: { name?: string; seriesName?: string }) => `${escapeHtml(p.seriesName ?? '')}<br/>${escapeHtml(p.name ?? '')}`;
  const axis = (min: number, max: number) => ({
    type: 'value' as const,
    min: min - pad,
    max: max + pad,
    scale: true,
    axisLabel: { show: false },
    splitLine: { lineStyle: { color: PALETTE.grid } },
    axisTick: { show: false },
    axisLine: { show: false },
  });
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 36, bottom: 8 },
    legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 8, data: [...routes.map((r) => r.name), baseLabel], textStyle: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE } },
    tooltip: { trigger: 'item', formatter: (p) => tooltipText(p as { name?: string; seriesName?: string }) },
    xAxis: axis(Math.min(...lons), Math.max(...lons)),
    yAxis: axis(Math.min(...lats), Math.max(...lats)),
    series: [
      ...routes.flatMap((r, i) => {
        const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length];
        const path = [[start.lon, start.lat], ...r.stops.map((s) => [s.lon, s.lat]), [start.lon, start.lat]];
        return [
          { type: 'line' as const, name: r.name, data: path, showSymbol: false, silent: true, lineStyle: { color: colour, width: 1.5 }, itemStyle: { color: colour }, tooltip: { show: false } },
          {
            type: 'scatter' as const,
            name: r.name,
            symbolSize: 8,
            itemStyle: { color: colour },
            data: r.stops.map((s) => ({ value: [s.lon, s.lat], name: `${s.seq}. ${s.label}` })),
          },
        ];
      }),
      {
        type: 'scatter',
        name: baseLabel,
        symbol: 'rect',
        symbolSize: 12,
        itemStyle: { color: PALETTE.ink },
        data: [{ value: [start.lon, start.lat], name: baseLabel }],
      },
      {
        type: 'scatter',
        name: 'desa',
        symbolSize: 0,
        silent: true,
        tooltip: { show: false },
        label: { show: true, formatter: (p) => String((p.data as { name?: string }).name ?? ''), color: PALETTE.muted, fontSize: CHART_FONT_SIZE, position: 'top' },
        data: desa.map((d) => ({ name: d.name, value: [d.lon, d.lat] })),
      },
    ],
  };
}

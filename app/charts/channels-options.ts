/**
 * Chart options of the payment-channel pages: payments per month stacked by channel or category
 * (count or value, absolute or share), the online share heatmap (kecamatan or desa × month), and a
 * tiny trend line for a table row. Every text from the data is escaped in the tooltips.
 */
import type { Lang } from '../i18n';
import { formatMonth, formatNumber, formatPercent, formatRupiahCompact, formatRupiahFull } from '../i18n/format';
import { base, CHART_FONT_SIZE, escapeHtml, PALETTE, type EChartsOption } from './options';

export type Measure = 'count' | 'value';
export type Scale = 'absolute' | 'share';

/** Distinguishable series colours, each at least 3:1 against white. */
export const SERIES_COLOURS = ['#1f6fb2', '#d35400', '#2e7d32', '#8e44ad', '#c0392b', '#00838f', '#6d4c41', '#ad1457', '#546e7a', '#827717'] as const;

export interface StackSeries {
  name: string;
  /** one value per month, aligned with `months` */
  values: readonly number[];
}

export interface StackedInput {
  months: readonly string[];
  series: readonly StackSeries[];
  measure: Measure;
  scale: Scale;
  lang: Lang;
  colours?: readonly string[];
}

/** Each month's values as shares of that month's total (0 when the month has none). */
export function monthShares(series: readonly StackSeries[], months: number): number[][] {
  const totals = Array.from({ length: months }, (_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  return series.map((x) => x.values.map((v, i) => (totals[i] > 0 ? v / totals[i] : 0)));
}

function formatValue(v: number, measure: Measure, scale: Scale, lang: Lang, compact: boolean): string {
  if (scale === 'share') return formatPercent(v, lang);
  if (measure === 'value') return compact ? formatRupiahCompact(v, lang) : formatRupiahFull(v, lang);
  return formatNumber(v, lang);
}

const yearLabels = (months: readonly string[]) => {
  const years = new Set(months.map((m) => m.slice(0, 4))).size;
  const step = years > 10 ? 2 : 1;
  return {
    color: PALETTE.muted,
    interval: (_i: number, value: string) =>
      months.length <= 24 || (value.endsWith('-01') && (Number(value.slice(0, 4)) - Number(months[0].slice(0, 4))) % step === 0),
    formatter: (value: string) => (months.length <= 24 ? value.slice(2) : value.slice(0, 4)),
  };
};

type TooltipParam = { seriesName?: string; value?: unknown; axisValue?: unknown; marker?: unknown };

/** Stacked bars per month; the tooltip lists each series with its value (names escaped). */
export function buildStackedOption(input: StackedInput): EChartsOption {
  const { months, measure, scale, lang } = input;
  const colours = input.colours ?? SERIES_COLOURS;
  const data = scale === 'share' ? monthShares(input.series, months.length) : input.series.map((s) => [...s.values]);
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, type: 'scroll', itemWidth: 14, itemHeight: 8, textStyle: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
        const head = escapeHtml(formatMonth(String(params[0]?.axisValue ?? ''), lang));
        const lines = params.map((p) => `${escapeHtml(String(p.seriesName ?? ''))}: ${escapeHtml(formatValue(Number(p.value), measure, scale, lang, false))}`);
        return [head, ...lines].join('<br>');
      },
    },
    xAxis: { type: 'category', data: [...months], axisLabel: yearLabels(months), axisTick: { show: false }, axisLine: { lineStyle: { color: PALETTE.grid } } },
    yAxis: {
      type: 'value',
      max: scale === 'share' ? 1 : undefined,
      axisLabel: { color: PALETTE.muted, hideOverlap: true, formatter: (v: number) => formatValue(v, measure, scale, lang, true) },
      splitLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: input.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      stack: 'all',
      data: data[i],
      barCategoryGap: '10%',
      itemStyle: { color: colours[i % colours.length] },
    })),
  };
}

export interface HeatmapInput {
  months: readonly string[];
  /** rows from top to bottom: a code, its name, and one online share (0–1) per month, null when nothing was paid */
  rows: readonly { code: string; name: string; shares: readonly (number | null)[] }[];
  lang: Lang;
}

const HEAT_COLOURS = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

/** The online share of each area (row) and month (column); a click on a row's cell opens its desa. */
export function buildHeatmapOption(input: HeatmapInput): EChartsOption {
  const { months, rows, lang } = input;
  // each cell is named by its row's code: a click on it opens that area (Chart's hrefs)
  const data: { name: string; value: [number, number, number | '-'] }[] = [];
  for (const [y, r] of rows.entries()) for (const [x, v] of r.shares.entries()) data.push({ name: r.code, value: [x, y, v === null ? '-' : v] });
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 8, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      formatter: (raw: unknown) => {
        const p = raw as { value?: [number, number, number | '-'] };
        const [x, y, v] = p.value ?? [0, 0, '-'];
        const row = rows[y];
        return `${escapeHtml(row?.name ?? '')} · ${escapeHtml(formatMonth(months[x] ?? '', lang))}<br>${escapeHtml(v === '-' ? '–' : formatPercent(v, lang))}`;
      },
    },
    xAxis: { type: 'category', data: [...months], axisLabel: yearLabels(months), axisTick: { show: false }, splitArea: { show: false } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE }, axisTick: { show: false } },
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      textStyle: { color: PALETTE.muted, fontSize: CHART_FONT_SIZE },
      formatter: (v: unknown) => formatPercent(Number(v), lang, 0),
      inRange: { color: HEAT_COLOURS },
    },
    series: [{ type: 'heatmap', data, cursor: 'pointer', emphasis: { itemStyle: { borderColor: PALETTE.ink, borderWidth: 1 } } }],
  };
}

/** The points of a trend line of `values` in a width × height box (the highest value at the top). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - ((v - min) / span) * (height - 2)).toFixed(1)}`)
    .join(' ');
}

/**
 * Pure ECharts option builders: data and already-translated labels in, an option object out. They run
 * on the server (for the SVG in the HTML) and in the browser (for the live chart), so they import
 * nothing from ECharts at run time, only its types. Formatter functions are fine: options never travel
 * as JSON, each side builds its own.
 *
 * A tooltip formatter's string is HTML (ECharts sets it as innerHTML): every text in it passes through
 * escapeHtml. Label and axis formatters return plain text that ECharts draws as SVG/canvas text, never
 * parsed as HTML; ECharts' own tooltips (valueFormatter only) escape names themselves.
 */
import type { EChartsOption } from 'echarts';
import { formatMonth, formatPercent, formatRupiahCompact, formatRupiahFull, type Lang } from '../i18n/format';
import { monthsFromTo } from '../../etl/domain/period';

export type { EChartsOption };

export interface MonthValue {
  month: string;
  value: number;
}

/** The dashboard's palette: calm blues for levels, red for what adds to the arrears, green for what removes it. */
export const PALETTE = {
  ink: '#1b2a3a',
  // text colours: at least 4.5:1 on white (WCAG AA)
  muted: '#5b6b75',
  grid: '#e3e8ee',
  total: '#0b3d66',
  current: '#4a90c2',
  legacy: '#d98c5f',
  target: '#2e7d32',
  projection: '#e65100',
  increase: '#c62828',
  decrease: '#2e7d32',
  level: '#0b3d66',
  bar: '#1f6fb2',
  choropleth: ['#fff4e6', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'],
} as const;

/** The smallest text a chart draws, in px: the dashboard's minimum for legible text. */
export const CHART_FONT_SIZE = 12;

const TEXT = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: PALETTE.ink, fontSize: CHART_FONT_SIZE };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML tooltip: a kecamatan named `<img onerror=…>` stays text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

export function base(): EChartsOption {
  return { animation: false, textStyle: TEXT, backgroundColor: 'transparent' };
}

export const rupiahAxis = (lang: Lang) => ({
  type: 'value' as const,
  axisLabel: { formatter: (v: number) => formatRupiahCompact(v, lang), color: PALETTE.muted },
  splitLine: { lineStyle: { color: PALETTE.grid } },
});

/** A value axis whose tick labels leave out those that would run into others (12-px labels in a narrow chart). */
export const legibleAxis = (lang: Lang) => {
  const axis = rupiahAxis(lang);
  return { ...axis, axisLabel: { ...axis.axisLabel, hideOverlap: true } };
};

// ---------------------------------------------------------------------------------------------------
// Trend

export interface TrendInput {
  /** arrears at each month end, oldest first */
  total: readonly MonthValue[];
  /** the legacy part (overdue more than 12 months) at each month end */
  legacy?: readonly MonthValue[];
  /** the admin's reduction target as a straight path from the base month to the target month */
  targetLine?: readonly MonthValue[];
  /** the recent trend carried forward to the target month */
  projectionLine?: readonly MonthValue[];
  asOfMonth: string;
  labels: { total: string; legacy: string; target: string; projection: string };
  lang: Lang;
}

/** Every month from the first to the last month of the given series, inclusive. */
export function monthRange(...series: (readonly MonthValue[] | undefined)[]): string[] {
  const all = series.flatMap((s) => (s ?? []).map((p) => p.month)).sort();
  return all.length === 0 ? [] : monthsFromTo(all[0], all[all.length - 1]);
}

function aligned(months: readonly string[], series: readonly MonthValue[] | undefined): (number | null)[] {
  const byMonth = new Map((series ?? []).map((p) => [p.month, p.value]));
  return months.map((m) => byMonth.get(m) ?? null);
}

export function buildTrendOption(input: TrendInput): EChartsOption {
  const { lang, labels } = input;
  const months = monthRange(input.total, input.targetLine, input.projectionLine);
  const years = new Set(months.map((m) => m.slice(0, 4))).size;
  const yearStep = years > 10 ? 2 : 1;
  const series: EChartsOption['series'] = [
    {
      type: 'line',
      name: labels.total,
      data: aligned(months, input.total),
      showSymbol: false,
      lineStyle: { width: 2.5, color: PALETTE.total },
      itemStyle: { color: PALETTE.total },
      areaStyle: { color: PALETTE.current, opacity: 0.18 },
      z: 3,
      markLine: {
        symbol: 'none',
        silent: true,
        label: { show: false },
        lineStyle: { color: PALETTE.muted, type: 'dotted' },
        data: [{ xAxis: input.asOfMonth }],
      },
    },
  ];
  if (input.legacy?.length) {
    series.push({
      type: 'line',
      name: labels.legacy,
      data: aligned(months, input.legacy),
      showSymbol: false,
      lineStyle: { width: 1, color: PALETTE.legacy },
      itemStyle: { color: PALETTE.legacy },
      areaStyle: { color: PALETTE.legacy, opacity: 0.35 },
      z: 2,
    });
  }
  if (input.targetLine?.length) {
    series.push({
      type: 'line',
      name: labels.target,
      data: aligned(months, input.targetLine),
      showSymbol: false,
      lineStyle: { width: 2, type: 'dashed', color: PALETTE.target },
      itemStyle: { color: PALETTE.target },
      z: 4,
    });
  }
  if (input.projectionLine?.length) {
    series.push({
      type: 'line',
      name: labels.projection,
      data: aligned(months, input.projectionLine),
      showSymbol: false,
      lineStyle: { width: 2, type: 'dashed', color: PALETTE.projection },
      itemStyle: { color: PALETTE.projection },
      z: 4,
    });
  }
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 8, textStyle: { color: PALETTE.muted, fontSize: CHART_FONT_SIZE } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatRupiahFull(v, lang) : '–'),
    },
    xAxis: {
      type: 'category',
      data: months,
      boundaryGap: false,
      axisLabel: {
        color: PALETTE.muted,
        interval: (_i: number, value: string) =>
          value.endsWith('-01') && (Number(value.slice(0, 4)) - Number(months[0].slice(0, 4))) % yearStep === 0,
        formatter: (value: string) => value.slice(0, 4),
      },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisPointer: { label: { formatter: (p) => formatMonth(String(p.value), lang) } },
    },
    yAxis: legibleAxis(lang),
    series,
  };
}

// ---------------------------------------------------------------------------------------------------
// Waterfall

export interface WaterfallInput {
  steps: readonly { label: string; amount: number; kind: 'level' | 'increase' | 'decrease' }[];
  lang: Lang;
}

export interface WaterfallBar {
  label: string;
  /** the invisible part below the bar */
  base: number;
  /** the visible bar's height (always ≥ 0) */
  height: number;
  color: string;
  /** the signed amount the bar stands for */
  amount: number;
}

/**
 * Levels stand on zero; an increase starts at the running total and rises; a decrease ends at the
 * running total after it. So the top of each bar is where the arrears stood after that step.
 */
export function waterfallBars(steps: WaterfallInput['steps']): WaterfallBar[] {
  let running = 0;
  return steps.map((s) => {
    if (s.kind === 'level') {
      running = s.amount;
      return { label: s.label, base: Math.min(0, s.amount), height: Math.abs(s.amount), color: PALETTE.level, amount: s.amount };
    }
    const before = running;
    running += s.amount;
    return {
      label: s.label,
      base: Math.min(before, running),
      height: Math.abs(s.amount),
      color: s.amount < 0 ? PALETTE.decrease : PALETTE.increase,
      amount: s.amount,
    };
  });
}

/**
 * When the opening and closing levels dwarf the month's flows (arrears of billions moving by
 * millions), the value axis gets a break between a stub near zero and just below the lowest running
 * total, so the flows are readable and the levels still visibly start at zero. Null when not needed.
 */
export function waterfallBreak(bars: readonly WaterfallBar[]): { start: number; end: number } | null {
  if (bars.length === 0) return null;
  // the lowest point that matters: a level's top, or the bottom of a floating change
  const lo = Math.min(...bars.map((b) => (b.color === PALETTE.level ? b.base + b.height : b.base)));
  const hi = Math.max(...bars.map((b) => b.base + b.height));
  const span = hi - lo;
  if (!(lo > 0) || lo < 3 * Math.max(span, 1)) return null;
  // round down to two significant digits (15.2 M → 15 M), so the break ends close below the flows
  const nice = (v: number) => {
    const step = 10 ** (Math.floor(Math.log10(v)) - 1);
    return Math.floor(v / step) * step;
  };
  const start = nice(lo * 0.08);
  const end = nice(lo - span * 0.5);
  return end > start ? { start, end } : null;
}

/**
 * A horizontal waterfall (steps top to bottom, so long labels such as "Tertagih: tim penagihan" stay
 * readable): each change floats between the running totals before and after it, the levels stand on
 * zero, and the value axis breaks when the levels dwarf the changes.
 */
export function buildWaterfallOption(input: WaterfallInput): EChartsOption {
  const { lang } = input;
  const bars = waterfallBars(input.steps);
  const axisBreak = waterfallBreak(bars);
  const text = (b: WaterfallBar, i: number) =>
    input.steps[i].kind === 'level' ? formatRupiahCompact(b.amount, lang) : formatRupiahCompact(b.amount, lang, { signed: true });
  return {
    ...base(),
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const i = (p as { dataIndex: number }).dataIndex;
        return `${escapeHtml(bars[i].label)}<br/><b>${escapeHtml(formatRupiahFull(bars[i].amount, lang, { signed: input.steps[i].kind !== 'level' }))}</b>`;
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisLabel: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    xAxis: {
      ...legibleAxis(lang),
      scale: false,
      splitNumber: 4,
      ...(axisBreak
        ? {
            breaks: [{ start: axisBreak.start, end: axisBreak.end, gap: '8%' }],
            breakArea: {
              itemStyle: { opacity: 1, color: '#f4f6f8', borderColor: PALETTE.muted, borderWidth: 1, borderType: 'dashed' },
              expandOnClick: false,
            },
          }
        : {}),
    },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        tooltip: { show: false },
        data: bars.map((b) => b.base),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: 22,
        data: bars.map((b, i) => ({ value: b.height, itemStyle: { color: b.color }, label: { formatter: () => text(b, i) } })),
        label: { show: true, position: 'right', fontSize: CHART_FONT_SIZE, color: PALETTE.ink },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Bars by area (kecamatan)

export interface BarInput {
  rows: readonly { name: string; value: number }[];
  lang: Lang;
  /** the value's series name, shown in the tooltip */
  seriesName: string;
}

/** Horizontal bars, largest on top (rows are sorted here by value, then name). */
export function buildBarOption(input: BarInput): EChartsOption {
  const { lang } = input;
  const rows = [...input.rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  return {
    ...base(),
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'item', valueFormatter: (v) => formatRupiahFull(Number(v), lang) },
    xAxis: { ...legibleAxis(lang), splitNumber: 3 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        data: rows.map((r) => r.value),
        itemStyle: { color: PALETTE.bar, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        cursor: 'pointer',
        label: {
          show: true,
          position: 'right',
          fontSize: CHART_FONT_SIZE,
          color: PALETTE.muted,
          formatter: (p) => formatRupiahCompact(Number(p.value), lang),
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Map

export interface MapArea {
  code: string;
  name: string;
  value: number;
  /** centroid, for the bubbles when no boundary file is configured */
  lat: number | null;
  lon: number | null;
}

export interface MapInput {
  areas: readonly MapArea[];
  lang: Lang;
  seriesName: string;
  /** the registered map name (see Chart's `geo` prop) when boundaries are configured; else bubbles */
  mapName?: string;
  /** [lon, lat] of every desa, drawn faintly under the bubbles to show the shape of the area */
  context?: readonly (readonly [number, number])[];
  width: number;
  height: number;
}

/** Bubble radius in px: area proportional to the value, the largest `max` px. */
export function bubbleSize(value: number, maxValue: number, max = 36, min = 5): number {
  if (maxValue <= 0 || value <= 0) return min;
  return Math.max(min, Math.sqrt(value / maxValue) * max);
}

export function buildMapOption(input: MapInput): EChartsOption {
  const { lang } = input;
  const maxValue = Math.max(0, ...input.areas.map((a) => a.value));
  const nameByCode = new Map(input.areas.map((a) => [a.code, a.name]));
  const tooltip = {
    trigger: 'item' as const,
    formatter: (p: unknown) => {
      const { name, value, data } = p as { name: string; value: unknown; data?: { areaName?: string; amount?: number } };
      const amount = data?.amount ?? (typeof value === 'number' ? value : 0);
      return `${escapeHtml(data?.areaName ?? nameByCode.get(name) ?? name)}<br/><b>${escapeHtml(formatRupiahFull(amount, lang))}</b>`;
    },
  };
  if (input.mapName) {
    return {
      ...base(),
      tooltip,
      visualMap: {
        type: 'continuous',
        min: 0,
        max: maxValue || 1,
        left: 8,
        bottom: 8,
        itemHeight: 90,
        itemWidth: 10,
        calculable: false,
        inRange: { color: [...PALETTE.choropleth] },
        text: [formatRupiahCompact(maxValue, lang), formatRupiahCompact(0, lang)],
        textStyle: { color: PALETTE.muted, fontSize: CHART_FONT_SIZE },
      },
      series: [
        {
          type: 'map',
          map: input.mapName,
          name: input.seriesName,
          nameProperty: 'code',
          roam: false,
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#eef1f4' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd54f' } },
          select: { disabled: true },
          label: {
            show: true,
            fontSize: CHART_FONT_SIZE,
            textBorderColor: '#ffffff',
            textBorderWidth: 3,
            color: PALETTE.ink,
            formatter: (p: { name: string }) => nameByCode.get(p.name) ?? '',
          },
          data: input.areas.map((a) => ({ name: a.code, value: a.value, areaName: a.name, amount: a.value })),
        },
      ],
    };
  }
  // Bubbles at the centroids on equal-scale longitude/latitude axes (near the equator a degree is
  // about as long either way), padded so the plot keeps the chart's aspect ratio.
  const located = input.areas.filter((a) => a.lat !== null && a.lon !== null);
  const context = input.context ?? [];
  const lons = [...located.map((a) => a.lon as number), ...context.map((p) => p[0])];
  const lats = [...located.map((a) => a.lat as number), ...context.map((p) => p[1])];
  const pad = 0.04;
  let [x0, x1] = [Math.min(...lons) - pad, Math.max(...lons) + pad];
  let [y0, y1] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
  if (lons.length === 0) [x0, x1, y0, y1] = [0, 1, 0, 1];
  const ratio = input.width / input.height;
  const [dx, dy] = [x1 - x0, y1 - y0];
  if (dx / dy < ratio) {
    const grow = (dy * ratio - dx) / 2;
    [x0, x1] = [x0 - grow, x1 + grow];
  } else {
    const grow = (dx / ratio - dy) / 2;
    [y0, y1] = [y0 - grow, y1 + grow];
  }
  const hidden = { show: false };
  return {
    ...base(),
    tooltip,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', min: x0, max: x1, axisLabel: hidden, axisLine: hidden, axisTick: hidden, splitLine: hidden },
    yAxis: { type: 'value', min: y0, max: y1, axisLabel: hidden, axisLine: hidden, axisTick: hidden, splitLine: hidden },
    series: [
      ...(context.length
        ? [
            {
              type: 'scatter' as const,
              silent: true,
              tooltip: { show: false },
              symbolSize: 4,
              itemStyle: { color: '#c5ced8' },
              data: context.map((p) => [p[0], p[1]]),
              // one path for all the dots instead of one element each (a much smaller SVG)
              large: true,
              largeThreshold: 1,
              z: 1,
            },
          ]
        : []),
      {
        type: 'scatter',
        name: input.seriesName,
        cursor: 'pointer',
        z: 2,
        data: located.map((a) => ({
          name: a.code,
          value: [a.lon as number, a.lat as number],
          symbolSize: bubbleSize(a.value, maxValue),
          areaName: a.name,
          amount: a.value,
        })),
        itemStyle: { color: PALETTE.projection, opacity: 0.55, borderColor: '#8a2a00', borderWidth: 1 },
        label: {
          show: true,
          position: 'bottom',
          fontSize: CHART_FONT_SIZE,
          // a white halo keeps the names readable over the bubbles and the desa dots; opaque, unlike the bubbles
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
          opacity: 1,
          color: PALETTE.ink,
          formatter: (p: { name: string }) => nameByCode.get(p.name) ?? p.name,
        },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Age buckets

export interface AgeInput {
  rows: readonly { bucket: string; label: string; arrears: number; current: boolean }[];
  lang: Lang;
  seriesName: string;
  /** arrears share shown above each bar when true */
  showShare?: boolean;
}

export function buildAgeOption(input: AgeInput): EChartsOption {
  const { lang } = input;
  const total = input.rows.reduce((s, r) => s + r.arrears, 0);
  return {
    ...base(),
    grid: { left: 8, right: 8, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'item', valueFormatter: (v) => formatRupiahFull(Number(v), lang) },
    xAxis: {
      type: 'category',
      data: input.rows.map((r) => r.label),
      axisLabel: { interval: 0, color: PALETTE.muted, fontSize: CHART_FONT_SIZE },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    yAxis: legibleAxis(lang),
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        barMaxWidth: 44,
        data: input.rows.map((r) => ({ value: r.arrears, itemStyle: { color: r.current ? PALETTE.current : PALETTE.legacy } })),
        label: {
          show: true,
          position: 'top',
          fontSize: CHART_FONT_SIZE,
          color: PALETTE.muted,
          formatter: (p) =>
            input.showShare && total > 0 ? formatPercent(Number(p.value) / total, lang, 0) : formatRupiahCompact(Number(p.value), lang),
        },
      },
    ],
  };
}

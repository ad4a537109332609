/** The arrears drill-down's chart: each area's arrears as a bar stacked by age bucket, youngest first. */
import { AGE_BUCKETS } from '../../etl/domain/aging';
import type { Lang } from '../i18n';
import { formatRupiahFull } from '../i18n/format';
import { base, CHART_FONT_SIZE, escapeHtml, legibleAxis, PALETTE, type EChartsOption } from './options';

/** Blues for the current buckets (up to 12 months), oranges to brown for the older ones. */
export const AGE_COLOURS: Readonly<Record<string, string>> = {
  '1': '#9ecae1',
  '2': '#6baed6',
  '3': '#4292c6',
  '4-6': '#2171b5',
  '7-12': '#08519c',
  '13-24': '#fdae6b',
  '25-60': '#e6550d',
  '>60': '#8c2d04',
};

export interface AreaAgeInput {
  /** the areas, in the order to draw them (largest first) */
  areas: readonly { code: string; name: string }[];
  byAge: readonly { code: string; bucket: string; arrears: number }[];
  /** a bucket's label as text (`13-24` → `1–2 thn`) */
  bucketText: (bucket: string) => string;
  lang: Lang;
}

/** Horizontal bars, one per area, stacked by age bucket; the tooltip names the area and every bucket. */
export function buildAreaAgeOption(input: AreaAgeInput): EChartsOption {
  const { lang, areas } = input;
  const amount = (code: string, bucket: string) => input.byAge.find((r) => r.code === code && r.bucket === bucket)?.arrears ?? 0;
  const buckets = AGE_BUCKETS.map((b) => b.label).filter((b) => input.byAge.some((r) => r.bucket === b));
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: PALETTE.muted, fontSize: CHART_FONT_SIZE } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        const area = escapeHtml(String(items[0]?.name ?? ''));
        const lines = items
          .filter((p) => Number(p.value) !== 0)
          .map((p) => `${escapeHtml(String(p.seriesName))}: ${escapeHtml(formatRupiahFull(Number(p.value), lang))}`);
        return [`<strong>${area}</strong>`, ...lines].join('<br>');
      },
    },
    xAxis: { ...legibleAxis(lang), splitNumber: 3 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: areas.map((a) => a.name),
      axisLabel: { color: PALETTE.ink, fontSize: CHART_FONT_SIZE },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
    },
    series: buckets.map((bucket) => ({
      type: 'bar' as const,
      name: input.bucketText(bucket),
      stack: 'age',
      data: areas.map((a) => amount(a.code, bucket)),
      itemStyle: { color: AGE_COLOURS[bucket] ?? PALETTE.bar },
      barMaxWidth: 18,
      cursor: 'pointer',
      emphasis: { focus: 'series' as const },
    })),
    aria: { enabled: true },
  };
}

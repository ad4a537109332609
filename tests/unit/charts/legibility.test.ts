/**
 * Every chart's text is legible: no font under 12 px and every text colour at least 4.5:1 against the
 * white panel the charts sit on (WCAG AA), whichever option builder drew it.
 */
import { describe, expect, it } from 'vitest';
import {
  CHART_FONT_SIZE,
  buildAgeOption,
  buildBarOption,
  buildMapOption,
  buildTrendOption,
  buildWaterfallOption,
  type EChartsOption,
} from '../../../app/charts/options';
import { renderChartSvg } from '../../../app/charts/render.server';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** Every { fontSize, color } of the option's text styles (axis labels, legends, series labels, the global style). */
function textStyles(option: unknown, path = 'option'): { path: string; fontSize?: unknown; color?: unknown }[] {
  if (Array.isArray(option)) return option.flatMap((v, i) => textStyles(v, `${path}[${i}]`));
  if (!option || typeof option !== 'object') return [];
  const out: { path: string; fontSize?: unknown; color?: unknown }[] = [];
  for (const [key, value] of Object.entries(option)) {
    const here = `${path}.${key}`;
    if (/^(textStyle|axisLabel|label)$/.test(key) && value && typeof value === 'object') {
      const v = value as { fontSize?: unknown; color?: unknown };
      out.push({ path: here, fontSize: v.fontSize, color: v.color });
    }
    out.push(...textStyles(value, here));
  }
  return out;
}

const lang = 'id' as const;
const OPTIONS: Record<string, EChartsOption> = {
  trend: buildTrendOption({
    total: [{ month: '2024-12', value: 90 }],
    legacy: [{ month: '2024-12', value: 40 }],
    targetLine: [{ month: '2025-02', value: 70 }],
    projectionLine: [{ month: '2025-02', value: 75 }],
    asOfMonth: '2024-12',
    labels: { total: 'Tunggakan', legacy: 'Lama', target: 'Target', projection: 'Proyeksi' },
    lang,
  }),
  waterfall: buildWaterfallOption({
    steps: [
      { label: 'Awal', amount: 100, kind: 'level' },
      { label: 'Tertagih', amount: -10, kind: 'decrease' },
      { label: 'Akhir', amount: 90, kind: 'level' },
    ],
    lang,
  }),
  bar: buildBarOption({ rows: [{ name: 'Curup', value: 10 }], lang, seriesName: 'Tunggakan' }),
  choropleth: buildMapOption({
    areas: [{ code: '17.02.09', name: 'Curup', value: 10, lat: -3.47, lon: 102.52 }],
    lang,
    seriesName: 'Tunggakan',
    mapName: 'kecamatan',
    width: 400,
    height: 300,
  }),
  bubbles: buildMapOption({ areas: [{ code: '17.02.09', name: 'Curup', value: 10, lat: -3.47, lon: 102.52 }], lang, seriesName: 'Tunggakan', width: 400, height: 300 }),
  age: buildAgeOption({ rows: [{ bucket: '1', label: '1 bln', arrears: 10, current: true }], lang, seriesName: 'Tunggakan' }),
};

describe('chart text', () => {
  for (const [name, option] of Object.entries(OPTIONS)) {
    it(`${name}: no text under ${CHART_FONT_SIZE} px, every text colour AA on white`, () => {
      const styles = textStyles(option);
      expect(styles.length).toBeGreaterThan(0);
      for (const s of styles) {
        if (s.fontSize !== undefined) expect(s.fontSize, s.path).toBeGreaterThanOrEqual(12);
        if (typeof s.color === 'string') expect(contrastOnWhite(s.color), `${s.path} ${s.color}`).toBeGreaterThanOrEqual(4.5);
      }
      expect((option.textStyle as { fontSize?: number }).fontSize).toBeGreaterThanOrEqual(12);
    });
  }
});

describe('chart text as drawn (server SVG)', () => {
  // the choropleth needs registered boundaries: its text styles are checked above
  for (const [name, option] of Object.entries(OPTIONS).filter(([n]) => n !== 'choropleth')) {
    it(`${name}: every text at least 12 px, opaque, in an AA colour`, () => {
      const texts = renderChartSvg(option, 480, 300).match(/<text[^>]*>/g) ?? [];
      expect(texts.length).toBeGreaterThan(0);
      for (const tag of texts) {
        expect(Number(/font-size:([\d.]+)px/.exec(tag)?.[1]), tag).toBeGreaterThanOrEqual(12);
        const opacity = /fill-opacity="([\d.]+)"/.exec(tag)?.[1];
        if (opacity !== undefined) expect(Number(opacity), tag).toBe(1);
        const fill = /fill="(#[0-9a-fA-F]{6})"/.exec(tag)?.[1];
        if (fill) expect(contrastOnWhite(fill), tag).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});

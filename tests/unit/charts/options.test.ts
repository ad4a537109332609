import { describe, expect, it } from 'vitest';
import {
  PALETTE,
  bubbleSize,
  buildAgeOption,
  buildBarOption,
  buildMapOption,
  buildTrendOption,
  buildWaterfallOption,
  monthRange,
  waterfallBars,
  waterfallBreak,
} from '../../../app/charts/options';

// Options are loosely typed unions; tests read them as plain objects.
// biome-ignore lint/suspicious/noExplicitAny: option unions read as plain objects in assertions
type Loose = Record<string, any>;
const loose = (o: unknown) => o as Loose;

describe('monthRange', () => {
  it('fills every month between the first and the last of all series', () => {
    expect(monthRange([{ month: '2024-11', value: 1 }], [{ month: '2025-02', value: 2 }])).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange([])).toEqual([]);
  });
});

describe('buildTrendOption', () => {
  const option = loose(
    buildTrendOption({
      total: [
        { month: '2024-11', value: 100 },
        { month: '2024-12', value: 90 },
      ],
      legacy: [{ month: '2024-12', value: 40 }],
      targetLine: [
        { month: '2024-12', value: 90 },
        { month: '2025-02', value: 70 },
      ],
      projectionLine: [{ month: '2025-02', value: 75 }],
      asOfMonth: '2024-12',
      labels: { total: 'Tunggakan', legacy: 'Lama', target: 'Target', projection: 'Proyeksi' },
      lang: 'id',
    })
  );

  it('puts every series on one month axis, with gaps where a series has no value', () => {
    expect(option.xAxis.data).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(option.series.map((s: Loose) => s.name)).toEqual(['Tunggakan', 'Lama', 'Target', 'Proyeksi']);
    expect(option.series[0].data).toEqual([100, 90, null, null]);
    expect(option.series[1].data).toEqual([null, 40, null, null]);
    expect(option.series[2].data).toEqual([null, 90, null, 70]);
    expect(option.series[3].data).toEqual([null, null, null, 75]);
  });

  it('draws the target and the projection dashed, and marks the as-of month', () => {
    expect(option.series[2].lineStyle.type).toBe('dashed');
    expect(option.series[3].lineStyle.type).toBe('dashed');
    expect(option.series[0].markLine.data).toEqual([{ xAxis: '2024-12' }]);
  });

  it('is static (server SVG) and formats the axis in Rupiah', () => {
    expect(option.animation).toBe(false);
    expect(option.yAxis.axisLabel.formatter(8_023_456_789)).toBe('Rp8,02 M');
    expect(option.xAxis.axisLabel.interval(0, '2025-01')).toBe(true);
    expect(option.xAxis.axisLabel.interval(0, '2025-02')).toBe(false);
  });

  it('leaves out the target and projection when there is no target', () => {
    const plain = loose(
      buildTrendOption({
        total: [{ month: '2024-11', value: 1 }],
        asOfMonth: '2024-11',
        labels: { total: 'A', legacy: 'B', target: 'C', projection: 'D' },
        lang: 'en',
      })
    );
    expect(plain.series).toHaveLength(1);
    expect(plain.yAxis.axisLabel.formatter(2_500_000)).toBe('Rp2.5M');
  });
});

describe('waterfall', () => {
  const steps = [
    { label: 'Awal', amount: 1_000, kind: 'level' as const },
    { label: 'Baru', amount: 300, kind: 'increase' as const },
    { label: 'Loket', amount: -200, kind: 'decrease' as const },
    { label: 'Kolektor', amount: -100, kind: 'decrease' as const },
    { label: 'Hapus', amount: -50, kind: 'decrease' as const },
    { label: 'Akhir', amount: 950, kind: 'level' as const },
  ];

  it('floats each change between the running totals before and after it', () => {
    const bars = waterfallBars(steps);
    expect(bars.map((b) => [b.base, b.height])).toEqual([
      [0, 1_000],
      [1_000, 300],
      [1_100, 200],
      [1_000, 100],
      [950, 50],
      [0, 950],
    ]);
    expect(bars.map((b) => b.color)).toEqual([PALETTE.level, PALETTE.increase, PALETTE.decrease, PALETTE.decrease, PALETTE.decrease, PALETTE.level]);
  });

  it('stacks an invisible base under the visible bar', () => {
    const option = loose(buildWaterfallOption({ steps, lang: 'id' }));
    expect(option.yAxis.data).toEqual(['Awal', 'Baru', 'Loket', 'Kolektor', 'Hapus', 'Akhir']);
    expect(option.yAxis.inverse).toBe(true); // first step on top
    expect(option.series[0].itemStyle.color).toBe('transparent');
    expect(option.series[0].data).toEqual([0, 1_000, 1_100, 1_000, 950, 0]);
    expect(option.series[1].data.map((d: Loose) => d.value)).toEqual([1_000, 300, 200, 100, 50, 950]);
    expect(option.series[0].stack).toBe(option.series[1].stack);
    expect(option.series[1].data[2].label.formatter()).toBe('-Rp200');
    expect(option.series[1].data[1].label.formatter()).toBe('+Rp300');
  });
});

describe('buildBarOption', () => {
  it('sorts the areas by amount, largest on top', () => {
    const option = loose(
      buildBarOption({
        rows: [
          { name: 'Curup Timur', value: 20 },
          { name: 'Curup', value: 50 },
          { name: 'Binduriang', value: 20 },
        ],
        lang: 'id',
        seriesName: 'Tunggakan',
      })
    );
    expect(option.yAxis.data).toEqual(['Curup', 'Binduriang', 'Curup Timur']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series[0].data).toEqual([50, 20, 20]);
  });
});

describe('buildMapOption', () => {
  const areas = [
    { code: '17.02.09', name: 'Curup', value: 400, lat: -3.473, lon: 102.5167 },
    { code: '17.02.07', name: 'Padang Ulak Tanding', value: 100, lat: -3.3621, lon: 102.7499 },
    { code: '17.02.99', name: 'Tanpa koordinat', value: 5, lat: null, lon: null },
  ];

  it('draws a choropleth keyed by the area code when boundaries are registered', () => {
    const option = loose(buildMapOption({ areas, lang: 'id', seriesName: 'Tunggakan', mapName: 'kecamatan', width: 400, height: 300 }));
    expect(option.series[0].type).toBe('map');
    expect(option.series[0].map).toBe('kecamatan');
    expect(option.series[0].nameProperty).toBe('code');
    expect(option.series[0].data.map((d: Loose) => [d.name, d.value])).toEqual([
      ['17.02.09', 400],
      ['17.02.07', 100],
      ['17.02.99', 5],
    ]);
    expect(option.visualMap.max).toBe(400);
    expect(option.series[0].label.formatter({ name: '17.02.07' })).toBe('Padang Ulak Tanding');
  });

  it('otherwise draws bubbles at the centroids, area proportional to the amount', () => {
    const option = loose(buildMapOption({ areas, lang: 'id', seriesName: 'Tunggakan', width: 400, height: 300 }));
    expect(option.series[0].type).toBe('scatter');
    const data = option.series[0].data;
    expect(data).toHaveLength(2); // no coordinates, no bubble
    expect(data[0].value).toEqual([102.5167, -3.473]);
    expect(data[0].symbolSize / data[1].symbolSize).toBeCloseTo(2, 6); // √(400/100)
    // the plotted extent keeps the chart's 4:3 aspect so degrees are square
    const dx = option.xAxis.max - option.xAxis.min;
    const dy = option.yAxis.max - option.yAxis.min;
    expect(dx / dy).toBeCloseTo(400 / 300, 6);
    expect(option.xAxis.min).toBeLessThan(102.5167);
    expect(option.yAxis.max).toBeGreaterThan(-3.3621);
  });

  it('draws the desa faintly under the bubbles and keeps them in the extent', () => {
    const option = loose(buildMapOption({ areas, lang: 'id', seriesName: 'x', width: 400, height: 300, context: [[102.3, -3.6]] }));
    expect(option.series).toHaveLength(2);
    expect(option.series[0].silent).toBe(true);
    expect(option.series[0].data).toEqual([[102.3, -3.6]]);
    expect(option.xAxis.min).toBeLessThan(102.3);
    expect(option.yAxis.min).toBeLessThan(-3.6);
  });

  it('sizes bubbles by the square root of the amount', () => {
    expect(bubbleSize(100, 100)).toBe(36);
    expect(bubbleSize(25, 100)).toBe(18);
    expect(bubbleSize(0, 100)).toBe(5);
  });
});

describe('buildAgeOption', () => {
  it('colours current and legacy buckets apart, in bucket order', () => {
    const option = loose(
      buildAgeOption({
        rows: [
          { bucket: '1', label: '1 bln', arrears: 10, current: true },
          { bucket: '13-24', label: '13–24 bln', arrears: 30, current: false },
        ],
        lang: 'id',
        seriesName: 'Tunggakan',
      })
    );
    expect(option.xAxis.data).toEqual(['1 bln', '13–24 bln']);
    expect(option.series[0].data.map((d: Loose) => d.itemStyle.color)).toEqual([PALETTE.current, PALETTE.legacy]);
    expect(option.series[0].label.formatter({ value: 30 })).toBe('Rp30');
  });
});

describe('waterfall axis break', () => {
  it('breaks the value axis when the levels dwarf the flows', () => {
    const bars = waterfallBars([
      { label: 'Awal', amount: 925_000_000, kind: 'level' },
      { label: 'Baru', amount: 42_000_000, kind: 'increase' },
      { label: 'Loket', amount: -33_000_000, kind: 'decrease' },
      { label: 'Akhir', amount: 934_000_000, kind: 'level' },
    ]);
    const b = waterfallBreak(bars)!;
    // lowest point 925 M, highest 967 M: the break hides most of the way up from a stub near zero
    expect(b.start).toBeGreaterThan(0);
    expect(b.start).toBeLessThan(925_000_000 * 0.1);
    expect(b.end).toBeLessThan(925_000_000);
    expect(b.end).toBeGreaterThan(925_000_000 - 42_000_000 * 2);
    expect(b.end).toBe(900_000_000); // 925 M − half the span, to two significant digits
    const option = loose(
      buildWaterfallOption({
        steps: [
          { label: 'Awal', amount: 925_000_000, kind: 'level' },
          { label: 'Baru', amount: 42_000_000, kind: 'increase' },
          { label: 'Akhir', amount: 967_000_000, kind: 'level' },
        ],
        lang: 'id',
      })
    );
    expect(option.xAxis.breaks).toHaveLength(1);
  });

  it('ends the break just below the flows at the scale of billions too', () => {
    const bars = waterfallBars([
      { label: 'Awal', amount: 15_597_372_063, kind: 'level' },
      { label: 'Baru', amount: 257_268_700, kind: 'increase' },
      { label: 'Loket', amount: -365_521_266, kind: 'decrease' },
      { label: 'Akhir', amount: 15_489_119_497, kind: 'level' },
    ]);
    const b = waterfallBreak(bars)!;
    expect(b.end).toBe(15_000_000_000);
    expect(b.end).toBeLessThan(15_489_119_497);
  });

  it('keeps a plain axis when the flows are large', () => {
    const bars = waterfallBars([
      { label: 'Awal', amount: 100, kind: 'level' },
      { label: 'Baru', amount: 80, kind: 'increase' },
      { label: 'Akhir', amount: 180, kind: 'level' },
    ]);
    expect(waterfallBreak(bars)).toBeNull();
  });
});

/** The rekap arithmetic (etl/domain/reports/rekap.ts): subtotals, grand totals, ratios, the cross table. */
import { describe, expect, it } from 'vitest';
import { crossTab, roundTo, totalsOf, withSubtotals } from '../../../etl/domain/reports/rekap';
import type { ReportColumn } from '../../../etl/domain/reports/shape';
import { headerRuns } from '../../../etl/export/header-groups';

const COLUMNS: ReportColumn[] = [
  { key: 'kecamatan', format: 'text' },
  { key: 'tariff_class', format: 'text' },
  { key: 'bills', format: 'number', summed: true },
  { key: 'usage_m3', format: 'number', summed: true },
  { key: 'water_charge', format: 'money', summed: true },
  { key: 'avg_price_m3', format: 'money', ratio: { numerator: 'water_charge', denominator: 'usage_m3', decimals: 0 } },
];

describe('a rekap with subtotals', () => {
  // Curup: R2 3 bills of 10, 10, 10 m³ for 17,000 + 27,000 + 37,000; N1 1 bill of 30 m³ for 77,000.
  // Curup Timur: R2 2 bills of 5 m³ for 7,000 each.
  const lines = [
    { kecamatan: 'Curup', tariff_class: 'N1', bills: 1, usage_m3: 30, water_charge: 77_000 },
    { kecamatan: 'Curup', tariff_class: 'R2', bills: 3, usage_m3: 30, water_charge: 81_000 },
    { kecamatan: 'Curup Timur', tariff_class: 'R2', bills: 2, usage_m3: 10, water_charge: 14_000 },
  ];
  const rows = withSubtotals(COLUMNS, lines, { by: 'kecamatan', labelKey: 'kecamatan' });

  it('puts a subtotal row after each group, with the group named and the other text empty', () => {
    expect(rows.map((r) => [r.row_type, r.kecamatan, r.tariff_class, r.bills])).toEqual([
      ['line', 'Curup', 'N1', 1],
      ['line', 'Curup', 'R2', 3],
      ['subtotal', 'Curup', null, 4],
      ['line', 'Curup Timur', 'R2', 2],
      ['subtotal', 'Curup Timur', null, 2],
    ]);
  });

  it('recomputes the average from the sums, never adds averages up', () => {
    // N1 77,000 ÷ 30 = 2,566.67 → 2,567; R2 81,000 ÷ 30 = 2,700; Curup 158,000 ÷ 60 = 2,633.33 → 2,633
    expect(rows.map((r) => r.avg_price_m3)).toEqual([2_567, 2_700, 2_633, 1_400, 1_400]);
    // all: 172,000 ÷ 70 = 2,457.14 → 2,457
    expect(totalsOf(COLUMNS, lines)).toEqual({ bills: 6, usage_m3: 70, water_charge: 172_000, avg_price_m3: 2_457 });
  });

  it('has no ratio where the denominator is zero', () => {
    expect(totalsOf(COLUMNS, [{ bills: 0, usage_m3: 0, water_charge: 0 }]).avg_price_m3).toBeNull();
  });

  it('rounds half away from zero', () => {
    expect([roundTo(2.5, 0), roundTo(-2.5, 0), roundTo(201 / 2, 0), roundTo(10.125, 2)]).toEqual([3, -3, 101, 10.13]);
  });
});

describe('a cross table (umur piutang × golongan)', () => {
  it('one line per row key, a field per column key and measure, and the row totals; missing cells are 0', () => {
    const lines = crossTab(
      [
        { row: 'R2', column: '1', values: { bills: 2, amount: 90_000 } },
        { row: 'R2', column: '>60', values: { bills: 0, amount: 150_000 } },
        { row: 'N1', column: '2', values: { bills: 1, amount: 100_000 } },
      ],
      { rowKey: 'tariff_class', rowOrder: ['N1', 'R2'], columnOrder: ['1', '2', '>60'], measures: ['bills', 'amount'] },
    );
    expect(lines).toEqual([
      { tariff_class: 'N1', bills: 1, amount: 100_000, bills_1: 0, amount_1: 0, bills_2: 1, amount_2: 100_000, bills_3: 0, amount_3: 0 },
      { tariff_class: 'R2', bills: 2, amount: 240_000, bills_1: 2, amount_1: 90_000, bills_2: 0, amount_2: 0, bills_3: 0, amount_3: 150_000 },
    ]);
  });
});

describe('group headers', () => {
  it('neighbours with the same group share one cell; a column without one stands alone', () => {
    expect(headerRuns([null, '1 bln', '1 bln', '2 bln', '2 bln', null], 6)).toEqual([
      { text: null, from: 0, to: 0 },
      { text: '1 bln', from: 1, to: 2 },
      { text: '2 bln', from: 3, to: 4 },
      { text: null, from: 5, to: 5 },
    ]);
  });
});

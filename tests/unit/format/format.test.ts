import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatMonth, formatNumber, formatPercent, formatRupiahCompact, formatRupiahFull } from '../../../app/i18n/format';

describe('formatRupiahCompact', () => {
  it('writes miliar as M with a decimal comma in Indonesian', () => {
    expect(formatRupiahCompact(8_023_456_789, 'id')).toBe('Rp8,02 M');
    expect(formatRupiahCompact(16_500_000_000, 'id')).toBe('Rp16,5 M');
    expect(formatRupiahCompact(123_456_789_012, 'id')).toBe('Rp123 M');
  });

  it('uses jt for juta, rb for ribu and T for triliun', () => {
    expect(formatRupiahCompact(2_450_000, 'id')).toBe('Rp2,45 jt');
    expect(formatRupiahCompact(110_000_000, 'id')).toBe('Rp110 jt');
    expect(formatRupiahCompact(23_000, 'id')).toBe('Rp23 rb');
    expect(formatRupiahCompact(1_500_000_000_000, 'id')).toBe('Rp1,5 T');
  });

  it('uses B/M/K and a decimal point in English', () => {
    expect(formatRupiahCompact(8_023_456_789, 'en')).toBe('Rp8.02B');
    expect(formatRupiahCompact(2_450_000, 'en')).toBe('Rp2.45M');
    expect(formatRupiahCompact(23_000, 'en')).toBe('Rp23K');
  });

  it('writes small amounts in full and drops trailing zeros', () => {
    expect(formatRupiahCompact(950, 'id')).toBe('Rp950');
    expect(formatRupiahCompact(0, 'id')).toBe('Rp0');
    expect(formatRupiahCompact(8_000_000_000, 'id')).toBe('Rp8 M');
  });

  it('moves to the next unit when rounding reaches a thousand', () => {
    expect(formatRupiahCompact(999_999_999, 'id')).toBe('Rp1 M');
    expect(formatRupiahCompact(999_600, 'en')).toBe('Rp1M');
    expect(formatRupiahCompact(999_400, 'id')).toBe('Rp999 rb');
  });

  it('signs negatives, and positives on request', () => {
    expect(formatRupiahCompact(-2_500_000_000, 'id')).toBe('-Rp2,5 M');
    expect(formatRupiahCompact(1_200_000_000, 'id', { signed: true })).toBe('+Rp1,2 M');
    expect(formatRupiahCompact(0, 'id', { signed: true })).toBe('Rp0');
  });
});

describe('formatRupiahFull', () => {
  it('groups every digit with dots', () => {
    expect(formatRupiahFull(8_023_456_789)).toBe('Rp8.023.456.789');
    expect(formatRupiahFull(500)).toBe('Rp500');
    expect(formatRupiahFull(-1_000)).toBe('-Rp1.000');
    expect(formatRupiahFull(8_023_456_789, 'en')).toBe('Rp8,023,456,789');
    expect(formatRupiahFull(1_000, 'id', { signed: true })).toBe('+Rp1.000');
  });
});

describe('numbers and percentages', () => {
  it('formats whole numbers and decimals per language', () => {
    expect(formatNumber(14_950, 'id')).toBe('14.950');
    expect(formatNumber(14_950, 'en')).toBe('14,950');
    expect(formatDecimal(482.46, 'id', 1)).toBe('482,5');
    expect(formatDecimal(-0.04, 'id', 1, { signed: true })).toBe('0,0');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.8734, 'id')).toBe('87,3%');
    expect(formatPercent(0.8734, 'en')).toBe('87.3%');
    expect(formatPercent(-0.052, 'id', 1, { signed: true })).toBe('-5,2%');
    expect(formatPercent(0.031, 'en', 1, { signed: true })).toBe('+3.1%');
    expect(formatPercent(1, 'id', 0)).toBe('100%');
  });
});

describe('months and dates', () => {
  it('names months with the date-fns Indonesian locale', () => {
    expect(formatMonth('2025-06', 'id')).toBe('Juni 2025');
    expect(formatMonth('2025-01', 'id')).toBe('Januari 2025');
    expect(formatMonth('2024-11', 'id')).toBe('November 2024');
    expect(formatMonth('2025-06', 'en')).toBe('June 2025');
    expect(formatMonth('2025-12', 'en', 'short')).toBe('Dec 2025');
  });

  it('formats days', () => {
    expect(formatDate('2025-06-30', 'id')).toBe('30 Juni 2025');
    expect(formatDate('2025-06-30 08:15:00', 'en')).toBe('30 June 2025');
    expect(formatDate('2024-02-29', 'id', 'short')).toBe('29 Feb 2024');
  });
});

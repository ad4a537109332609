import { describe, expect, it } from 'vitest';
import { groupThousands, parseIndonesianRupiah, parseWholeRupiah } from '../../../etl/domain/money';
import { monthEnd, parseDate, parseJakartaTimestamp, parsePeriod } from '../../../etl/domain/period';

describe('amounts', () => {
  it('plain whole rupiah: digits only', () => {
    expect(parseWholeRupiah('045600')).toEqual({ ok: true, value: 45_600 });
    expect(parseWholeRupiah('-5')).toEqual({ ok: false, reason: 'amount is negative (-5)' });
    expect(parseWholeRupiah('45.600').ok).toBe(false);
    expect(parseWholeRupiah('').ok).toBe(false);
    expect(parseWholeRupiah('99999999999999999999').ok).toBe(false);
  });

  it('Indonesian notation with dots for thousands and a comma for sen', () => {
    expect(parseIndonesianRupiah('1.234.567,00')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseIndonesianRupiah('Rp 45.600')).toEqual({ ok: true, value: 45_600 });
    expect(parseIndonesianRupiah('1.234.567,50').ok).toBe(false);
    expect(parseIndonesianRupiah('1,234,567.00').ok).toBe(false);
  });

  it('groups thousands the Indonesian way', () => {
    expect(groupThousands(8_023_456_789)).toBe('8.023.456.789');
    expect(groupThousands(-1_000)).toBe('-1.000');
    expect(groupThousands(0)).toBe('0');
  });
});

describe('calendar', () => {
  it('refuses dates that do not exist', () => {
    expect(parseDate('2024-02-29').ok).toBe(true);
    expect(parseDate('2023-02-29').ok).toBe(false);
    expect(parseDate('2024-13-01').ok).toBe(false);
  });

  it('periods are YYYY-MM', () => {
    expect(parsePeriod('2024-07').ok).toBe(true);
    expect(parsePeriod('2024-7').ok).toBe(false);
    expect(monthEnd('2024-02')).toBe('2024-02-29');
  });

  it('a timestamp without offset is already Jakarta time', () => {
    expect(parseJakartaTimestamp('2024-03-05T10:22:31')).toEqual({ ok: true, value: '2024-03-05 10:22:31' });
  });

  it('a UTC payment late in the evening belongs to the next Jakarta day', () => {
    expect(parseJakartaTimestamp('2024-03-31T23:30:00Z')).toEqual({ ok: true, value: '2024-04-01 06:30:00' });
    expect(parseJakartaTimestamp('2024-03-31T23:30:00+07:00')).toEqual({ ok: true, value: '2024-03-31 23:30:00' });
    expect(parseJakartaTimestamp('2024-03-31 08:00:00+0000')).toEqual({ ok: true, value: '2024-03-31 15:00:00' });
  });

  it('refuses what is not a time', () => {
    expect(parseJakartaTimestamp('kemarin').ok).toBe(false);
    expect(parseJakartaTimestamp('2024-03-31T25:00:00').ok).toBe(false);
  });
});

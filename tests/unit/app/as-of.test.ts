import { describe, expect, it } from 'vitest';
import { pickAsOfMonth, withAsOf } from '../../../app/lib/as-of';

const months = ['2025-03', '2025-04', '2025-05', '2025-06'];

describe('pickAsOfMonth', () => {
  it('takes the requested month when the warehouse has it', () => {
    expect(pickAsOfMonth('2025-04', months, '2025-05')).toBe('2025-04');
  });
  it('falls back to the default for a missing, malformed or unknown month', () => {
    expect(pickAsOfMonth(null, months, '2025-05')).toBe('2025-05');
    expect(pickAsOfMonth('2025-4', months, '2025-05')).toBe('2025-05');
    expect(pickAsOfMonth('2030-01', months, '2025-05')).toBe('2025-05');
    expect(pickAsOfMonth("2025-04' OR 1=1", months, '2025-05')).toBe('2025-05');
  });
  it('uses the latest month without a default, and null without months', () => {
    expect(pickAsOfMonth(null, months, null)).toBe('2025-06');
    expect(pickAsOfMonth('2025-04', [], null)).toBeNull();
  });
});

describe('withAsOf', () => {
  it('adds the month to a link, keeping its other parameters', () => {
    expect(withAsOf('/data', '2025-04')).toBe('/data?bulan=2025-04');
    expect(withAsOf('/data?file=a.csv', '2025-04')).toBe('/data?file=a.csv&bulan=2025-04');
    expect(withAsOf('/?bulan=2025-01', '2025-04')).toBe('/?bulan=2025-04');
  });
  it('leaves the link alone without a chosen month', () => {
    expect(withAsOf('/data', null)).toBe('/data');
  });
});

import { describe, expect, it } from 'vitest';
import { lembarOfPayment, LPP_MAX_DAYS, parseLppDays } from '../../../../etl/domain/reports/lpp';

describe('the days of an LPP', () => {
  it('takes a range of days, both included; one day when `to` is left out', () => {
    expect(parseLppDays('2024-03-01', '2024-03-31')).toEqual({ ok: true, from: '2024-03-01', to: '2024-03-31' });
    expect(parseLppDays('2024-03-05', null)).toEqual({ ok: true, from: '2024-03-05', to: '2024-03-05' });
  });

  it('names the parameter it refuses', () => {
    expect(parseLppDays(null, '2024-03-31')).toMatchObject({ ok: false, parameter: 'from' });
    expect(parseLppDays('2024-02-30', '2024-03-31')).toMatchObject({ ok: false, parameter: 'from' });
    expect(parseLppDays('2024-03-01', '31/03/2024')).toMatchObject({ ok: false, parameter: 'to' });
    expect(parseLppDays('2024-04-01', '2024-03-31')).toEqual({ ok: false, parameter: 'from', message: 'from: 2024-04-01 is after to (2024-03-31)' });
  });

  it('covers at most a year of days, a leap year included', () => {
    expect(LPP_MAX_DAYS).toBe(366);
    expect(parseLppDays('2024-01-01', '2024-12-31')).toMatchObject({ ok: true }); // 366 days
    expect(parseLppDays('2024-01-01', '2025-01-01')).toEqual({ ok: false, parameter: 'to', message: 'to: at most 366 days from 2024-01-01 (367 asked)' });
  });
});

describe('the lembar a payment pays', () => {
  it('a payment of a named period is that one bill, even when it found the bill settled', () => {
    expect(lembarOfPayment('2024-02', 1)).toBe(1);
    expect(lembarOfPayment('2024-02', 0)).toBe(1);
  });

  it('a payment with no period counts the bills it was applied to', () => {
    expect(lembarOfPayment(null, 2)).toBe(2);
    expect(lembarOfPayment(null, 0)).toBe(0); // the opening balance or credit only
  });
});

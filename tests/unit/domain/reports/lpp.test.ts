import { describe, expect, it } from 'vitest';
import { lembarOfPayment, LPP_MAX_DAYS } from '../../../../etl/domain/reports/lpp';
import { lppReport } from '../../../../etl/queries/reports/lpp';
import { parseReportParams } from '../../../../etl/queries/reports/params';

describe('the days of an LPP', () => {
  const months = ['2024-01', '2024-02', '2024-03', '2024-04'];
  const parse = (query: string) => parseReportParams(lppReport, new URLSearchParams(query), months, '2024-04');

  it('takes a range of days, both included; by default the last complete month', () => {
    expect(parse('from=2024-03-01&to=2024-03-31')).toMatchObject({ ok: true, value: { period: { from: '2024-03-01', to: '2024-03-31' } } });
    expect(parse('')).toMatchObject({ ok: true, value: { view: 'rekap', period: { from: '2024-04-01', to: '2024-04-30' } } });
  });

  it('names the parameter it refuses', () => {
    expect(parse('from=2024-02-30&to=2024-03-31')).toMatchObject({ ok: false, param: 'from' });
    expect(parse('from=2024-04-01&to=2024-03-31')).toMatchObject({ ok: false, param: 'to' });
    expect(parse('from=2024-03-01&to=2024-03-31&age=1')).toMatchObject({ ok: false, param: 'age' });
    expect(parse('from=2024-03-01&to=2024-03-31&channel=LOKET;DROP')).toMatchObject({ ok: false, param: 'channel' });
  });

  it('covers at most a year of days, a leap year included', () => {
    expect(LPP_MAX_DAYS).toBe(366);
    expect(parse('from=2024-01-01&to=2024-12-31')).toMatchObject({ ok: true }); // 366 days
    expect(parse('from=2024-01-01&to=2025-01-01')).toEqual({ ok: false, param: 'to', message: 'to: at most 366 days (2024-01-01 to 2025-01-01 is 367)' });
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

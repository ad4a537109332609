import { describe, expect, it } from 'vitest';
import { daysOfPage, lembarOfPayment, LPP_MAX_DAYS } from '../../../../etl/domain/reports/lpp';
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

describe('the days a page of the detail falls on', () => {
  // 3 lines on the 1st, none on the 2nd, 2 on the 3rd, 4 on the 4th: lines 0–2, 3–4, 5–8
  const days = [
    { day: '2024-03-01', lines: 3 },
    { day: '2024-03-02', lines: 0 },
    { day: '2024-03-03', lines: 2 },
    { day: '2024-03-04', lines: 4 },
  ];

  it('the first page, within one day', () => {
    expect(daysOfPage(days, 0, 2)).toEqual({ from: '2024-03-01', to: '2024-03-01', offset: 0 });
  });

  it('a page across days starts within its first day and skips the days without lines', () => {
    expect(daysOfPage(days, 2, 4)).toEqual({ from: '2024-03-01', to: '2024-03-04', offset: 2 });
    expect(daysOfPage(days, 3, 2)).toEqual({ from: '2024-03-03', to: '2024-03-03', offset: 0 });
    expect(daysOfPage(days, 6, 100)).toEqual({ from: '2024-03-04', to: '2024-03-04', offset: 1 });
  });

  it('none past the last line', () => {
    expect(daysOfPage(days, 9, 10)).toBeNull();
    expect(daysOfPage([], 0, 10)).toBeNull();
  });
});

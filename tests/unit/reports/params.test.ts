/** A report's parameters (etl/queries/reports/params.ts): the period, the view, the filters it takes; a wrong one named. */
import { describe, expect, it } from 'vitest';
import { dsrReport } from '../../../etl/queries/reports/dsr';
import { parseReportParams } from '../../../etl/queries/reports/params';
import type { ReportDefinition } from '../../../etl/queries/reports/report';

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const parse = (def: ReportDefinition, query: string) => parseReportParams(def, new URLSearchParams(query), MONTHS, '2024-03');
const DAYS: ReportDefinition = { ...dsrReport, id: 'days', period: { kind: 'days', from: 'from', to: 'to' }, filters: ['channel'] };

describe('report parameters', () => {
  it('defaults: the last complete month, the rekap', () => {
    expect(parse(dsrReport, '')).toEqual({ ok: true, value: { view: 'rekap', period: { month: '2024-03' }, filters: {} } });
  });

  it('reads the period, the view and the filters it accepts', () => {
    expect(parse(dsrReport, 'as_of=2024-04&view=detail&kecamatan=17.02.17&tariff_class=R2&age=%3E60')).toEqual({
      ok: true,
      value: { view: 'detail', period: { month: '2024-04' }, filters: { kecamatan: '17.02.17', tariffClass: 'R2', age: '>60' } },
    });
  });

  it('takes the app’s month picker (bulan) when its own period is absent', () => {
    expect(parse(dsrReport, 'bulan=2024-02')).toMatchObject({ ok: true, value: { period: { month: '2024-02' } } });
    expect(parse(dsrReport, 'bulan=2024-02&as_of=2024-04')).toMatchObject({ ok: true, value: { period: { month: '2024-04' } } });
  });

  it.each([
    ['as_of=2024-13', 'as_of'],
    ['as_of=2023-12', 'as_of'],
    ['view=list', 'view'],
    ['kecamatan=Curup', 'kecamatan'],
    ['channel=LOKET', 'channel'],
    ['colour=red', 'colour'],
  ])('%s is refused, naming %s', (query, param) => {
    const r = parse(dsrReport, query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.param, r.message.startsWith(`${param}:`)]).toEqual([param, true]);
  });

  it('a days report: both days, the month picker’s month by default, never backwards', () => {
    expect(parse(DAYS, 'channel=LOKET')).toEqual({ ok: true, value: { view: 'rekap', period: { from: '2024-03-01', to: '2024-03-31' }, filters: { channel: 'LOKET' } } });
    expect(parse(DAYS, 'from=2024-02-10&to=2024-02-01')).toMatchObject({ ok: false, param: 'to' });
    expect(parse(DAYS, 'from=2024-02-30')).toMatchObject({ ok: false, param: 'from' });
  });
});

/**
 * The reports (etl/queries/reports) on the small utility of tests/support/small-utility.ts, figures
 * worked out by hand from its bills and payments, and each report's totals against the named query
 * and the dashboard figure it must equal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrearsAsOf, arrearsAtMonthEnd } from '../../etl/queries/arrears';
import { dsrReport } from '../../etl/queries/reports/dsr';
import type { ReportQuery } from '../../etl/queries/reports/report';
import { EVERYTHING, ScopeRefusedError, type Scope } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { fixture, type Fixture } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let fx: Fixture;
let wh: Warehouse;

beforeAll(async () => {
  fx = fixture();
  wh = await loadSmallUtility(fx);
});

afterAll(() => {
  wh?.close();
  fx?.cleanup();
});

const MANAGER: Scope = { personalData: false, teams: 'all' };
const query = (view: ReportQuery['view'], month: string, filters: ReportQuery['filters'] = {}, window: ReportQuery['window'] = null): ReportQuery => ({
  view,
  period: { month },
  filters,
  window,
});

describe('DSR (Daftar Sisa Rekening) at the end of April 2024', () => {
  // C1: February less P3 (30,000, 2 months) + March (60,000, 1 month); C2: February (30,000, 2) +
  // March (30,000, 1) + the opening balance less P4 (150,000, from June 2018: 71 months); C3: February
  // (100,000, 2). 400,000 in all, in 5 bills (the opening balance is no bill).
  it('rekap: umur piutang × golongan, lembar and rupiah', async () => {
    const r = await dsrReport.run(wh, query('rekap', '2024-04'), MANAGER);
    const cell = (tariff: string, n: number) => {
      const row = r.rows.find((x) => x.tariff_class === tariff)!;
      return [row[`bills_${n}`], row[`amount_${n}`]];
    };
    expect(r.rows.map((x) => x.tariff_class)).toEqual(['N1', 'R2']);
    expect(cell('R2', 1)).toEqual([2, 90_000]); // C1 March, C2 March
    expect(cell('R2', 2)).toEqual([2, 60_000]); // C1 February less P3, C2 February
    expect(cell('R2', 8)).toEqual([0, 150_000]); // >60: the opening balance
    expect(cell('N1', 2)).toEqual([1, 100_000]);
    expect(r.rows.find((x) => x.tariff_class === 'R2')).toMatchObject({ bills: 4, amount: 300_000 });
    expect(r.totals).toMatchObject({ bills: 5, amount: 400_000, amount_1: 90_000, amount_2: 160_000, amount_8: 150_000 });
    expect(r.filters).toEqual({ as_of: '2024-04', kecamatan: null, desa: null, tariff_class: null, status: null, age: null, min_amount: null });
  });

  it('detail: every debt of every customer, opening balance first, in area order', async () => {
    const r = await dsrReport.run(wh, query('detail', '2024-04'), EVERYTHING);
    expect(r.rows.map((x) => [x.customer_id, x.debt, x.period, x.age_bucket, x.amount])).toEqual([
      ['0100000001', 'bill', '2024-02', '2', 30_000],
      ['0100000001', 'bill', '2024-03', '1', 60_000],
      ['0100000002', 'opening', '2018-06', '>60', 150_000],
      ['0100000002', 'bill', '2024-02', '2', 30_000],
      ['0100000002', 'bill', '2024-03', '1', 30_000],
      ['0100000003', 'bill', '2024-02', '2', 100_000],
    ]);
    expect(r.rows[2]).toMatchObject({ age_months: 71, bills: 0, due_on: null });
    expect(r.totals).toEqual({ bills: 5, amount: 400_000 });
    expect(r.count).toBe(6);
  });

  it('detail pages: the totals stay those of the whole selection', async () => {
    const r = await dsrReport.run(wh, query('detail', '2024-04', {}, { offset: 2, limit: 2 }), EVERYTHING);
    expect(r.rows.map((x) => x.amount)).toEqual([150_000, 30_000]);
    expect([r.count, r.totals.amount, r.offset, r.limit]).toEqual([6, 400_000, 2, 2]);
  });

  it('the detail lists customers: refused without personal data; the rekap is not', async () => {
    await expect(dsrReport.run(wh, query('detail', '2024-04'), MANAGER)).rejects.toBeInstanceOf(ScopeRefusedError);
  });

  const cases: [string, ReportQuery['filters']][] = [
    ['no filter', {}],
    ['kecamatan Curup Timur', { kecamatan: '17.02.17' }],
    ['desa of C1', { desa: '17.02.09.1001' }],
    ['tariff class R2', { tariffClass: 'R2' }],
    ['status sealed', { status: 'sealed' }],
    ['age >60', { age: '>60' }],
    ['at least 100,000', { minAmount: 100_000 }],
  ];
  it.each(cases)('%s: both views total the arrears of the month end (arrearsAtMonthEnd, arrearsAsOf)', async (_, filters) => {
    for (const month of ['2024-02', '2024-03', '2024-04']) {
      const end = { '2024-02': '2024-02-29', '2024-03': '2024-03-31', '2024-04': '2024-04-30' }[month]!;
      const arrears = (await arrearsAtMonthEnd(wh, { month, by: 'kecamatan', filters })).total_arrears;
      expect((await arrearsAsOf(wh, { asOf: end, by: 'kecamatan', filters })).total_arrears).toBe(arrears);
      expect((await dsrReport.run(wh, query('rekap', month, filters), MANAGER)).totals.amount).toBe(arrears);
      expect((await dsrReport.run(wh, query('detail', month, filters), EVERYTHING)).totals.amount).toBe(arrears);
    }
  });
});

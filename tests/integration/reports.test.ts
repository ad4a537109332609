/**
 * The reports (etl/queries/reports) on the small utility of tests/support/small-utility.ts, figures
 * worked out by hand from its bills and payments, and each report's totals against the named query
 * and the dashboard figure it must equal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { arrearsAsOf, arrearsAtMonthEnd } from '../../etl/queries/arrears';
import { computeOverview } from '../../app/lib/overview/figures.server';
import { drdReport } from '../../etl/queries/reports/drd';
import { dsrReport } from '../../etl/queries/reports/dsr';
import { efektivitasReport } from '../../etl/queries/reports/efektivitas';
import { openingOwedAsOfSql, openingOwesAsOfSql } from '../../etl/queries/owed';
import { billingYear } from '../../etl/queries/receivables';
import type { ReportQuery } from '../../etl/queries/reports/report';
import { EVERYTHING, ScopeRefusedError, type Scope } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const MANAGER: Scope = { personalData: false, teams: 'all' };
const query = (view: ReportQuery['view'], month: string, filters: ReportQuery['filters'] = {}, window: ReportQuery['window'] = null, by?: string): ReportQuery => ({
  view,
  ...(by ? { by } : {}),
  period: { month },
  filters,
  window,
});

const cases: [string, ReportQuery['filters']][] = [
  ['no filter', {}],
  ['kecamatan Curup Timur', { kecamatan: '17.02.17' }],
  ['desa of C1', { desa: '17.02.09.1001' }],
  ['tariff class R2', { tariffClass: 'R2' }],
  ['status sealed', { status: 'sealed' }],
  ['age >60', { age: '>60' }],
  ['age 1', { age: '1' }],
  ['at least 100,000', { minAmount: 100_000 }],
];

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

  it.each(cases)('%s: the pages, read from the month-end table, are the whole list from the bills cut in pieces', async (_, filters) => {
    for (const month of ['2024-03', '2024-04']) {
      const whole = await dsrReport.run(wh, query('detail', month, filters), EVERYTHING);
      for (const size of [1, 2, 4]) {
        const pages = [];
        for (let offset = 0; offset < whole.count + size; offset += size) {
          const page = await dsrReport.run(wh, query('detail', month, filters, { offset, limit: size }), EVERYTHING);
          expect([page.count, page.totals]).toEqual([whole.count, whole.totals]);
          pages.push(...page.rows);
        }
        expect(pages).toEqual(whole.rows);
      }
      expect(whole.count).toBe(whole.rows.length);
    }
  });

  it('opening_owed_months (how a detail page finds its opening balances) holds those owed at every month end, as owed.ts works them out', async () => {
    const byRule = await wh.query<{ month: string; customer_id: string }>(
      `SELECT m.month, o.customer_id FROM months m JOIN opening_balances o
        ON ${openingOwesAsOfSql('o', 'm.month_end')} AND ${openingOwedAsOfSql('o', 'm.month_end')} <> 0 ORDER BY ALL`,
    );
    const bySpans = await wh.query(
      'SELECT m.month, s.customer_id FROM months m JOIN opening_owed_months s ON m.month_idx >= s.from_idx AND m.month_idx < s.to_idx ORDER BY ALL',
    );
    // C2's opening balance, from the month of its as_of date through April
    expect(byRule).toEqual(['2024-01', '2024-02', '2024-03', '2024-04'].map((month) => ({ month, customer_id: '0100000002' })));
    expect(bySpans).toEqual(byRule);
  });

  it('the detail lists customers: refused without personal data; the rekap is not', async () => {
    await expect(dsrReport.run(wh, query('detail', '2024-04'), MANAGER)).rejects.toBeInstanceOf(ScopeRefusedError);
  });

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

describe('DRD (Daftar Rekening Ditagih) of period 2024-03', () => {
  // C1 (Curup, R2) 10 m³: 37,000 + 23,000 + 0 = 60,000; C2 (Curup Timur, R2) 5 m³: 7,000 + 23,000 = 30,000;
  // C3 (Curup Timur, N1) 30 m³: 77,000 + 23,000 = 100,000.
  const pick = (r: Awaited<ReturnType<typeof drdReport.run>>) =>
    r.rows.map((x) => [x.row_type, x.kecamatan_name, x.tariff_class, x.bills, x.usage_m3, x.water_charge, x.total_amount, x.avg_price_m3, x.avg_usage]);

  it('rekap per wilayah: golongan under each kecamatan, a subtotal per kecamatan, averages from the sums', async () => {
    const r = await drdReport.run(wh, query('rekap', '2024-03'), MANAGER);
    expect(pick(r)).toEqual([
      ['line', 'Curup', 'R2', 1, 10, 37_000, 60_000, 3_700, 10],
      ['subtotal', 'Curup', null, 1, 10, 37_000, 60_000, 3_700, 10],
      ['line', 'Curup Timur', 'N1', 1, 30, 77_000, 100_000, 2_567, 30], // 77,000 ÷ 30 = 2,566.67
      ['line', 'Curup Timur', 'R2', 1, 5, 7_000, 30_000, 1_400, 5],
      ['subtotal', 'Curup Timur', null, 2, 35, 84_000, 130_000, 2_400, 17.5],
    ]);
    // 121,000 ÷ 45 m³ = 2,688.89 → 2,689; 45 m³ ÷ 3 = 15
    expect(r.totals).toEqual({ bills: 3, usage_m3: 45, water_charge: 121_000, fixed_charge: 69_000, other_charge: 0, total_amount: 190_000, avg_price_m3: 2_689, avg_usage: 15 });
    expect(r.filters).toMatchObject({ by: 'wilayah', period: '2024-03' });
  });

  it('rekap per golongan: kecamatan under each golongan', async () => {
    const r = await drdReport.run(wh, query('rekap', '2024-03', {}, null, 'golongan'), MANAGER);
    expect(pick(r).map((x) => x.slice(0, 4))).toEqual([
      ['line', 'Curup Timur', 'N1', 1],
      ['subtotal', null, 'N1', 1],
      ['line', 'Curup', 'R2', 1],
      ['line', 'Curup Timur', 'R2', 1],
      ['subtotal', null, 'R2', 2],
    ]);
    expect(r.totals.total_amount).toBe(190_000);
  });

  it('detail: one line per bill, refused without personal data', async () => {
    const r = await drdReport.run(wh, query('detail', '2024-03'), EVERYTHING);
    expect(r.rows.map((x) => [x.customer_id, x.usage_m3, x.water_charge, x.fixed_charge, x.other_charge, x.total_amount])).toEqual([
      ['0100000001', 10, 37_000, 23_000, 0, 60_000],
      ['0100000002', 5, 7_000, 23_000, 0, 30_000],
      ['0100000003', 30, 77_000, 23_000, 0, 100_000],
    ]);
    expect([r.count, r.totals.total_amount, r.totals.bills]).toEqual([3, 190_000, 3]);
    await expect(drdReport.run(wh, query('detail', '2024-03'), MANAGER)).rejects.toBeInstanceOf(ScopeRefusedError);
  });

  it('filters: kecamatan Curup Timur, golongan R2', async () => {
    expect((await drdReport.run(wh, query('rekap', '2024-03', { kecamatan: '17.02.17' }), MANAGER)).totals.total_amount).toBe(130_000);
    expect((await drdReport.run(wh, query('rekap', '2024-03', { tariffClass: 'R2' }), MANAGER)).totals.total_amount).toBe(90_000);
  });

  it.each([{}, { kecamatan: '17.02.17' }, { desa: '17.02.09.1001' }, { tariffClass: 'R2' }, { status: 'sealed' as const }])(
    'the rekap (billing_period_rekap) and the detail (the bills) give the same totals, every period: %o',
    async (filters) => {
      for (const period of ['2024-01', '2024-02', '2024-03', '2024-04']) {
        const rekap = await drdReport.run(wh, query('rekap', period, filters), MANAGER);
        const detail = await drdReport.run(wh, query('detail', period, filters), EVERYTHING);
        expect(rekap.totals, period).toMatchObject(detail.totals);
        // the lines themselves come from the bills
        const sum = (k: string) => detail.rows.reduce((t, r) => t + Number(r[k]), 0);
        expect([sum('bills'), sum('usage_m3'), sum('water_charge'), sum('fixed_charge'), sum('other_charge'), sum('total_amount')], period).toEqual([
          rekap.totals.bills, rekap.totals.usage_m3, rekap.totals.water_charge, rekap.totals.fixed_charge, rekap.totals.other_charge, rekap.totals.total_amount,
        ]);
      }
    },
  );

  it('detail pages (placed by desa from billing_period_rekap) are the whole list cut in pieces', async () => {
    for (const filters of [{}, { tariffClass: 'R2' }, { kecamatan: '17.02.17' }]) {
      const whole = await drdReport.run(wh, query('detail', '2024-03', filters), EVERYTHING);
      for (const size of [1, 2]) {
        const rows = [];
        for (let offset = 0; offset < whole.count + size; offset += size) {
          const page = await drdReport.run(wh, query('detail', '2024-03', filters, { offset, limit: size }), EVERYTHING);
          expect(page.count).toBe(whole.count);
          rows.push(...page.rows);
        }
        expect(rows).toEqual(whole.rows);
      }
    }
  });

  it('every period together is everything billed (billing_monthly, by the month issued)', async () => {
    let all = 0;
    for (const period of ['2024-01', '2024-02', '2024-03', '2024-04']) all += (await drdReport.run(wh, query('rekap', period), MANAGER)).totals.total_amount ?? 0;
    const billed = (await billingYear(wh, { month: '2024-04' })).billed;
    expect([all, billed]).toEqual([170_000 + 180_000 + 190_000 + 45_000, 585_000]);
  });
});

describe('Efektivitas Penagihan of April 2024', () => {
  // Bills issued May 2023 … April 2024: 170,000 (2 Feb) + 180,000 (2 Mar) + 235,000 (2 and 29 Apr).
  // Own bills, received by 30 April: April's bills 60,000 (P5); the rest 40,000 (P1) + 100,000 (P2) + 20,000 (P3).
  // All receipts of those months: the same and P4's 50,000 to the opening balance (older).
  it('rekap: the three parts, adding up to the overview’s two variants', async () => {
    const r = await efektivitasReport.run(wh, query('rekap', '2024-04'), MANAGER);
    expect(r.rows.map((x) => [x.part, x.billed, x.collected_own, x.collected_all])).toEqual([
      ['this_month', 235_000, 60_000, 60_000],
      ['rest_of_year', 350_000, 160_000, 160_000],
      ['older', null, null, 50_000],
    ]);
    expect(r.totals).toMatchObject({ billed: 585_000, collected_own: 220_000, collected_all: 270_000 });
    expect(r.totals.ratio_own).toBeCloseTo(220_000 / 585_000, 12);
    const overview = await computeOverview(wh, '2024-04');
    expect([r.totals.billed, r.totals.collected_own, r.totals.collected_all, r.totals.ratio_own, r.totals.ratio_all]).toEqual([
      overview.collection_effectiveness.billed,
      overview.collection_effectiveness.own_bills.collected,
      overview.collection_effectiveness.all_receipts.collected,
      overview.collection_effectiveness.own_bills.ratio,
      overview.collection_effectiveness.all_receipts.ratio,
    ]);
  });

  it('detail: per bill month of the window, then the older debts', async () => {
    const r = await efektivitasReport.run(wh, query('detail', '2024-04'), MANAGER);
    expect(r.rows.map((x) => [x.bill_month, x.part, x.billed, x.collected_own, x.collected_all])).toEqual([
      ['2024-02', 'rest_of_year', 170_000, 140_000, 140_000],
      ['2024-03', 'rest_of_year', 180_000, 20_000, 20_000],
      ['2024-04', 'this_month', 235_000, 60_000, 60_000],
      [null, 'older', null, null, 50_000],
    ]);
  });

  // Curup Timur (17.02.17) is C2 and C3: 30,000 + 100,000 billed each month from February; P2 (100,000,
  // C3's January bill, issued in February) and P5 (60,000, C3's March bill, issued in April) to its own
  // bills, P4 (50,000) to C2's opening balance.
  it('kecamatan Curup Timur: its customers’ bills and receipts only', async () => {
    const filters = { kecamatan: '17.02.17' };
    const r = await efektivitasReport.run(wh, query('rekap', '2024-04', filters), MANAGER);
    expect(r.rows.map((x) => [x.part, x.billed, x.collected_own, x.collected_all])).toEqual([
      ['this_month', 130_000, 60_000, 60_000],
      ['rest_of_year', 260_000, 100_000, 100_000],
      ['older', null, null, 50_000],
    ]);
    expect(r.totals).toMatchObject({ billed: 390_000, collected_own: 160_000, collected_all: 210_000 });
    expect(r.filters).toMatchObject({ month: '2024-04', kecamatan: '17.02.17', desa: null, tariff_class: null, status: null });
    const detail = await efektivitasReport.run(wh, query('detail', '2024-04', filters), MANAGER);
    expect(detail.rows.map((x) => [x.bill_month, x.billed, x.collected_own, x.collected_all])).toEqual([
      ['2024-02', 130_000, 100_000, 100_000],
      ['2024-03', 130_000, 0, 0],
      ['2024-04', 130_000, 60_000, 60_000],
      [null, null, null, 50_000],
    ]);
  });

  // R2 is C1 and C2: February 40,000 + 30,000, March 50,000 + 30,000, April 60,000 + 45,000 (C1) + 30,000;
  // P1 (40,000, C1's January bill) and P3 (20,000, C1's February bill) to its own bills, P4 (50,000) to
  // C2's opening balance; nothing paid yet on April's bills.
  it('golongan R2: its customers’ bills and receipts only', async () => {
    const r = await efektivitasReport.run(wh, query('rekap', '2024-04', { tariffClass: 'R2' }), MANAGER);
    expect(r.rows.map((x) => [x.part, x.billed, x.collected_own, x.collected_all])).toEqual([
      ['this_month', 135_000, 0, 0],
      ['rest_of_year', 150_000, 60_000, 60_000],
      ['older', null, null, 50_000],
    ]);
    expect(r.totals).toMatchObject({ billed: 285_000, collected_own: 60_000, collected_all: 110_000 });
    expect(r.totals.ratio_all).toBeCloseTo(110_000 / 285_000, 12);
  });

  it('the desa, golongan and status of every customer together give the unfiltered lines, every month', async () => {
    const splits: ReportQuery['filters'][][] = [
      [{ desa: '17.02.09.1001' }, { desa: '17.02.17.2001' }],
      [{ tariffClass: 'R2' }, { tariffClass: 'N1' }],
      [{ status: 'active' }, { status: 'sealed' }],
    ];
    const measures = ['billed', 'collected_own', 'collected_all'] as const;
    for (const month of ['2024-02', '2024-03', '2024-04']) {
      const whole = await efektivitasReport.run(wh, query('detail', month), MANAGER);
      for (const split of splits) {
        const parts = await Promise.all(split.map((f) => efektivitasReport.run(wh, query('detail', month, f), MANAGER)));
        const summed = whole.rows.map((line) => {
          const same = parts.map((p) => p.rows.find((x) => x.bill_month === line.bill_month));
          return Object.fromEntries(measures.map((k) => [k, line[k] === null ? null : same.reduce((t, x) => t + Number(x?.[k] ?? 0), 0)]));
        });
        expect(summed, `${month} ${JSON.stringify(split)}`).toEqual(whole.rows.map((line) => Object.fromEntries(measures.map((k) => [k, line[k]]))));
      }
    }
  });

  it.each(['2024-02', '2024-03', '2024-04'])('%s: the totals equal billingYear', async (month) => {
    const r = await efektivitasReport.run(wh, query('rekap', month), MANAGER);
    const y = await billingYear(wh, { month });
    expect([r.totals.billed, r.totals.collected_own, r.totals.collected_all]).toEqual([y.billed, y.collectedOwnBills, y.collectedAllReceipts]);
  });
});

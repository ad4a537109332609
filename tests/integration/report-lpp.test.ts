/**
 * The LPP (etl/queries/reports/lpp.ts) on the small utility of tests/support/small-utility.ts with a
 * marketplace report and one more loket payment, against figures worked out by hand:
 *
 *   P1 LOKET    C1 R2 2024-01  15 Feb          40,000
 *   P2 FASTPAY  C3 N1 2024-01  10 Mar         100,000  denda 5,000, admin 2,500
 *   SO1 SHOPEE  C3 N1 2024-02  10 Mar 23:30Z  100,000  admin 2,000: 11 Mar 06:30 in Jakarta
 *   SO2 SHOPEE  C1 R2 2024-02  12 Mar          50,000  refunded
 *   P4 KOLEKTOR C2 R2 (none)   15 Mar          50,000  to the opening balance: no lembar
 *   SO3 SHOPEE  C2 R2 2024-03   1 Apr          30,000  cancelled
 *   P5 LOKET    C3 N1 2024-03  10 Apr          60,000
 *   P6 LOKET    C1 R2 (none)   15 Apr         100,000  denda 2,000: pays February (50,000) and March (50,000 of 60,000): 2 lembar
 *   P3 FASTPAY  C1 R2 2024-02  25 Apr          20,000  February is settled by then (a duplicate), still one lembar
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { channelPayments } from '../../etl/queries/channels';
import { lppDays, lppPayments, lppRekap, lppReport, lppTotals } from '../../etl/queries/reports/lpp';
import type { ReportQuery } from '../../etl/queries/reports/report';
import { EVERYTHING, ScopeRefusedError } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { BASE_FILES, loadedOnce } from '../support/fixture';
import { loadSmallUtility, SMALL_UTILITY } from '../support/small-utility';

let wh: Warehouse;

const WITH_REFUNDS: Record<string, readonly string[]> = {
  ...SMALL_UTILITY,
  'channels.csv': [...BASE_FILES['channels.csv'], 'SHOPEE,Shopee,true,marketplace,2000,2023-01-01'],
  'payments.csv': [...SMALL_UTILITY['payments.csv'], 'P6,LOKET,0100000001,,2024-04-15T09:30:00,100000,2000,0'],
  'shopee.csv': [
    'order_id,order_time,channel,customer_number,bill_period,bill_amount,penalty,admin_fee,status',
    'SO1,2024-03-10T23:30:00Z,SHOPEE,0100000003,2024-02,100000,0,2000,COMPLETED',
    'SO2,2024-03-12T10:00:00+07:00,SHOPEE,0100000001,2024-02,50000,0,2000,REFUNDED',
    'SO3,2024-04-01T08:00:00+07:00,SHOPEE,0100000002,2024-03,30000,0,2000,CANCELLED',
  ],
};

beforeAll(() => loadedOnce((fx) => loadSmallUtility(fx, WITH_REFUNDS), (loaded) => (wh = loaded)));

const MARCH = { from: '2024-03-01', to: '2024-03-31', filters: {} };
const APRIL = { from: '2024-04-01', to: '2024-04-30', filters: {} };

describe('the LPP totals', () => {
  it('March: P2, SO1 and P4; the refunded SO2 is not in them', async () => {
    expect(await lppTotals(wh, MARCH)).toEqual({ payments: 3, lembar: 2, principal: 250_000, penalty: 5_000, admin_fee: 4_500, total: 255_000 });
  });

  it('April: P5, P6 (two lembar) and the duplicate P3; the cancelled SO3 is not in them', async () => {
    expect(await lppTotals(wh, APRIL)).toEqual({ payments: 3, lembar: 4, principal: 180_000, penalty: 2_000, admin_fee: 0, total: 182_000 });
  });

  it('count Jakarta days: SO1 paid at 23:30 UTC on 10 March is on 11 March', async () => {
    expect((await lppTotals(wh, { from: '2024-03-10', to: '2024-03-10', filters: {} })).principal).toBe(100_000);
    expect((await lppTotals(wh, { from: '2024-03-11', to: '2024-04-10', filters: {} })).principal).toBe(210_000); // SO1, P4, P5
  });

  it('equal the channel totals of the same months, month by month and together', async () => {
    for (const [from, to, month] of [['2024-02-01', '2024-02-29', '2024-02'], ['2024-03-01', '2024-03-31', '2024-03'], ['2024-04-01', '2024-04-30', '2024-04']]) {
      const channels = await channelPayments(wh, { from: month, to: month });
      const lpp = await lppTotals(wh, { from, to, filters: {} });
      expect([lpp.principal, lpp.payments]).toEqual([channels.total_amount, channels.total_payments]);
      expect(lpp.penalty).toBe(channels.rows.reduce((s, r) => s + r.penalty, 0));
      expect(lpp.admin_fee).toBe(channels.rows.reduce((s, r) => s + r.admin_fee, 0));
    }
    const all = await channelPayments(wh, { from: '2024-01', to: '2024-04' });
    expect(all.total_amount).toBe(470_000);
    expect((await lppTotals(wh, { from: '2024-01-01', to: '2024-04-30', filters: {} })).principal).toBe(470_000);
  });

  it('take the filters: golongan, kecamatan, desa, channel', async () => {
    expect((await lppTotals(wh, { ...MARCH, filters: { tariffClass: 'R2' } })).principal).toBe(50_000); // P4
    expect((await lppTotals(wh, { ...MARCH, filters: { kecamatan: '17.02.17' } })).principal).toBe(250_000); // C2, C3
    expect((await lppTotals(wh, { ...APRIL, filters: { desa: '17.02.09.1001' } })).principal).toBe(120_000); // P6, P3
    expect(await lppTotals(wh, { ...APRIL, filters: { channel: 'LOKET' } })).toMatchObject({ payments: 2, lembar: 3, principal: 160_000 });
    expect(await lppTotals(wh, { ...APRIL, filters: { channel: 'SHOPEE' } })).toMatchObject({ payments: 0, principal: 0 });
  });
});

describe('lpp_daily (what the rekap, the totals and the detail\'s pages read)', () => {
  // the payments themselves, summed as the report sums them
  const summed = (rows: { day: string; lembar: number; principal: number; penalty: number; admin_fee: number }[]) => {
    const days = new Map<string, number[]>();
    for (const r of rows) {
      const d = days.get(r.day) ?? [0, 0, 0, 0, 0];
      days.set(r.day, [d[0] + 1, d[1] + r.lembar, d[2] + r.principal, d[3] + r.penalty, d[4] + r.admin_fee]);
    }
    return [...days].map(([day, [payments, lembar, principal, penalty, admin_fee]]) => ({ day, payments, lembar, principal, penalty, admin_fee, total: principal + penalty }));
  };
  const ranges = [{ from: '2024-01-01', to: '2024-04-30' }, { from: '2024-03-11', to: '2024-04-15' }];
  const filters = [{}, { tariffClass: 'R2' }, { kecamatan: '17.02.17' }, { desa: '17.02.09.1001' }, { channel: 'SHOPEE' }];

  it('sums each day to the payments of that day, received and refunded apart, with every filter', async () => {
    for (const range of ranges) {
      for (const f of filters) {
        const q = { ...range, filters: f };
        const days = await lppDays(wh, q);
        for (const completed of [true, false]) {
          const rows = (await lppPayments(wh, { ...q, scope: EVERYTHING, refunds: !completed })).rows;
          const perDay = days.filter((d) => d.completed === completed && d.day !== null).map(({ completed: _, ...d }) => d);
          expect(perDay).toEqual(summed(rows));
          const all = summed(rows.map((r) => ({ ...r, day: 'every day' })))[0];
          expect(days.find((d) => d.completed === completed && d.day === null)).toEqual(all && { ...all, day: null, completed });
        }
      }
    }
  });
});

describe('the LPP rekap', () => {
  it('per day, channel and golongan, in day order', async () => {
    expect((await lppRekap(wh, MARCH)).received).toEqual([
      { day: '2024-03-10', channel_code: 'FASTPAY', channel_name: 'Fastpay', tariff_class: 'N1', payments: 1, lembar: 1, principal: 100_000, penalty: 5_000, admin_fee: 2_500, total: 105_000 },
      { day: '2024-03-11', channel_code: 'SHOPEE', channel_name: 'Shopee', tariff_class: 'N1', payments: 1, lembar: 1, principal: 100_000, penalty: 0, admin_fee: 2_000, total: 100_000 },
      { day: '2024-03-15', channel_code: 'KOLEKTOR', channel_name: 'Tim Penagihan', tariff_class: 'R2', payments: 1, lembar: 0, principal: 50_000, penalty: 0, admin_fee: 0, total: 50_000 },
    ]);
  });

  it('lists the refunds and cancellations apart', async () => {
    expect((await lppRekap(wh, { from: '2024-03-01', to: '2024-04-30', filters: {} })).refunds).toEqual([
      { day: '2024-03-12', channel_code: 'SHOPEE', channel_name: 'Shopee', status: 'refunded', payments: 1, lembar: 1, principal: 50_000, penalty: 0, admin_fee: 2_000, total: 50_000 },
      { day: '2024-04-01', channel_code: 'SHOPEE', channel_name: 'Shopee', status: 'cancelled', payments: 1, lembar: 1, principal: 30_000, penalty: 0, admin_fee: 2_000, total: 30_000 },
    ]);
  });
});

describe('the LPP detail', () => {
  it('one row per payment in time order, with customer, period, amounts, channel and time', async () => {
    const r = await lppPayments(wh, { ...APRIL, scope: EVERYTHING });
    expect(r.count).toBe(3);
    expect(r.rows.map((p) => [p.paid_at, p.payment_ref, p.channel_code, p.customer_id, p.name, p.desa_name, p.tariff_class, p.period, p.lembar, p.principal, p.penalty, p.total])).toEqual([
      ['2024-04-10 10:00:00', 'P5', 'LOKET', '0100000003', 'Ahmad', 'Kampung Delima', 'N1', '2024-03', 1, 60_000, 0, 60_000],
      ['2024-04-15 09:30:00', 'P6', 'LOKET', '0100000001', 'Budi Santoso', 'Talang Rimbo Lama', 'R2', null, 2, 100_000, 2_000, 102_000],
      ['2024-04-25 10:00:00', 'P3', 'FASTPAY', '0100000001', 'Budi Santoso', 'Talang Rimbo Lama', 'R2', '2024-02', 1, 20_000, 0, 20_000],
    ]);
  });

  it('pages on the server, the count staying that of the whole selection', async () => {
    const r = await lppPayments(wh, { ...APRIL, scope: EVERYTHING, page: { offset: 1, limit: 1 } });
    expect([r.count, r.rows.map((p) => p.payment_ref)]).toEqual([3, ['P6']]);
  });

  it('lists the refunded rows with their status', async () => {
    const r = await lppPayments(wh, { ...MARCH, scope: EVERYTHING, refunds: true });
    expect(r.rows.map((p) => [p.payment_ref, p.status, p.principal])).toEqual([['SO2', 'refunded', 50_000]]);
  });

  it('is refused without personal data', async () => {
    await expect(lppPayments(wh, { ...MARCH, scope: { personalData: false, teams: 'all' } })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

describe('the LPP as a report (the page, print, downloads and API read this)', () => {
  const query = (view: ReportQuery['view'], from: string, to: string, window: ReportQuery['window'] = null): ReportQuery => ({ view, period: { from, to }, filters: {}, window });

  it('rekap: the days with a subtotal each, then the refunds and cancellations apart; the totals are the received payments', async () => {
    const r = await lppReport.run(wh, query('rekap', '2024-03-01', '2024-04-30'), EVERYTHING);
    expect(r.rows.map((x) => [x.row_type, x.day, x.channel_code ?? null, x.status, x.principal])).toEqual([
      ['line', '2024-03-10', 'FASTPAY', 'completed', 100_000],
      ['subtotal', '2024-03-10', null, null, 100_000],
      ['line', '2024-03-11', 'SHOPEE', 'completed', 100_000],
      ['subtotal', '2024-03-11', null, null, 100_000],
      ['line', '2024-03-15', 'KOLEKTOR', 'completed', 50_000],
      ['subtotal', '2024-03-15', null, null, 50_000],
      ['line', '2024-04-10', 'LOKET', 'completed', 60_000],
      ['subtotal', '2024-04-10', null, null, 60_000],
      ['line', '2024-04-15', 'LOKET', 'completed', 100_000],
      ['subtotal', '2024-04-15', null, null, 100_000],
      ['line', '2024-04-25', 'FASTPAY', 'completed', 20_000],
      ['subtotal', '2024-04-25', null, null, 20_000],
      ['line', '2024-03-12', 'SHOPEE', 'refunded', 50_000],
      ['subtotal', null, null, 'refunded', 50_000],
      ['line', '2024-04-01', 'SHOPEE', 'cancelled', 30_000],
      ['subtotal', null, null, 'cancelled', 30_000],
    ]);
    expect(r.totals).toEqual({ payments: 6, lembar: 6, principal: 430_000, penalty: 7_000, admin_fee: 4_500, total: 437_000 });
    expect(r.filters).toEqual({ from: '2024-03-01', to: '2024-04-30', kecamatan: null, desa: null, tariff_class: null, channel: null });
  });

  it('detail: received payments in time order, then the refunded and cancelled ones, paged across both', async () => {
    const all = await lppReport.run(wh, query('detail', '2024-03-01', '2024-04-30'), EVERYTHING);
    expect(all.rows.map((x) => x.payment_ref)).toEqual(['P2', 'SO1', 'P4', 'P5', 'P6', 'P3', 'SO2', 'SO3']);
    expect([all.count, all.totals.principal]).toEqual([8, 430_000]);
    const page = await lppReport.run(wh, query('detail', '2024-03-01', '2024-04-30', { offset: 5, limit: 2 }), EVERYTHING);
    expect([page.rows.map((x) => x.payment_ref), page.count, page.offset, page.limit]).toEqual([['P3', 'SO2'], 8, 5, 2]);
    const last = await lppReport.run(wh, query('detail', '2024-03-01', '2024-04-30', { offset: 7, limit: 2 }), EVERYTHING);
    expect(last.rows.map((x) => x.payment_ref)).toEqual(['SO3']);
    const past = await lppReport.run(wh, query('detail', '2024-03-01', '2024-04-30', { offset: 8, limit: 2 }), EVERYTHING);
    expect([past.rows, past.count]).toEqual([[], 8]);
    await expect(lppReport.run(wh, query('detail', '2024-03-01', '2024-04-30', { offset: 8, limit: 2 }), { personalData: false, teams: 'all' })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

/**
 * Every named query (etl/queries) on the small utility of tests/support/small-utility.ts, against
 * figures worked out by hand from its bills and payments (see that file's table).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeOverview } from '../../app/lib/overview/figures.server';
import { desaArrears } from '../../etl/queries/areas';
import { arrearsAsOf, arrearsAtMonthEnd, arrearsByAge, arrearsTrend } from '../../etl/queries/arrears';
import { channelPayments } from '../../etl/queries/channels';
import { customersInArrears } from '../../etl/queries/customers';
import type { ArrearsFilters } from '../../etl/queries/filters';
import { rejects, rejectsCount } from '../../etl/queries/loads';
import { warehouseMonths } from '../../etl/queries/months';
import { arrearsMovement } from '../../etl/queries/movement';
import { billingYear, notYetDueAsOf, notYetDueAtMonthEnd } from '../../etl/queries/receivables';
import { EVERYTHING, ScopeRefusedError, type Scope } from '../../etl/queries/scope';
import { visitsByTeam } from '../../etl/queries/visits';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { C1, C2, C3, loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const MANAGER: Scope = { personalData: false, teams: 'all' };

describe('arrears at the end of March 2024, with each filter and combined', () => {
  // As of 31 March: C1 owes its February bill (50,000, 1 month old; January was paid before its due date);
  // C2 its February bill (30,000, 1 month; January was written off that day) and the opening balance less
  // P4 (150,000, from June 2018: 70 months, >60); C3 its February bill (100,000; January was paid by P2).
  const cases: [string, ArrearsFilters, number, number][] = [
    ['no filter', {}, 330_000, 3],
    ['kecamatan Curup Timur (C2, C3)', { kecamatan: '17.02.17' }, 280_000, 2],
    ['desa Talang Rimbo Lama (C1)', { desa: '17.02.09.1001' }, 50_000, 1],
    ['tariff class N1 (C3)', { tariffClass: 'N1' }, 100_000, 1],
    ['status sealed (C2)', { status: 'sealed' }, 180_000, 1],
    ['age >60 (the opening balance)', { age: '>60' }, 150_000, 1],
    ['customers owing at least 100,000 (C2 180,000, C3 100,000)', { minAmount: 100_000 }, 280_000, 2],
    ['tariff R2 and age 1 (C1 50,000, C2 30,000)', { tariffClass: 'R2', age: '1' }, 80_000, 2],
    // minAmount counts what is left after the other filters: C2's 1-month debt is 30,000 (its total is 180,000)
    ['age 1 and at least 40,000 (C1, C3)', { age: '1', minAmount: 40_000 }, 150_000, 2],
    ['kecamatan Curup Timur and status active (C3)', { kecamatan: '17.02.17', status: 'active' }, 100_000, 1],
  ];
  it.each(cases)('%s, from the bills', async (_, filters, arrears, customers) => {
    const r = await arrearsAsOf(wh, { asOf: '2024-03-31', by: 'kecamatan', filters });
    expect([r.total_arrears, r.customers]).toEqual([arrears, customers]);
  });
  it.each(cases)('%s, at the month end (snapshots where they can answer)', async (_, filters, arrears, customers) => {
    const r = await arrearsAtMonthEnd(wh, { month: '2024-03', by: 'kecamatan', filters });
    expect([r.total_arrears, r.customers]).toEqual([arrears, customers]);
  });

  it('grouped by kecamatan, tariff class and age, largest first (age in bucket order)', async () => {
    expect((await arrearsAtMonthEnd(wh, { month: '2024-03', by: 'kecamatan' })).rows).toEqual([
      { group: 'Curup Timur', code: '17.02.17', arrears: 280_000, customers: 2 },
      { group: 'Curup', code: '17.02.09', arrears: 50_000, customers: 1 },
    ]);
    expect((await arrearsAtMonthEnd(wh, { month: '2024-03', by: 'tariff_class' })).rows).toEqual([
      { group: 'R2', code: null, arrears: 230_000, customers: 2 },
      { group: 'N1', code: null, arrears: 100_000, customers: 1 },
    ]);
    expect((await arrearsAsOf(wh, { asOf: '2024-03-31', by: 'age' })).rows).toEqual([
      { group: '1', code: null, arrears: 180_000, customers: 3 },
      { group: '>60', code: null, arrears: 150_000, customers: 1 },
    ]);
  });
});

describe('arrears at the end of April 2024', () => {
  // C1: February less P3 (30,000, 2 months) + March (60,000, 1 month); C2: February (30,000, 2) +
  // March (30,000, 1) + the opening balance (150,000, 71 months); C3: February (100,000, 2); C3's March
  // bill falls due on 5 May and C1's April bill on 20 May: not yet arrears.
  it('by age bucket, every bucket in order', async () => {
    const byAge = await arrearsByAge(wh, { month: '2024-04' });
    expect(byAge.map((r) => r.bucket)).toEqual(['1', '2', '3', '4-6', '7-12', '13-24', '25-60', '>60']);
    expect(byAge.filter((r) => r.arrears !== 0)).toEqual([
      { bucket: '1', arrears: 90_000 },
      { bucket: '2', arrears: 160_000 },
      { bucket: '>60', arrears: 150_000 },
    ]);
    expect((await arrearsByAge(wh, { month: '2024-04', filters: { minAmount: 200_000 } })).filter((r) => r.arrears !== 0)).toEqual([
      { bucket: '1', arrears: 30_000 },
      { bucket: '2', arrears: 30_000 },
      { bucket: '>60', arrears: 150_000 },
    ]);
  });

  it('the trend: every month end, with the part over 12 months old', async () => {
    expect(await arrearsTrend(wh, { from: '2024-01', to: '2024-04' })).toEqual([
      { month: '2024-01', arrears: 200_000, legacy: 200_000 }, // the opening balance only
      { month: '2024-02', arrears: 330_000, legacy: 200_000 }, // + January's C2 30,000 and C3 100,000
      { month: '2024-03', arrears: 330_000, legacy: 150_000 },
      { month: '2024-04', arrears: 400_000, legacy: 150_000 },
    ]);
    expect((await arrearsTrend(wh, { from: '2024-01', to: '2024-04', filters: { tariffClass: 'N1' } })).map((p) => p.arrears)).toEqual([
      0, 100_000, 100_000, 100_000,
    ]);
  });

  it('the kecamatan page: its desa, filtered in SQL by the kecamatan', async () => {
    expect(await desaArrears(wh, { month: '2024-04', kecamatan: '17.02.17' })).toEqual({
      name: 'Curup Timur',
      total_arrears: 310_000,
      customers: 2,
      desa: [{ code: '17.02.17.2001', name: 'Kampung Delima', type: 'desa', arrears: 310_000, customers: 2 }],
    });
    expect((await desaArrears(wh, { month: '2024-01', kecamatan: '17.02.09' })).desa).toEqual([
      { code: '17.02.09.1001', name: 'Talang Rimbo Lama', type: 'kelurahan', arrears: 0, customers: 0 },
    ]);
  });
});

describe('receivables not yet due', () => {
  it('on any day, from the bills', async () => {
    // 9 April: the March bills (issued 2 April) are all unpaid; 10 April: P5 paid 60,000 of C3's.
    expect(await notYetDueAsOf(wh, { asOf: '2024-04-09' })).toEqual({ amount: 190_000, bills: 3 });
    expect(await notYetDueAsOf(wh, { asOf: '2024-04-10' })).toEqual({ amount: 130_000, bills: 3 });
    // 30 April: C3's March bill (due 5 May) less P5, and C1's April bill issued on the 29th
    expect(await notYetDueAsOf(wh, { asOf: '2024-04-30' })).toEqual({ amount: 85_000, bills: 2 });
  });

  it('at every month end, precomputed: the same figures', async () => {
    expect(await notYetDueAtMonthEnd(wh, { month: '2024-03' })).toEqual({ amount: 0, bills: 0 });
    expect(await notYetDueAtMonthEnd(wh, { month: '2024-04' })).toEqual({ amount: 85_000, bills: 2 });
  });
});

describe('the billing year (both Efektivitas Penagihan variants)', () => {
  it('to April 2024: bills issued May 2023 … April 2024 and what was collected', async () => {
    expect(await billingYear(wh, { month: '2024-04' })).toEqual({
      from: '2023-05-01',
      to: '2024-04-30',
      billed: 170_000 + 180_000 + 190_000 + 45_000, // issued 2 Feb, 2 Mar, 2 Apr, 29 Apr
      months: 3,
      collectedOwnBills: 40_000 + 100_000 + 20_000 + 60_000, // P1, P2, P3, P5 (P4 paid the opening balance)
      collectedAllReceipts: 270_000,
    });
  });

  it('to March 2024: P3 (25 April) is not in yet', async () => {
    expect(await billingYear(wh, { month: '2024-03' })).toMatchObject({ billed: 350_000, months: 2, collectedOwnBills: 140_000, collectedAllReceipts: 190_000 });
  });
});

describe('the movement', () => {
  // P2 and P4, both on debts already overdue
  const MARCH_RECOVERED = [
    { channel_code: 'FASTPAY', channel_name: 'Fastpay', category: 'ppob', recovered: 100_000 },
    { channel_code: 'KOLEKTOR', channel_name: 'Tim Penagihan', category: 'collector', recovered: 50_000 },
  ];

  it('March 2024: P2 and P4 recovered, the write-off, February’s bills falling due', async () => {
    expect(await arrearsMovement(wh, { month: '2024-03' })).toEqual({
      month: '2024-03',
      month_end: '2024-03-31',
      opening: 330_000,
      newly_overdue: 180_000,
      recovered: 150_000,
      written_off: 30_000,
      closing: 330_000,
      recovered_by_channel: MARCH_RECOVERED,
    });
  });

  it('April 2024: closing = 330,000 + 90,000 − 20,000', async () => {
    expect(await arrearsMovement(wh, { month: '2024-04' })).toMatchObject({ opening: 330_000, newly_overdue: 90_000, recovered: 20_000, written_off: 0, closing: 400_000 });
    expect(await arrearsMovement(wh, { month: '2023-12' })).toBeNull();
  });

  it('March 2024 in Curup Timur only (C2, C3): the same identity, from the events of its customers', async () => {
    expect(await arrearsMovement(wh, { month: '2024-03', filters: { kecamatan: '17.02.17' } })).toEqual({
      month: '2024-03',
      month_end: '2024-03-31',
      opening: 330_000, // C2's January bill 30,000 and opening balance 200,000, C3's January bill 100,000
      newly_overdue: 130_000, // their February bills
      recovered: 150_000,
      written_off: 30_000,
      closing: 280_000,
      recovered_by_channel: MARCH_RECOVERED,
    });
    // C1 alone in April: 50,000 + its March bill 60,000 − P3 20,000
    expect(await arrearsMovement(wh, { month: '2024-04', filters: { desa: '17.02.09.1001' } })).toMatchObject({
      opening: 50_000, newly_overdue: 60_000, recovered: 20_000, written_off: 0, closing: 90_000,
    });
    expect(await arrearsMovement(wh, { month: '2023-12', filters: { status: 'active' } })).toBeNull();
  });

  it('the months the warehouse covers', async () => {
    expect((await warehouseMonths(wh)).map((m) => `${m.month} ${m.month_end}`)).toEqual([
      '2024-01 2024-01-31', '2024-02 2024-02-29', '2024-03 2024-03-31', '2024-04 2024-04-30',
    ]);
  });
});

describe('channel payments', () => {
  it('March and April 2024 by month and channel, largest first, with our fee cost', async () => {
    expect(await channelPayments(wh, { from: '2024-03', to: '2024-04' })).toEqual({
      from: '2024-03',
      to: '2024-04',
      total_payments: 4,
      total_amount: 230_000,
      rows: [
        { month: '2024-03', channel_code: 'FASTPAY', channel_name: 'Fastpay', category: 'ppob', online: true, payments: 1, amount: 100_000, penalty: 5_000, admin_fee: 2_500, fee_cost: 1_500 },
        { month: '2024-03', channel_code: 'KOLEKTOR', channel_name: 'Tim Penagihan', category: 'collector', online: false, payments: 1, amount: 50_000, penalty: 0, admin_fee: 0, fee_cost: 0 },
        { month: '2024-04', channel_code: 'LOKET', channel_name: 'Loket PDAM', category: 'counter', online: false, payments: 1, amount: 60_000, penalty: 0, admin_fee: 0, fee_cost: 0 },
        { month: '2024-04', channel_code: 'FASTPAY', channel_name: 'Fastpay', category: 'ppob', online: true, payments: 1, amount: 20_000, penalty: 0, admin_fee: 0, fee_cost: 1_500 },
      ],
    });
  });
});

describe('the rejected rows', () => {
  const line = '0100000099,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000';
  it('with personal data: the raw line', async () => {
    expect(await rejects(wh, { scope: EVERYTHING })).toEqual([{ file_name: 'bills.csv', line: 12, reason: 'unknown customer 0100000099', raw: line }]);
    expect(await rejectsCount(wh, { file: 'bills.csv' })).toBe(1);
    expect(await rejects(wh, { file: 'payments.csv', scope: EVERYTHING })).toEqual([]);
  });
  it('without personal data: no raw text', async () => {
    expect(await rejects(wh, { scope: MANAGER })).toEqual([{ file_name: 'bills.csv', line: 12, reason: 'unknown customer 0100000099', raw: null }]);
  });
});

describe('customers in arrears', () => {
  const ids = (page: { rows: { customer_id: string }[] }) => page.rows.map((r) => r.customer_id);

  it('one row per customer, largest first, with the totals of the whole selection', async () => {
    const page = await customersInArrears(wh, { asOf: '2024-03-31', scope: EVERYTHING });
    expect(page).toMatchObject({ count: 3, total_arrears: 330_000, page: 1 });
    expect(page.rows[0]).toEqual({
      customer_id: C2,
      name: 'Siti Aminah',
      address: 'Jl. Sudirman',
      phone: '', // none in customers.csv
      desa_code: '17.02.17.2001',
      tariff_class: 'R2',
      status: 'sealed',
      arrears: 180_000,
      bills: 1, // February; January was written off, the opening balance is not a bill
      oldest_months: 70,
      last_paid_on: '2024-03-15',
      last_channel: 'KOLEKTOR',
      last_visit_on: '2024-03-15',
      last_visit_outcome: 'partial',
    });
    expect(page.rows.map((r) => [r.customer_id, r.arrears, r.last_paid_on, r.last_channel])).toEqual([
      [C2, 180_000, '2024-03-15', 'KOLEKTOR'],
      [C3, 100_000, '2024-03-10', 'FASTPAY'],
      [C1, 50_000, '2024-02-15', 'LOKET'],
    ]);
  });

  it('pages on the server; the totals stay those of the selection', async () => {
    const second = await customersInArrears(wh, { asOf: '2024-03-31', scope: EVERYTHING, page: 2, pageSize: 2 });
    expect(ids(second)).toEqual([C1]);
    expect(second).toMatchObject({ count: 3, total_arrears: 330_000, page: 2, page_size: 2 });
  });

  it('sorts by a whitelisted column', async () => {
    expect(ids(await customersInArrears(wh, { asOf: '2024-03-31', scope: EVERYTHING, sort: { column: 'last_paid_on', direction: 'asc' } }))).toEqual([C1, C3, C2]);
    expect(ids(await customersInArrears(wh, { asOf: '2024-04-30', scope: EVERYTHING, sort: { column: 'bills', direction: 'desc' } }))).toEqual([C1, C2, C3]);
    await expect(
      customersInArrears(wh, { asOf: '2024-03-31', scope: EVERYTHING, sort: { column: 'name; DROP TABLE bills' as 'name', direction: 'asc' } }),
    ).rejects.toThrow(RangeError);
  });

  it('min_amount keeps the customers owing at least that much', async () => {
    const page = await customersInArrears(wh, { asOf: '2024-03-31', scope: EVERYTHING, filters: { minAmount: 100_000 } });
    expect([ids(page), page.count, page.total_arrears]).toEqual([[C2, C3], 2, 280_000]);
  });

  it('is refused without personal data', async () => {
    await expect(customersInArrears(wh, { asOf: '2024-03-31', scope: MANAGER })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

describe('team scope', () => {
  const march = { from: '2024-03-01', to: '2024-03-31' };
  it('every team for a scope of all teams', async () => {
    expect(await visitsByTeam(wh, { ...march, scope: EVERYTHING })).toEqual([
      { team_id: 'T01', team_name: 'Tim Curup', visits: 1, customers: 1, paid_visits: 0, amount_collected: 0 },
      { team_id: 'T02', team_name: 'Tim Curup Timur', visits: 2, customers: 2, paid_visits: 1, amount_collected: 50_000 },
    ]);
  });
  it('a supervisor of T02 sees T02 only; one without teams sees none', async () => {
    expect((await visitsByTeam(wh, { ...march, scope: { personalData: true, teams: ['T02'] } })).map((t) => t.team_id)).toEqual(['T02']);
    expect(await visitsByTeam(wh, { ...march, scope: { personalData: true, teams: [] } })).toEqual([]);
  });
});

describe('the overview of April 2024, assembled from the named queries', () => {
  it('equals the figures worked out above', async () => {
    const o = await computeOverview(wh, '2024-04');
    expect(o).toMatchObject({
      total_arrears: 400_000,
      customers_in_arrears: 3,
      current_arrears: 250_000,
      legacy_arrears: 150_000,
      receivables: { total: 485_000, arrears: 400_000, not_yet_due: 85_000 },
      collection_effectiveness: { billed: 585_000, own_bills: { collected: 220_000 }, all_receipts: { collected: 270_000 } },
      vs_previous_month: { month: '2024-03' },
      checks: { movement_closing_equals_total_arrears: true, age_buckets_add_up_to_total_arrears: true },
    });
    expect(o.by_kecamatan.map((k) => [k.code, k.arrears, k.customers])).toEqual([
      ['17.02.17', 310_000, 2],
      ['17.02.09', 90_000, 1],
    ]);
    expect(o.movement?.recovered_by_category).toEqual([{ category: 'ppob', recovered: 20_000 }]);
  });
});

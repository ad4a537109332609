/**
 * The arrears drill-down on the small utility (tests/support/small-utility.ts): the area levels and the
 * customer list at a month end, each filter and two combined, against figures worked out by hand; the
 * levels add up to each other and to the overview; the month-end table equals the bills.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeOverview } from '../../app/lib/overview/figures.server';
import { arrearsByArea, onlineShareByArea } from '../../etl/queries/arrears-areas';
import { customersInArrears } from '../../etl/queries/customers';
import type { ArrearsFilters } from '../../etl/queries/filters';
import { EVERYTHING } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { C1, C2, C3, loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const CURUP = '17.02.09';
const CURUP_TIMUR = '17.02.17';

describe('the kecamatan level at the end of March 2024', () => {
  // As of 31 March: C1 (Curup) owes its February bill, 50,000; C2 (Curup Timur) its February bill, 30,000,
  // and the opening balance less P4, 150,000 (70 months old: >60; not a bill); C3 (Curup Timur) its
  // February bill, 100,000. Every February bill is 1 month old.
  it('each kecamatan with its arrears, customers and overdue bills, largest first', async () => {
    const r = await arrearsByArea(wh, { month: '2024-03', level: 'kecamatan' });
    expect(r).toMatchObject({ as_of: '2024-03-31', level: 'kecamatan', total_arrears: 330_000, customers: 3, bills: 3 });
    expect(r.rows).toEqual([
      { code: CURUP_TIMUR, name: 'Curup Timur', arrears: 280_000, customers: 2, bills: 2 },
      { code: CURUP, name: 'Curup', arrears: 50_000, customers: 1, bills: 1 },
    ]);
    expect(r.by_age).toEqual([
      { code: CURUP, bucket: '1', arrears: 50_000 },
      { code: CURUP_TIMUR, bucket: '1', arrears: 130_000 },
      { code: CURUP_TIMUR, bucket: '>60', arrears: 150_000 },
    ]);
  });

  // [filters, rows as [code, arrears, customers, bills]]
  const cases: [string, ArrearsFilters, [string, number, number, number][]][] = [
    ['kecamatan Curup Timur', { kecamatan: CURUP_TIMUR }, [[CURUP_TIMUR, 280_000, 2, 2]]],
    ['desa Talang Rimbo Lama (C1)', { desa: '17.02.09.1001' }, [[CURUP, 50_000, 1, 1]]],
    ['tariff class N1 (C3)', { tariffClass: 'N1' }, [[CURUP_TIMUR, 100_000, 1, 1]]],
    ['status sealed (C2: February bill and opening balance)', { status: 'sealed' }, [[CURUP_TIMUR, 180_000, 1, 1]]],
    ['age >60 (the opening balance: no bill)', { age: '>60' }, [[CURUP_TIMUR, 150_000, 1, 0]]],
    ['at least 100,000 (C2 180,000, C3 100,000)', { minAmount: 100_000 }, [[CURUP_TIMUR, 280_000, 2, 2]]],
    ['at least 100,001 (C2 only)', { minAmount: 100_001 }, [[CURUP_TIMUR, 180_000, 1, 1]]],
    [
      'tariff R2 and age 1 (C1 50,000, C2 30,000)',
      { tariffClass: 'R2', age: '1' },
      [
        [CURUP, 50_000, 1, 1],
        [CURUP_TIMUR, 30_000, 1, 1],
      ],
    ],
    // minAmount counts what is left after the other filters: C2's 1-month debt is 30,000 (its total 180,000)
    [
      'age 1 and at least 40,000 (C3, C1)',
      { age: '1', minAmount: 40_000 },
      [
        [CURUP_TIMUR, 100_000, 1, 1],
        [CURUP, 50_000, 1, 1],
      ],
    ],
  ];
  it.each(cases)('%s', async (_, filters, expected) => {
    const r = await arrearsByArea(wh, { month: '2024-03', level: 'kecamatan', filters });
    expect(r.rows.map((row) => [row.code, row.arrears, row.customers, row.bills])).toEqual(expected);
    expect(r.total_arrears).toBe(expected.reduce((s, e) => s + e[1], 0));
  });
});

describe('the desa level and the customer list at the end of April 2024', () => {
  // As of 30 April: C1 owes February less P3 (30,000) and March (60,000, due 20 April): 90,000 in 2 bills;
  // C2 February and March (30,000 each) and the opening balance (150,000): 210,000 in 2 bills; C3 its
  // February bill (100,000; March, less P5 before its due date, is due 5 May).
  it('the desa of Curup Timur', async () => {
    const r = await arrearsByArea(wh, { month: '2024-04', level: 'desa', filters: { kecamatan: CURUP_TIMUR } });
    expect(r.rows).toEqual([{ code: '17.02.17.2001', name: 'Kampung Delima', arrears: 310_000, customers: 2, bills: 3 }]);
  });

  it('the customers of a desa, with their last payment and the last visit of a team in scope', async () => {
    const page = await customersInArrears(wh, { asOf: '2024-04-30', scope: EVERYTHING, filters: { desa: '17.02.17.2001' } });
    expect(page).toMatchObject({ count: 2, total_arrears: 310_000 });
    expect(page.rows.map((r) => [r.customer_id, r.arrears, r.bills, r.oldest_months, r.last_paid_on, r.last_channel, r.last_visit_on, r.last_visit_outcome])).toEqual([
      [C2, 210_000, 2, 71, '2024-03-15', 'KOLEKTOR', '2024-04-02', 'refused'],
      [C3, 100_000, 1, 2, '2024-04-10', 'LOKET', '2024-03-20', 'promise_to_pay'],
    ]);
    const t01 = await customersInArrears(wh, { asOf: '2024-04-30', scope: { personalData: true, teams: ['T01'] }, filters: { desa: '17.02.17.2001' } });
    expect(t01.rows.map((r) => r.last_visit_outcome)).toEqual([null, null]);
  });

  it('sorted by the last payment, on the server', async () => {
    const page = await customersInArrears(wh, { asOf: '2024-04-30', scope: EVERYTHING, sort: { column: 'last_paid_on', direction: 'desc' } });
    expect(page.rows.map((r) => [r.customer_id, r.last_paid_on])).toEqual([
      [C1, '2024-04-25'],
      [C3, '2024-04-10'],
      [C2, '2024-03-15'],
    ]);
  });

  it('online share of the amount paid in the 12 months to April, per kecamatan', async () => {
    // Curup: P1 40,000 at the counter, P3 20,000 Fastpay; Curup Timur: P2 100,000 Fastpay, P4 50,000, P5 60,000
    expect(await onlineShareByArea(wh, { from: '2023-05', to: '2024-04', level: 'kecamatan' })).toEqual([
      { code: CURUP, online_share: 20_000 / 60_000 },
      { code: CURUP_TIMUR, online_share: 100_000 / 210_000 },
    ]);
  });
});

const FILTER_CASES: ArrearsFilters[] = [
  {},
  { kecamatan: CURUP_TIMUR },
  { desa: '17.02.09.1001' },
  { tariffClass: 'R2' },
  { status: 'active' },
  { age: '1' },
  { age: '>60' },
  { minAmount: 100_000 },
  { tariffClass: 'R2', age: '1' },
  { age: '1', minAmount: 40_000 },
];
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];

describe('the levels add up', () => {
  it.each(FILTER_CASES)('customers to desa to kecamatan to the overview, every month (%o)', async (filters) => {
    for (const month of MONTHS) {
      const asOf = (await arrearsByArea(wh, { month, level: 'kecamatan', filters })).as_of;
      const kecamatan = await arrearsByArea(wh, { month, level: 'kecamatan', filters });
      const desa = await arrearsByArea(wh, { month, level: 'desa', filters });
      const customers = await customersInArrears(wh, { asOf, scope: EVERYTHING, filters, pageSize: 1000 });
      for (const k of kecamatan.rows) {
        const inside = desa.rows.filter((d) => d.code.startsWith(`${k.code}.`));
        expect([k.arrears, k.customers, k.bills]).toEqual([
          inside.reduce((s, d) => s + d.arrears, 0),
          inside.reduce((s, d) => s + d.customers, 0),
          inside.reduce((s, d) => s + d.bills, 0),
        ]);
      }
      for (const d of desa.rows) {
        const inside = customers.rows.filter((c) => c.desa_code === d.code);
        expect([d.arrears, d.customers, d.bills]).toEqual([inside.reduce((s, c) => s + c.arrears, 0), inside.length, inside.reduce((s, c) => s + c.bills, 0)]);
      }
      expect([kecamatan.total_arrears, kecamatan.customers]).toEqual([customers.total_arrears, customers.count]);
    }
  });

  it('the kecamatan level is the overview total, every month', async () => {
    for (const month of MONTHS) {
      const o = await computeOverview(wh, month);
      const k = await arrearsByArea(wh, { month, level: 'kecamatan' });
      expect([k.total_arrears, k.customers]).toEqual([o.total_arrears, o.customers_in_arrears]);
      expect(k.rows.map((r) => [r.code, r.arrears, r.customers])).toEqual(o.by_kecamatan.map((r) => [r.code, r.arrears, r.customers]));
    }
  });
});

describe('the month-end table equals the bills', () => {
  it.each(FILTER_CASES)('every month end, every customer (%o)', async (filters) => {
    for (const month of MONTHS) {
      const asOf = (await arrearsByArea(wh, { month, level: 'desa' })).as_of;
      const args = { asOf, scope: EVERYTHING, filters, pageSize: 1000 };
      expect(await customersInArrears(wh, { ...args, source: 'month_end' })).toEqual(await customersInArrears(wh, { ...args, source: 'bills' }));
    }
  });
});

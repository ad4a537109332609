import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFile } from '../../etl/load/load-file';
import { loadPaths } from '../../etl/load/load-paths';
import { arrearsAsOf } from '../../etl/queries/arrears';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { BASE_FILES, bills, fixture, payments, type Fixture } from '../support/fixture';

let fx: Fixture;
let wh: Warehouse;

beforeEach(async () => {
  fx = fixture();
  wh = await fx.open();
  for (const [name, lines] of Object.entries(BASE_FILES)) await loadFile(wh, fx.file(name, lines));
});

afterEach(() => {
  wh.close();
  fx.cleanup();
});

const count = async (table: string) => (await wh.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).n;
const rejectsOf = (file: string) =>
  wh.query<{ line: number; raw: string; reason: string }>(
    `SELECT line, raw, reason FROM rejects WHERE file_name = $file ORDER BY line`, { file },
  );

describe('bad rows are rejected with their line, raw text and reason; the other rows load', () => {
  it('bills: totals that do not add up, bad dates, unknown customers, duplicate keys, negative amounts', async () => {
    const r = await loadFile(wh, fx.file('bills.csv', bills([
      '0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600',
      '0100000001,2024-02,2024-03-02,2024-03-20,10,18000,23000,0,40000',
      '0100000001,2024-03,2024-04-31,2024-04-20,10,18000,23000,0,41000',
      '0100000099,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000',
      '0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600',
      '0100000002,2024-01,2024-02-02,2024-02-20,10,-18000,23000,0,5000',
      '0100000002,2024-02,2024-03-02,2024-03-20,10,18000,23000,0',
    ])));
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 7, rowsLoaded: 1, rowsRejected: 6, amountLoaded: 45_600 });
    expect(await rejectsOf('bills.csv')).toEqual([
      { line: 3, raw: '0100000001,2024-02,2024-03-02,2024-03-20,10,18000,23000,0,40000',
        reason: 'total_amount 40000 is not water_charge + fixed_charge + other_charge = 41000' },
      { line: 4, raw: '0100000001,2024-03,2024-04-31,2024-04-20,10,18000,23000,0,41000',
        reason: 'issued_on is not a date YYYY-MM-DD (2024-04-31)' },
      { line: 5, raw: '0100000099,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000', reason: 'unknown customer 0100000099' },
      { line: 6, raw: '0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600',
        reason: 'duplicate of line 2 (same customer_id + period)' },
      { line: 7, raw: '0100000002,2024-01,2024-02-02,2024-02-20,10,-18000,23000,0,5000', reason: 'water_charge is negative (-18000)' },
      { line: 8, raw: '0100000002,2024-02,2024-03-02,2024-03-20,10,18000,23000,0', reason: 'expected 9 fields, found 8' },
    ]);
    expect(await count('bills')).toBe(1);
  });

  it('payments: an unknown channel is rejected, an unknown customer is not (it loads unmatched)', async () => {
    const r = await loadFile(wh, fx.file('payments.csv', payments([
      'P1,GOPAY,0100000001,,2024-02-10T10:00:00,1000,0,0',
      'P2,LOKET,0100000077,,2024-02-10T10:00:00,1000,0,0',
      'P3,LOKET,0100000001,,kemarin,1000,0,0',
      'P4,LOKET,0100000001,,2024-02-10T10:00:00,1.000,0,0',
    ])));
    expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    expect((await rejectsOf('payments.csv')).map((x) => x.reason)).toEqual([
      'unknown channel GOPAY',
      'paid_at is not an ISO 8601 timestamp (kemarin)',
      'amount is not a whole number of rupiah (1.000)',
    ]);
    expect(await count('payments')).toBe(1);
  });

  it('a write-off larger than what is outstanding at its date is rejected', async () => {
    await loadFile(wh, fx.file('bills.csv', bills(['0100000002,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000'])));
    await loadFile(wh, fx.file('payments.csv', payments(['P1,LOKET,0100000002,2024-01,2024-03-05T10:00:00,20000,0,0'])));
    const r = await loadFile(wh, fx.file('write_offs.csv', [
      'customer_id,period,written_off_on,amount,reason',
      '0100000002,2024-01,2024-03-05,30000,hapus buku',
      '0100000002,2024-01,2024-03-06,21000,hapus buku',
      '0100000002,2023-05,2024-03-06,1000,no such bill',
    ]));
    expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect((await rejectsOf('write_offs.csv')).map((x) => [x.line, x.reason])).toEqual([
      [2, 'write-off of 30000 is more than the 21000 outstanding on its date'],
      [4, 'no bill of 0100000002 for period 2023-05 to write off'],
    ]);
  });

  it('visits: an empty amount_collected means 0 and an empty promise_date means no promise; neither rejects the row', async () => {
    await loadFile(wh, fx.file('teams.csv', ['team_id,team_name,collector_id,collector_name,base_latitude,base_longitude', 'T01,Tim Curup,K01,Andi,-3.47,102.52']));
    const r = await loadFile(wh, fx.file('visits.csv', [
      'visit_id,team_id,collector_id,customer_id,visited_at,outcome,amount_collected,promise_date',
      'V1,T01,K01,0100000001,2024-03-05T09:00:00,not_home,,',
      'V2,T01,K01,0100000002,2024-03-05T10:00:00,refused,0,',
      'V3,T01,K01,0100000003,2024-03-05T11:00:00,promise_to_pay,,2024-03-12',
      'V4,T01,K01,0100000003,2024-03-06T11:00:00,paid,,',
      'V5,T01,K01,0100000003,2024-03-07T11:00:00,promise_to_pay,,',
    ]));
    expect(r).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 });
    expect(await wh.query(`SELECT visit_id, amount_collected, CAST(promise_date AS VARCHAR) AS promise_date FROM visits ORDER BY visit_id`)).toEqual([
      { visit_id: 'V1', amount_collected: 0, promise_date: null },
      { visit_id: 'V2', amount_collected: 0, promise_date: null },
      { visit_id: 'V3', amount_collected: 0, promise_date: '2024-03-12' },
    ]);
    expect((await rejectsOf('visits.csv')).map((x) => [x.line, x.reason])).toEqual([
      [5, 'outcome paid with amount_collected 0'],
      [6, 'promise_to_pay needs a promise_date'],
    ]);
  });
});

describe('files that are wrong as a whole are refused and change nothing', () => {
  it('missing columns', async () => {
    const r = await loadFile(wh, fx.file('bills.csv', [
      'customer_id,period,issued_on,due_on,water_charge,fixed_charge,other_charge,total_amount',
      '0100000001,2024-01,2024-02-02,2024-02-20,22600,23000,0,45600',
    ]));
    expect(r).toMatchObject({ status: 'refused', message: 'bills.csv: missing columns: usage_m3', rowsLoaded: 0 });
    expect(await count('bills')).toBe(0);
    expect(await count('load_files')).toBe(3);
  });

  it('an unknown format', async () => {
    const r = await loadFile(wh, fx.file('mystery.csv', ['a,b,c', '1,2,3']));
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/^mystery\.csv: unknown format/);
  });

  it('a bank file whose trailer total does not match its rows', async () => {
    const r = await loadFile(wh, fx.file('bank.txt', [
      'H;FASTPAY;PDAM;05/03/2024',
      'D;TRX1;0100000001;012024;05/03/2024 10:00:00;45.600,00;0,00;2.500,00',
      'T;1;99.999,00',
    ]));
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/total/);
    expect(await count('payments')).toBe(0);
  });
});

describe('loading again', () => {
  it('the same file twice changes nothing', async () => {
    const path = fx.file('bills.csv', bills(['0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600']));
    await loadFile(wh, path);
    const again = await loadFile(wh, path);
    expect(again.status).toBe('skipped');
    expect(await count('bills')).toBe(1);
    expect(await count('load_files')).toBe(4);
  });

  it('a corrected re-export replaces earlier rows by natural key', async () => {
    await loadFile(wh, fx.file('bills.csv', bills([
      '0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600',
      '0100000002,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000',
    ])));
    const r = await loadFile(wh, fx.file('bills-corrected.csv', bills([
      '0100000001,2024-01,2024-02-02,2024-02-20,10,18000,23000,0,41000',
    ])));
    expect(r).toMatchObject({ rowsLoaded: 1, rowsReplaced: 1 });
    expect(await wh.query(`SELECT customer_id, total_amount FROM bills ORDER BY customer_id`)).toEqual([
      { customer_id: '0100000001', total_amount: 41_000 },
      { customer_id: '0100000002', total_amount: 41_000 },
    ]);
  });

  it('a payment for a bill not yet loaded stays unmatched, and is matched once the bill arrives', async () => {
    const pay = fx.file('payments.csv', payments(['P1,FASTPAY,0100000001,2024-01,2024-02-10T10:00:00,45600,0,2500']));
    await loadPaths(wh, [pay]);
    expect(await wh.query(`SELECT target, amount FROM payment_allocations`)).toEqual([{ target: 'unmatched', amount: 45_600 }]);
    await loadPaths(wh, [fx.file('bills.csv', bills(['0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600']))]);
    expect(await wh.query(`SELECT target, amount FROM payment_allocations`)).toEqual([{ target: 'bill', amount: 45_600 }]);
  });
});

describe('file formats', () => {
  it('tolerates a byte order mark, CRLF line ends and quoted fields with commas', async () => {
    const path = fx.file('customers2.csv', []);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, '\uFEFF' + [
      ...BASE_FILES['customers.csv'].slice(0, 1),
      '0100000004,"Wati, S.Pd","Jl. ""Baru"" 2, Curup",17.02.09.1001,R1,active,2020-01-01,,,',
    ].join('\r\n') + '\r\n');
    const r = await loadFile(wh, path);
    expect(r).toMatchObject({ rowsRead: 1, rowsLoaded: 1 });
    expect(await wh.one(`SELECT name, address FROM customers WHERE customer_id = '0100000004'`)).toEqual({
      name: 'Wati, S.Pd', address: 'Jl. "Baru" 2, Curup',
    });
  });

  it('loads a marketplace report: completed orders are payments, refunded ones are recorded but not applied', async () => {
    await loadFile(wh, fx.file('channels-mp.csv', [
      'channel_code,channel_name,online,category,fee_per_txn,launched_on', 'SHOPEE,Shopee,true,marketplace,2000,2023-01-01',
    ]));
    await loadFile(wh, fx.file('bills.csv', bills(['0100000001,2024-01,2024-02-02,2024-02-20,12,22600,23000,0,45600'])));
    const run = await loadPaths(wh, [fx.file('shopee.csv', [
      'order_id,order_time,channel,customer_number,bill_period,bill_amount,penalty,admin_fee,status',
      'SO1,2024-02-10T10:00:00+07:00,SHOPEE,0100000001,2024-01,45600,0,2500,REFUNDED',
      'SO2,2024-02-11T10:00:00+07:00,SHOPEE,0100000001,2024-01,45600,0,2500,COMPLETED',
    ])]);
    // Both rows load; only the completed order is money received.
    expect(run.files[0]).toMatchObject({ format: 'marketplace', rowsLoaded: 2, amountLoaded: 45_600 });
    expect(await wh.query(`SELECT payment_ref, status FROM payments ORDER BY payment_ref`)).toEqual([
      { payment_ref: 'SO1', status: 'refunded' },
      { payment_ref: 'SO2', status: 'completed' },
    ]);
    expect(await wh.query(`SELECT payment_id IS NOT NULL AS ok, target FROM payment_allocations ORDER BY target`)).toEqual([
      { ok: true, target: 'bill' },
      { ok: true, target: 'not_applied' },
    ]);
    expect((await arrearsAsOf(wh, { asOf: '2024-03-31', by: 'kecamatan' })).total_arrears).toBe(0);
  });
});

/**
 * The customer ledger, the sealing candidates, the letters' selections and their follow-up on the
 * small utility of tests/support/small-utility.ts, against figures worked out by hand from its table;
 * and the state store holding all of a batch of letters or none of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDrafts, letterCondition } from '../../app/lib/letters/compose';
import { followUp } from '../../app/lib/letters/follow-up';
import { DEFAULT_SEALING_POLICY, meetsSealingPolicy } from '../../etl/domain/sealing';
import { customersInArrears } from '../../etl/queries/customers';
import { arrearsOfCustomersOn, lastDayInWarehouse } from '../../etl/queries/follow-up';
import { customerLedger } from '../../etl/queries/ledger';
import { customersOwing, owingByDesa, owingPage, sealingCandidates } from '../../etl/queries/sealing';
import { EVERYTHING, ScopeRefusedError } from '../../etl/queries/scope';
import { DuplicateBatchError, issueBatch, listLetters, type LetterDraft } from '../../etl/store/letters';
import { StateStore } from '../../etl/store/state-store';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { C1, C2, C3, loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const MANAGER = { personalData: false, teams: 'all' as const };

describe('the customer ledger', () => {
  it('C1 at the end of April: each bill, each payment with its channel, the running balance', async () => {
    const l = await customerLedger(wh, { customerId: C1, asOf: '2024-04-30', scope: EVERYTHING });
    expect(l?.lines.map((x) => [x.date, x.kind, x.period, x.amount, x.balance, x.channel_code])).toEqual([
      ['2024-02-02', 'bill', '2024-01', 40_000, 40_000, null],
      ['2024-02-15', 'payment', '2024-01', -40_000, 0, 'LOKET'],
      ['2024-03-02', 'bill', '2024-02', 50_000, 50_000, null],
      ['2024-04-02', 'bill', '2024-03', 60_000, 110_000, null],
      ['2024-04-25', 'payment', '2024-02', -20_000, 90_000, 'FASTPAY'],
      // issued 29 April, due 20 May: owed but not yet in arrears
      ['2024-04-29', 'bill', '2024-04', 45_000, 135_000, null],
    ]);
    // overdue on 30 April: what is left of February (30,000) and March (60,000, due 20 April)
    expect([l?.arrears, l?.credit]).toEqual([90_000, 0]);
    expect(l?.overdue.map((d) => [d.period, d.outstanding])).toEqual([
      ['2024-02', 30_000],
      ['2024-03', 60_000],
    ]);
    expect(l?.visits.map((v) => v.outcome)).toEqual(['not_home']);
  });

  it('C2 at the end of March: the opening balance, a payment to it, a write-off', async () => {
    const l = await customerLedger(wh, { customerId: C2, asOf: '2024-03-31', scope: EVERYTHING });
    expect(l?.lines.map((x) => [x.kind, x.amount, x.balance])).toEqual([
      ['opening', 200_000, 200_000],
      ['bill', 30_000, 230_000],
      ['bill', 30_000, 260_000],
      ['payment', -50_000, 210_000],
      ['write_off', -30_000, 180_000],
    ]);
    expect(l?.arrears).toBe(180_000);
  });

  it('C3 shows the denda paid with a payment', async () => {
    const l = await customerLedger(wh, { customerId: C3, asOf: '2024-03-31', scope: EVERYTHING });
    expect(l?.lines.find((x) => x.reference === 'P2')?.penalty).toBe(5_000);
  });

  it.each([
    ['2024-03-31'],
    ['2024-04-30'],
  ])('its arrears at %s equal the arrears list for each customer', async (asOf) => {
    const list = await customersInArrears(wh, { asOf, scope: EVERYTHING });
    for (const id of [C1, C2, C3]) {
      const ledger = await customerLedger(wh, { customerId: id, asOf, scope: EVERYTHING });
      expect(ledger?.arrears).toBe(list.rows.find((r) => r.customer_id === id)?.arrears ?? 0);
    }
  });

  it('is null for an unknown customer and refused without personal data', async () => {
    expect(await customerLedger(wh, { customerId: '0199999999', asOf: '2024-03-31', scope: EVERYTHING })).toBeNull();
    await expect(customerLedger(wh, { customerId: C1, asOf: '2024-03-31', scope: MANAGER })).rejects.toBeInstanceOf(ScopeRefusedError);
  });

  it('keeps a supervisor to their own teams’ visits', async () => {
    const l = await customerLedger(wh, { customerId: C2, asOf: '2024-04-30', scope: { personalData: true, teams: ['T01'] } });
    expect(l?.visits).toEqual([]);
  });
});

describe('sealing candidates at the end of April', () => {
  // 30 April: C1 (active) owes February and March (2 bills, 90,000); C3 (active) owes February only
  // (March is due 5 May); C2 is already sealed.
  it.each([
    [3, []],
    [2, [C1]],
    [1, [C1, C3]],
  ])('with %i or more overdue bills: %j', async (min_bills, expected) => {
    const policy = { ...DEFAULT_SEALING_POLICY, min_bills };
    const rows = await sealingCandidates(wh, { asOf: '2024-04-30', policy, scope: EVERYTHING });
    expect(rows.map((r) => r.customer_id)).toEqual(expected);
  });

  it('the SQL keeps exactly the customers the pure rule keeps', async () => {
    const all = await customersOwing(wh, { asOf: '2024-04-30', condition: { status: null, minBills: 0, minOldestMonths: 0, minAmount: 1 }, scope: EVERYTHING });
    for (const policy of [DEFAULT_SEALING_POLICY, { min_bills: 1, min_oldest_months: 2, min_amount: 0 }, { min_bills: 1, min_oldest_months: 0, min_amount: 95_000 }]) {
      const sql = (await sealingCandidates(wh, { asOf: '2024-04-30', policy, scope: EVERYTHING })).map((r) => r.customer_id);
      expect(sql).toEqual(all.filter((c) => meetsSealingPolicy(policy, c)).map((c) => c.customer_id));
    }
  });

  it('takes the arrears filters', async () => {
    const policy = { ...DEFAULT_SEALING_POLICY, min_bills: 1 };
    expect((await sealingCandidates(wh, { asOf: '2024-04-30', policy, filters: { kecamatan: '17.02.17' }, scope: EVERYTHING })).map((r) => r.customer_id)).toEqual([C3]);
    expect((await sealingCandidates(wh, { asOf: '2024-04-30', policy, filters: { tariffClass: 'R2' }, scope: EVERYTHING })).map((r) => r.customer_id)).toEqual([C1]);
  });
});

describe('the sealing page: candidates a page at a time and by desa', () => {
  const selection = { asOf: '2024-04-30', condition: { status: null, minBills: 1, minOldestMonths: 0, minAmount: 1 }, scope: EVERYTHING };

  it('a page is a window of the whole list, in area order or sorted, with the totals of the whole list', async () => {
    const all = await customersOwing(wh, selection);
    const { periods: _p, bills_owed: _b, opening: _o, ...first } = all[0];
    const whole = await owingPage(wh, { ...selection, sort: null, offset: 0, limit: null });
    expect(whole.rows.map((r) => r.customer_id)).toEqual(all.map((r) => r.customer_id));
    expect(whole.rows[0]).toEqual(first);
    expect([whole.count, whole.total_arrears, whole.total_bills]).toEqual([all.length, all.reduce((t, r) => t + r.arrears, 0), all.reduce((t, r) => t + r.bills, 0)]);
    const second = await owingPage(wh, { ...selection, sort: null, offset: 1, limit: 1 });
    expect([second.count, second.rows.map((r) => r.customer_id)]).toEqual([all.length, [all[1].customer_id]]);
    const byArrears = await owingPage(wh, { ...selection, sort: { column: 'arrears', direction: 'asc' }, offset: 0, limit: 10 });
    expect(byArrears.rows.map((r) => r.arrears)).toEqual(all.map((r) => r.arrears).sort((a, b) => a - b));
  });

  it('the desa add up to the list, and need no personal data', async () => {
    const all = await customersOwing(wh, selection);
    const { scope: _, ...withoutScope } = selection;
    const desa = await owingByDesa(wh, withoutScope);
    expect(desa.reduce((t, d) => t + d.customers, 0)).toBe(all.length);
    for (const d of desa) expect(d.arrears, d.desa_code).toBe(all.filter((r) => r.desa_code === d.desa_code).reduce((t, r) => t + r.arrears, 0));
  });

  it('refuses the list without personal data', async () => {
    await expect(owingPage(wh, { ...selection, scope: { ...EVERYTHING, personalData: false }, sort: null, offset: 0, limit: 10 })).rejects.toThrow();
  });
});

describe('a letter’s contents equal its selection', () => {
  it('the kepala desa of Kampung Delima gets one letter listing C2 and C3 with their months and amounts', async () => {
    const policy = { ...DEFAULT_SEALING_POLICY, min_bills: 1 };
    const customers = await customersOwing(wh, { asOf: '2024-04-30', filters: { kecamatan: '17.02.17' }, condition: letterCondition('kepala-desa', policy), scope: EVERYTHING });
    const drafts = composeDrafts('kepala-desa', customers, { issuedOn: '2024-05-02', deadlineDays: 7 });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ recipient: 'Kepala Desa Kampung Delima', desa_code: '17.02.17.2001', total_amount: 310_000, total_customers: 2 });
    // C2: the opening balance less P4 (150,000), February and March (30,000 each); C3: February
    expect(drafts[0].lines.map((l) => [l.customer_id, l.bills, l.opening, l.amount])).toEqual([
      [C2, [{ period: '2024-02', amount: 30_000 }, { period: '2024-03', amount: 30_000 }], 150_000, 210_000],
      [C3, [{ period: '2024-02', amount: 100_000 }], 0, 100_000],
    ]);
  });

  it('teguran 2 goes to each active customer with two overdue bills, with a deadline', async () => {
    const customers = await customersOwing(wh, { asOf: '2024-04-30', condition: letterCondition('teguran-2', DEFAULT_SEALING_POLICY), scope: EVERYTHING });
    const drafts = composeDrafts('teguran-2', customers, { issuedOn: '2024-05-02', deadlineDays: 7 });
    expect(drafts.map((d) => [d.customer_id, d.recipient, d.deadline, d.total_amount, d.lines[0].bills])).toEqual([
      [C1, 'Bapak/Ibu Budi Santoso', '2024-05-09', 90_000, [{ period: '2024-02', amount: 30_000 }, { period: '2024-03', amount: 60_000 }]],
    ]);
  });
});

describe('the follow-up of a letter', () => {
  it('the arrears of the listed customers on given days; a day past the warehouse is left out', async () => {
    expect(await lastDayInWarehouse(wh)).toBe('2024-04-29');
    const rows = await arrearsOfCustomersOn(wh, { customerIds: [C1, C3], days: ['2024-03-31', '2024-04-29', '2024-05-31'] });
    expect(rows).toEqual([
      { day: '2024-03-31', customer_id: C1, arrears: 50_000 },
      { day: '2024-03-31', customer_id: C3, arrears: 100_000 },
      { day: '2024-04-29', customer_id: C1, arrears: 90_000 },
      { day: '2024-04-29', customer_id: C3, arrears: 100_000 },
    ]);
  });

  it('a letter to C3 of 20 March: nothing overdue that day (paid in full), 100,000 thirty days on, later days unknown', async () => {
    const days = ['2024-03-20', '2024-04-19', '2024-05-19', '2024-06-18'];
    const arrears = await arrearsOfCustomersOn(wh, { customerIds: [C3], days });
    expect(followUp('2024-03-20', [C3], arrears)).toEqual([
      { offset: 0, day: '2024-03-20', arrears: 0, paid_in_full: 1 },
      { offset: 30, day: '2024-04-19', arrears: 100_000, paid_in_full: 0 },
      { offset: 60, day: '2024-05-19', arrears: null, paid_in_full: null },
      { offset: 90, day: '2024-06-18', arrears: null, paid_in_full: null },
    ]);
  });
});

describe('issued letters in the state store', () => {
  let dir: string;
  let store: StateStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaba-letters-'));
    store = await StateStore.open(join(dir, 'state.duckdb'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const draft = (customer: string, amount: number): LetterDraft => ({
    kecamatan_code: '17.02.17', desa_code: '17.02.17.2001', customer_id: customer, recipient: `Bapak/Ibu ${customer}`, recipient_place: 'Jl. Kenanga',
    deadline: '2026-12-08', total_amount: amount, total_customers: 1,
    lines: [{ customer_id: customer, name: customer, address: 'Jl. Kenanga', bills: [{ period: '2024-02', amount }], opening: 0, amount }],
  });
  const numbering = { template: '{prefix}/{seq}/{code}/{roman}/{year}', prefix: '690', code: 'TBK', start: 1 };
  const selection = (area: string) => ({ kind: 'segel', area_code: area, as_of_month: '2024-04' });

  it('numbers a batch consecutively, and the next batch goes on from there', async () => {
    const a = await issueBatch(store, { selection: selection('17.02.17.2001'), issuedOn: '2026-12-01', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C2, 1), draft(C3, 2)] });
    const b = await issueBatch(store, { selection: selection('17.02.09.1001'), issuedOn: '2026-12-01', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C1, 3)] });
    expect([...a.numbers, ...b.numbers]).toEqual(['690/1/TBK/XII/2026', '690/2/TBK/XII/2026', '690/3/TBK/XII/2026']);
    const stored = await listLetters(store, { batchId: a.batch_id });
    expect(stored.map((l) => [l.number, l.lines.map((x) => [x.customer_id, x.amount, x.bills.map((b) => b.period)])])).toEqual([
      ['690/1/TBK/XII/2026', [[C2, 1, ['2024-02']]]],
      ['690/2/TBK/XII/2026', [[C3, 2, ['2024-02']]]],
    ]);
    expect((await listLetters(store, { customerId: C1 })).map((l) => l.number)).toEqual(['690/3/TBK/XII/2026']);
    expect((await listLetters(store, { area: '17.02.17' })).length).toBe(3);
    expect((await listLetters(store, { area: '17.02.09' })).length).toBe(0);
  });

  it('refuses the same selection the same day, and takes it the next day', async () => {
    await expect(issueBatch(store, { selection: selection('17.02.17.2001'), issuedOn: '2026-12-01', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C2, 1)] })).rejects.toBeInstanceOf(DuplicateBatchError);
    const next = await issueBatch(store, { selection: selection('17.02.17.2001'), issuedOn: '2026-12-02', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C2, 1)] });
    expect(next.numbers).toEqual(['690/4/TBK/XII/2026']);
  });

  it('holds all of a batch or nothing: a letter that cannot be stored leaves no letter and no number used', async () => {
    const broken = { ...draft(C3, 5), recipient: null as unknown as string };
    await expect(issueBatch(store, { selection: selection('17.02.17'), issuedOn: '2026-12-03', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C2, 4), broken] })).rejects.toThrow();
    expect((await listLetters(store, { from: '2026-12-03' })).length).toBe(0);
    const after = await issueBatch(store, { selection: selection('17.02.17'), issuedOn: '2026-12-03', issuedBy: 'sup', numbering, header: {}, drafts: [draft(C2, 4)] });
    expect(after.numbers).toEqual(['690/5/TBK/XII/2026']);
  });
});

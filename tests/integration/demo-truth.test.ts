/**
 * The whole path on a generated utility: generate a few hundred customers over three years, load every
 * file, and compare every month's arrears and every channel's payments with what the generator wrote
 * (truth.json, tallied by the generator's own bookkeeping), to the rupiah.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type LoadRun } from '../../etl/load/load-paths';
import { addMonths } from '../../etl/domain/period';
import { arrearsAsOf, arrearsAtMonthEnd, type ArrearsGrouping } from '../../etl/queries/arrears';
import { arrearsByArea, type AreaLevel } from '../../etl/queries/arrears-areas';
import { customersInArrears } from '../../etl/queries/customers';
import type { ArrearsFilters } from '../../etl/queries/filters';
import { refusedFiles } from '../../etl/queries/reconciliation';
import { customersOwing, sealingCandidates } from '../../etl/queries/sealing';
import { DEFAULT_SEALING_POLICY } from '../../etl/domain/sealing';
import { drdReport } from '../../etl/queries/reports/drd';
import { dsrReport } from '../../etl/queries/reports/dsr';
import { efektivitasReport } from '../../etl/queries/reports/efektivitas';
import { EVERYTHING } from '../../etl/queries/scope';
import { arrearsMovement } from '../../etl/queries/movement';
import { billingYear, notYetDueAsOf, notYetDueAtMonthEnd } from '../../etl/queries/receivables';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { fixture, type Fixture } from '../support/fixture';

interface Truth {
  arrears_by_month_end: Record<string, number>;
  payments_by_channel_month: { month: string; channel_code: string; payments: number; amount: number }[];
  expected_rejects: Record<string, number>;
  unmatched_payments: number;
  unmatched_amount: number;
  refused_files: { file: string; reason: string }[];
}

let fx: Fixture;
let wh: Warehouse;
let truth: Truth;
let run: LoadRun;

beforeAll(async () => {
  fx = fixture();
  const demo = join(fx.dir, 'demo');
  const gen = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'etl/generate/cli.ts', '--customers', '300', '--from', '2022-01', '--to', '2024-12', '--seed', '11', '--out', demo],
    { encoding: 'utf8' },
  );
  expect(gen.status, gen.stderr).toBe(0);
  truth = JSON.parse(readFileSync(join(demo, 'truth.json'), 'utf8')) as Truth;
  wh = await fx.open();
  run = await loadPaths(wh, [demo]);
});

afterAll(() => {
  wh?.close();
  fx?.cleanup();
});

const monthEnds = () => Object.entries(truth.arrears_by_month_end);

describe('a generated utility, loaded', () => {
  it('loads every file but the refused ones; for each, rows read = loaded + rejected, and the rejects are the deliberate bad rows', () => {
    const refused = run.files.filter((f) => f.status !== 'loaded');
    expect(refused.map((f) => [f.status, f.file.split('/').pop()])).toEqual(truth.refused_files.map((f) => ['refused', f.file.split('/').pop()]));
    for (const [i, f] of refused.entries()) expect(f.message).toContain(truth.refused_files[i].reason);
    for (const f of run.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected);
    const rejected = Object.fromEntries(run.files.filter((f) => f.rowsRejected > 0).map((f) => [f.file, f.rowsRejected]));
    const expected = Object.fromEntries(Object.entries(truth.expected_rejects).map(([k, v]) => [k.split('/').pop()!, v]));
    expect(rejected).toEqual(expected);
  });

  it('keeps each refused file with its reason for the reconciliation, while nothing of it is loaded', async () => {
    const kept = await refusedFiles(wh);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((f) => f.file_name).sort()).toEqual(truth.refused_files.map((f) => f.file.split('/').pop()!).sort());
    for (const f of kept) expect(f.reason).toContain(truth.refused_files.find((t) => t.file.endsWith(f.file_name))!.reason);
    const names = kept.map((f) => f.file_name);
    expect((await wh.query(`SELECT 1 FROM load_files WHERE list_contains($names, file_name)`, { names })).length).toBe(0);
    // loading the same refused file again does not list it twice
    await loadPaths(wh, truth.refused_files.map((f) => join(fx.dir, 'demo', f.file)));
    expect(await refusedFiles(wh)).toHaveLength(kept.length);
  });

  it('arrears as of every month end equal the generator’s, to the rupiah', async () => {
    const actual: Record<string, number> = {};
    for (const [monthEnd] of monthEnds()) actual[monthEnd] = (await arrearsAsOf(wh, { asOf: monthEnd, by: 'kecamatan' })).total_arrears;
    expect(actual).toEqual(truth.arrears_by_month_end);
  });

  it('the monthly snapshots and the movement closing agree with the same figures', async () => {
    const snapshots = await wh.query<{ month_end: string; arrears: number }>(
      `SELECT strftime(month_end, '%Y-%m-%d') AS month_end, sum(arrears)::BIGINT AS arrears FROM arrears_monthly GROUP BY 1`,
    );
    const movement = await wh.query<{ month_end: string; closing: number }>(
      `SELECT strftime(month_end, '%Y-%m-%d') AS month_end, closing FROM arrears_movement`,
    );
    const bySnapshot = new Map(snapshots.map((r) => [r.month_end, r.arrears]));
    const byMovement = new Map(movement.map((r) => [r.month_end, r.closing]));
    for (const [monthEnd, arrears] of monthEnds()) {
      expect(bySnapshot.get(monthEnd) ?? 0, monthEnd).toBe(arrears);
      expect(byMovement.get(monthEnd), monthEnd).toBe(arrears);
    }
  });

  it('every month: closing = opening + newly overdue − recovered − written off, and closing is next month’s opening', async () => {
    const rows = await wh.query<{ month: string; opening: number; newly_overdue: number; recovered: number; written_off: number; closing: number }>(
      `SELECT month, opening, newly_overdue, recovered, written_off, closing FROM arrears_movement ORDER BY month`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(36);
    rows.forEach((r, i) => {
      expect(r.opening + r.newly_overdue - r.recovered - r.written_off, r.month).toBe(r.closing);
      if (i > 0) expect(r.opening, r.month).toBe(rows[i - 1].closing);
    });
    // The same identity for one tariff class and one status, from the events of those customers.
    for (const r of rows.filter((_, i) => i % 4 === 0)) {
      for (const filters of [{ tariffClass: 'R2' }, { status: 'active' as const }]) {
        const m = await arrearsMovement(wh, { month: r.month, filters });
        expect(m, r.month).not.toBeNull();
        if (m) expect(m.opening + m.newly_overdue - m.recovered - m.written_off, `${r.month} ${JSON.stringify(filters)}`).toBe(m.closing);
      }
    }
    const recovered = await wh.query<{ month: string; recovered: number }>(
      `SELECT month, sum(recovered)::BIGINT AS recovered FROM arrears_recovered_monthly GROUP BY month`,
    );
    const byMonth = new Map(recovered.map((r) => [r.month, r.recovered]));
    for (const r of rows) expect(byMonth.get(r.month) ?? 0, r.month).toBe(r.recovered);
  });

  it('at every month end, the snapshots give the same arrears and customers by desa as the bills; by kecamatan, tariff class and a status every quarter', async () => {
    const same = async (monthEnd: string, by: ArrearsGrouping, filters = {}) =>
      expect(await arrearsAtMonthEnd(wh, { month: monthEnd.slice(0, 7), by, filters }), `${monthEnd} by ${by}`).toEqual(
        await arrearsAsOf(wh, { asOf: monthEnd, by, filters }),
      );
    for (const [i, [monthEnd]] of monthEnds().entries()) {
      await same(monthEnd, 'desa');
      if (i % 3 !== 2) continue;
      await same(monthEnd, 'kecamatan');
      await same(monthEnd, 'tariff_class');
      await same(monthEnd, 'kecamatan', { status: 'sealed' });
    }
  }, 300_000);

  it('at every month end, the per-customer month-end table gives the same customer list as the bills (every quarter, with an age filter)', async () => {
    for (const [i, [monthEnd]] of monthEnds().entries()) {
      const filters = i % 3 === 2 ? [{}, { age: '2' }] : [{}];
      for (const f of filters) {
        const args = { asOf: monthEnd, scope: EVERYTHING, filters: f, pageSize: 1000 };
        expect(await customersInArrears(wh, { ...args, source: 'month_end' }), monthEnd).toEqual(await customersInArrears(wh, { ...args, source: 'bills' }));
      }
    }
  }, 300_000);

  it('at every month end, the area sums give the same kecamatan and desa levels as every customer (every quarter, with an age, status or tariff filter)', async () => {
    const kecamatan = (await wh.one<{ code: string }>(`SELECT min(kecamatan_code) AS code FROM areas`)).code;
    for (const [i, [monthEnd]] of monthEnds().entries()) {
      const month = monthEnd.slice(0, 7);
      const cases: { level: AreaLevel; filters: ArrearsFilters }[] = [{ level: 'kecamatan', filters: {} }];
      if (i % 3 === 2) cases.push({ level: 'desa', filters: { kecamatan } }, { level: 'kecamatan', filters: { age: '13-24', status: 'active' } }, { level: 'desa', filters: { kecamatan, tariffClass: 'R2' } });
      for (const { level, filters } of cases) {
        const args = { month, level, filters };
        expect(await arrearsByArea(wh, { ...args, source: 'areas' }), `${month} ${level} ${JSON.stringify(filters)}`).toEqual(await arrearsByArea(wh, { ...args, source: 'customers' }));
      }
    }
  }, 300_000);

  it('every quarter, the customers owing at the month end and the bills they owe are the same from the month-end tables as from the bills (with an age filter too)', async () => {
    const condition = { status: null, minBills: 1, minOldestMonths: 0, minAmount: 1 };
    for (const [i, [monthEnd]] of monthEnds().entries()) {
      if (i % 3 !== 2) continue;
      for (const filters of [{}, { age: '4-6' }]) {
        const args = { asOf: monthEnd, condition, filters, scope: EVERYTHING };
        expect(await customersOwing(wh, { ...args, source: 'month_end' }), `${monthEnd} ${JSON.stringify(filters)}`).toEqual(await customersOwing(wh, { ...args, source: 'bills' }));
      }
    }
  }, 300_000);

  it('every quarter, each sealing candidate’s bills and opening balance add up to their arrears, at the month end and mid-month', async () => {
    for (const [i, [monthEnd]] of monthEnds().entries()) {
      if (i % 3 !== 2) continue;
      for (const asOf of [monthEnd, `${monthEnd.slice(0, 7)}-15`]) {
        const candidates = await sealingCandidates(wh, { asOf, policy: DEFAULT_SEALING_POLICY, scope: EVERYTHING });
        for (const c of candidates) {
          expect(c.bills_owed.reduce((t, b) => t + b.amount, c.opening), `${asOf} ${c.customer_id}`).toBe(c.arrears);
          expect(c.bills_owed.length, `${asOf} ${c.customer_id}`).toBe(c.bills);
        }
      }
    }
  }, 300_000);

  it('the DSR of every month end totals the generator’s arrears, the rekap and the detail alike (every quarter the detail’s pages too)', async () => {
    for (const [i, [monthEnd, arrears]] of monthEnds().entries()) {
      const month = monthEnd.slice(0, 7);
      const q = { period: { month }, filters: {} } as const;
      expect((await dsrReport.run(wh, { ...q, view: 'rekap', window: null }, EVERYTHING)).totals.amount, monthEnd).toBe(arrears);
      if (i % 3 !== 0) continue;
      const whole = await dsrReport.run(wh, { ...q, view: 'detail', window: null }, EVERYTHING);
      expect([whole.totals.amount, whole.count], monthEnd).toEqual([arrears, whole.rows.length]);
      const page = await dsrReport.run(wh, { ...q, view: 'detail', window: { offset: 250, limit: 100 } }, EVERYTHING);
      expect(page.rows, monthEnd).toEqual(whole.rows.slice(250, 350));
    }
  });

  it('the DRD of every period: the precomputed rekap equals the bills of the period (the detail)', async () => {
    for (const [monthEnd] of monthEnds()) {
      const q = { period: { month: monthEnd.slice(0, 7) }, filters: {}, window: null } as const;
      const rekap = await drdReport.run(wh, { ...q, view: 'rekap', by: 'golongan' }, EVERYTHING);
      const detail = await drdReport.run(wh, { ...q, view: 'detail' }, EVERYTHING);
      expect(rekap.totals, monthEnd).toMatchObject(detail.totals);
      expect(detail.rows.reduce((t, r) => t + Number(r.total_amount), 0), monthEnd).toBe(rekap.totals.total_amount);
      expect(detail.count, monthEnd).toBe(detail.rows.length);
    }
  });

  it('at every month end, the precomputed receivables not yet due equal those computed from the bills', async () => {
    for (const [monthEnd] of monthEnds()) {
      expect(await notYetDueAtMonthEnd(wh, { month: monthEnd.slice(0, 7) }), monthEnd).toEqual(await notYetDueAsOf(wh, { asOf: monthEnd }));
    }
  });

  it('every month, the precomputed billing year equals a sum over the bills and payments', async () => {
    for (const [monthEnd] of monthEnds()) {
      const month = monthEnd.slice(0, 7);
      const from = `${addMonths(month, -11)}-01`;
      // Independently of the derived tables: straight from bills, payments and where each payment went.
      const direct = await wh.one<{ billed: number; months: number; own: number; all: number }>(
        `SELECT (SELECT coalesce(sum(total_amount), 0) FROM bills WHERE issued_on BETWEEN $from::DATE AND $to::DATE)::BIGINT AS billed,
                (SELECT count(DISTINCT date_trunc('month', issued_on)) FROM bills WHERE issued_on BETWEEN $from::DATE AND $to::DATE)::BIGINT AS months,
                (SELECT coalesce(sum(a.amount), 0) FROM payment_allocations a JOIN bills b USING (bill_id)
                  WHERE a.target = 'bill' AND b.issued_on BETWEEN $from::DATE AND $to::DATE AND a.paid_on <= $to::DATE)::BIGINT AS own,
                (SELECT coalesce(sum(amount), 0) FROM payment_allocations
                  WHERE target IN ('bill', 'opening') AND paid_on BETWEEN $from::DATE AND $to::DATE)::BIGINT AS all`,
        { from, to: monthEnd },
      );
      expect(await billingYear(wh, { month }), month).toEqual({
        from,
        to: monthEnd,
        billed: direct.billed,
        months: direct.months,
        collectedOwnBills: direct.own,
        collectedAllReceipts: direct.all,
      });
    }
  });

  it('Efektivitas of every month: the kecamatan add up to the unfiltered lines, and each golongan’s equal its bills and payments', async () => {
    const kecamatan = (await wh.query<{ code: string }>(`SELECT DISTINCT kecamatan_code AS code FROM areas ORDER BY 1`)).map((r) => r.code);
    const classes = (await wh.query<{ code: string }>(`SELECT DISTINCT tariff_class AS code FROM customers ORDER BY 1`)).map((r) => r.code);
    const run = (month: string, filters: ArrearsFilters) => efektivitasReport.run(wh, { view: 'detail', period: { month }, filters, window: null }, EVERYTHING);
    const figures = (rows: Record<string, string | number | null>[]) => rows.map((r) => [r.bill_month, r.billed, r.collected_own, r.collected_all]);
    for (const [monthEnd] of monthEnds()) {
      const month = monthEnd.slice(0, 7);
      const whole = await run(month, {});
      const parts = await Promise.all(kecamatan.map((k) => run(month, { kecamatan: k })));
      const summed = whole.rows.map((line) => {
        const same = parts.map((p) => p.rows.find((x) => x.bill_month === line.bill_month));
        const sum = (k: string) => (line[k] === null ? null : same.reduce((t, x) => t + Number(x?.[k] ?? 0), 0));
        return [line.bill_month, sum('billed'), sum('collected_own'), sum('collected_all')];
      });
      expect(summed, month).toEqual(figures(whole.rows));
      // Independently of the derived tables: each golongan's customers' bills of the window and what was applied to them.
      const from = `${addMonths(month, -11)}-01`;
      for (const tariffClass of classes) {
        const direct = await wh.one<{ billed: number; own: number; all: number }>(
          `WITH mine AS (SELECT customer_id FROM customers WHERE tariff_class = $tariff)
           SELECT (SELECT coalesce(sum(total_amount), 0) FROM bills JOIN mine USING (customer_id) WHERE issued_on BETWEEN $from::DATE AND $to::DATE)::BIGINT AS billed,
                  (SELECT coalesce(sum(a.amount), 0) FROM payment_allocations a JOIN mine USING (customer_id) JOIN bills b USING (bill_id)
                    WHERE a.target = 'bill' AND b.issued_on BETWEEN $from::DATE AND $to::DATE AND a.paid_on <= $to::DATE)::BIGINT AS own,
                  (SELECT coalesce(sum(a.amount), 0) FROM payment_allocations a JOIN mine USING (customer_id)
                    WHERE a.target IN ('bill', 'opening') AND a.paid_on BETWEEN $from::DATE AND $to::DATE)::BIGINT AS all`,
          { tariff: tariffClass, from, to: monthEnd },
        );
        const r = await efektivitasReport.run(wh, { view: 'rekap', period: { month }, filters: { tariffClass }, window: null }, EVERYTHING);
        expect([r.totals.billed, r.totals.collected_own, r.totals.collected_all], `${month} ${tariffClass}`).toEqual([direct.billed, direct.own, direct.all]);
      }
    }
  });

  it('payments by channel and month equal the generator’s', async () => {
    const rows = await wh.query<{ month: string; channel_code: string; payments: number; amount: number }>(
      `SELECT month, channel_code, sum(payments)::BIGINT AS payments, sum(amount)::BIGINT AS amount
         FROM payments_monthly GROUP BY ALL ORDER BY month, channel_code`,
    );
    expect(rows).toEqual(truth.payments_by_channel_month);
  });

  it('unmatched payments stay visible, with their amount', async () => {
    const r = await wh.one<{ payments: number; amount: number }>(
      `SELECT count(DISTINCT payment_id)::BIGINT AS payments, coalesce(sum(amount), 0)::BIGINT AS amount
         FROM payment_allocations WHERE target = 'unmatched'`,
    );
    expect(r).toEqual({ payments: truth.unmatched_payments, amount: truth.unmatched_amount });
  });
});

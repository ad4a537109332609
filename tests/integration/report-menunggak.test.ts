/**
 * Menunggak per petugas (etl/queries/reports/menunggak.ts) on the small utility of
 * tests/support/small-utility.ts, against figures worked out by hand. Its visits: K01 of T01 visits C1
 * in Curup on 5 March; K02 of T02 visits C2 and C3 in Curup Timur (15 and 20 March, 2 April). So by
 * default Curup is T01's and Curup Timur T02's, each desa going to the one collector who visited it.
 *
 * March 2024 (start = end of February, end = 31 March):
 *   C1: nothing overdue at the start (January was paid before its due date); February's bill falls
 *       due (1 lembar, 50,000); nothing collected; at the end 1 lembar, 50,000.
 *   C2: at the start the opening balance 200,000 and January's 30,000 (1 lembar, the opening balance is
 *       no bill); February's 30,000 falls due; P4 collects 50,000 of the opening balance; January is
 *       written off (30,000); at the end 1 lembar, 150,000 + 30,000 = 180,000.
 *   C3: at the start January's 100,000; February's 100,000 falls due; P2 collects January; at the end
 *       1 lembar, 100,000.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { arrearsMovement } from '../../etl/queries/movement';
import { defaultTeamAreas, menunggakByCollector, menunggakCustomers, menunggakReport, NO_TEAM, UNASSIGNED, type MenunggakQuery } from '../../etl/queries/reports/menunggak';
import type { ReportQuery } from '../../etl/queries/reports/report';
import { EVERYTHING, ScopeRefusedError } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { loadedOnce } from '../support/fixture';
import { loadSmallUtility } from '../support/small-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadSmallUtility, (loaded) => (wh = loaded)));

const MARCH: MenunggakQuery = { asOf: '2024-03', filters: {}, teamAreas: null, scope: EVERYTHING };
const C1 = { customers: 1, customers_in_arrears: 1, bills_to_collect: 1, to_collect: 50_000, collected: 0, written_off: 0, overdue_bills: 1, arrears: 50_000, share_collected: 0 };
const C3_ONLY = { customers: 1, customers_in_arrears: 1, bills_to_collect: 2, to_collect: 200_000, collected: 100_000, written_off: 0, overdue_bills: 1, arrears: 100_000, share_collected: 0.5 };
const ANDI = { team_id: 'T01', team_name: 'Tim Curup', collector_id: 'K01', collector_name: 'Andi' };
const BAYU = { team_id: 'T02', team_name: 'Tim Curup Timur', collector_id: 'K02', collector_name: 'Bayu' };

describe('the default areas', () => {
  it('give each kecamatan to the team that visited it most, from the visits up to the month end', async () => {
    expect(await defaultTeamAreas(wh, { through: '2024-03-31' })).toEqual({ T01: ['17.02.09'], T02: ['17.02.17'] });
    expect(await defaultTeamAreas(wh, { through: '2024-02-29' })).toEqual({});
  });
});

describe('menunggak per petugas, March 2024', () => {
  it('per collector: to collect = arrears at the start + what fell due; arrears = to collect − collected − written off', async () => {
    expect(await menunggakByCollector(wh, MARCH)).toEqual([
      { ...ANDI, ...C1 },
      // C2 and C3: 230,000 + 30,000 and 100,000 + 100,000 to collect; 50,000 + 100,000 collected
      { ...BAYU, customers: 2, customers_in_arrears: 2, bills_to_collect: 4, to_collect: 460_000, collected: 150_000, written_off: 30_000, overdue_bills: 2, arrears: 280_000, share_collected: 150_000 / 460_000 },
    ]);
  });

  it('adds up to the arrears movement of the month', async () => {
    const rows = await menunggakByCollector(wh, MARCH);
    const sum = (k: 'to_collect' | 'collected' | 'written_off' | 'arrears') => rows.reduce((s, r) => s + r[k], 0);
    const m = await arrearsMovement(wh, { month: '2024-03' });
    expect([sum('to_collect'), sum('collected'), sum('written_off'), sum('arrears')]).toEqual([
      (m?.opening ?? 0) + (m?.newly_overdue ?? 0), m?.recovered, m?.written_off, m?.closing,
    ]);
  });

  it('takes the filters: team, golongan, kecamatan, desa', async () => {
    expect(await menunggakByCollector(wh, { ...MARCH, filters: { team: 'T01' } })).toEqual([{ ...ANDI, ...C1 }]);
    expect(await menunggakByCollector(wh, { ...MARCH, filters: { tariffClass: 'N1' } })).toEqual([{ ...BAYU, ...C3_ONLY }]);
    expect(await menunggakByCollector(wh, { ...MARCH, filters: { kecamatan: '17.02.09' } })).toEqual([{ ...ANDI, ...C1 }]);
    expect(await menunggakByCollector(wh, { ...MARCH, filters: { desa: '17.02.17.2001', tariffClass: 'R2' } })).toMatchObject([{ ...BAYU, customers: 1, to_collect: 260_000, arrears: 180_000 }]);
  });

  it('shows a supervisor their own teams only', async () => {
    expect(await menunggakByCollector(wh, { ...MARCH, scope: { personalData: true, teams: ['T02'] } })).toMatchObject([BAYU]);
    expect(await menunggakByCollector(wh, { ...MARCH, scope: { personalData: true, teams: [] } })).toEqual([]);
  });

  it('with the admin’s areas: T01 covers everything, and the desa none of its collectors visited is unassigned', async () => {
    const rows = await menunggakByCollector(wh, { ...MARCH, teamAreas: { T01: ['17.02.09', '17.02.17.2001'] } });
    expect(rows).toEqual([
      { ...ANDI, ...C1 },
      { team_id: 'T01', team_name: 'Tim Curup', collector_id: null, collector_name: null, customers: 2, customers_in_arrears: 2, bills_to_collect: 4, to_collect: 460_000, collected: 150_000, written_off: 30_000, overdue_bills: 2, arrears: 280_000, share_collected: 150_000 / 460_000 },
    ]);
  });

  it('puts the customers of no team’s areas in a row of their own, for those who see every team', async () => {
    // February: no visit yet, so no team has areas. C2: 200,000 at the start + January's 30,000; C3: January's 100,000.
    expect(await menunggakByCollector(wh, { ...MARCH, asOf: '2024-02' })).toEqual([
      { team_id: null, team_name: null, collector_id: null, collector_name: null, customers: 3, customers_in_arrears: 2, bills_to_collect: 2, to_collect: 330_000, collected: 0, written_off: 0, overdue_bills: 2, arrears: 330_000, share_collected: 0 },
    ]);
    expect(await menunggakByCollector(wh, { ...MARCH, asOf: '2024-02', scope: { personalData: true, teams: ['T01'] } })).toEqual([]);
  });
});

describe('arrears_flows_monthly (what the rekap sums the month\'s flows from)', () => {
  it('holds every month’s arrears events and bills falling due by desa, tariff class and status, for the customers connected by its end', async () => {
    const fromTable = await wh.query(
      `SELECT m.month, f.desa_code, f.tariff_class, f.status, sum(f.newly_overdue)::BIGINT AS newly_overdue, sum(f.collected)::BIGINT AS collected,
              sum(f.written_off)::BIGINT AS written_off, sum(f.falling_due)::BIGINT AS falling_due
         FROM months m JOIN arrears_flows_monthly f ON f.month = m.month AND f.connected_idx <= m.month_idx
        GROUP BY ALL HAVING sum(f.newly_overdue) <> 0 OR sum(f.collected) <> 0 OR sum(f.written_off) <> 0 OR sum(f.falling_due) <> 0 ORDER BY ALL`,
    );
    const fromEvents = await wh.query(
      `WITH parts AS (
         SELECT strftime(on_day, '%Y-%m') AS month, customer_id, CASE WHEN kind = 'newly_overdue' THEN amount ELSE 0 END AS newly_overdue,
                CASE WHEN kind = 'recovered' THEN -amount ELSE 0 END AS collected, CASE WHEN kind = 'written_off' THEN -amount ELSE 0 END AS written_off,
                0 AS falling_due
           FROM arrears_events
         UNION ALL
         SELECT strftime(due_on + 1, '%Y-%m'), customer_id, 0, 0, 0, 1 FROM bill_balances WHERE outstanding_at_due > 0)
       SELECT m.month, c.desa_code, c.tariff_class, c.status, sum(p.newly_overdue)::BIGINT AS newly_overdue, sum(p.collected)::BIGINT AS collected,
              sum(p.written_off)::BIGINT AS written_off, sum(p.falling_due)::BIGINT AS falling_due
         FROM parts p JOIN months m USING (month) JOIN customers c USING (customer_id)
        WHERE coalesce(c.connected_on, DATE '1900-01-01') <= m.month_end
        GROUP BY ALL HAVING sum(p.newly_overdue) <> 0 OR sum(p.collected) <> 0 OR sum(p.written_off) <> 0 OR sum(p.falling_due) <> 0 ORDER BY ALL`,
    );
    // March: February's bills fall due, one lembar each of C1, C2 and C3
    expect(fromEvents.filter((r) => r.month === '2024-03').reduce((n, r) => n + Number(r.falling_due), 0)).toBe(3);
    expect(fromTable).toEqual(fromEvents);
  });
});

describe('the detail of March 2024', () => {
  it('one row per customer with something to collect, by collector, the largest arrears first', async () => {
    const r = await menunggakCustomers(wh, MARCH);
    expect(r.count).toBe(3);
    expect(r.rows.map((c) => [c.collector_id, c.customer_id, c.name, c.desa_name, c.tariff_class, c.bills_to_collect, c.to_collect, c.collected, c.written_off, c.overdue_bills, c.arrears])).toEqual([
      ['K01', '0100000001', 'Budi Santoso', 'Talang Rimbo Lama', 'R2', 1, 50_000, 0, 0, 1, 50_000],
      ['K02', '0100000002', 'Siti Aminah', 'Kampung Delima', 'R2', 2, 260_000, 50_000, 30_000, 1, 180_000],
      ['K02', '0100000003', 'Ahmad', 'Kampung Delima', 'N1', 2, 200_000, 100_000, 0, 1, 100_000],
    ]);
  });

  it('pages on the server; is refused without personal data', async () => {
    const r = await menunggakCustomers(wh, { ...MARCH, page: { offset: 2, limit: 5 } });
    expect([r.count, r.rows.map((c) => c.customer_id)]).toEqual([3, ['0100000003']]);
    await expect(menunggakCustomers(wh, { ...MARCH, scope: { personalData: false, teams: 'all' } })).rejects.toBeInstanceOf(ScopeRefusedError);
  });
});

describe('Menunggak per petugas as a report (the page, print, downloads and API read this)', () => {
  const query = (view: ReportQuery['view'], settings?: ReportQuery['settings']): ReportQuery => ({ view, period: { month: '2024-03' }, filters: {}, window: null, settings });

  it('rekap: a line per collector and a subtotal per team; % tertagih recomputed from the sums', async () => {
    const r = await menunggakReport.run(wh, query('rekap'), EVERYTHING);
    expect(r.rows.map((x) => [x.row_type, x.team_name, x.collector_name, x.to_collect, x.arrears, x.share_collected])).toEqual([
      ['line', 'Tim Curup', 'Andi', 50_000, 50_000, 0],
      ['subtotal', 'Tim Curup', null, 50_000, 50_000, 0],
      ['line', 'Tim Curup Timur', 'Bayu', 460_000, 280_000, 150_000 / 460_000],
      ['subtotal', 'Tim Curup Timur', null, 460_000, 280_000, 150_000 / 460_000],
    ]);
    expect(r.totals).toEqual({
      customers: 3, customers_in_arrears: 3, bills_to_collect: 5, to_collect: 510_000, collected: 150_000, written_off: 30_000,
      overdue_bills: 3, arrears: 330_000, share_collected: 150_000 / 510_000,
    });
  });

  it('reads the team areas from the settings; the rows of no collector or no team say so', async () => {
    const r = await menunggakReport.run(wh, query('rekap', { teamAreas: { T02: ['17.02.09.1001'] } }), EVERYTHING);
    expect(r.rows.filter((x) => x.row_type === 'line').map((x) => [x.team_id, x.team_name, x.collector_id, x.collector_name, x.customers])).toEqual([
      ['T02', 'Tim Curup Timur', null, UNASSIGNED, 1], // C1: nobody of T02 visited its desa
      [null, NO_TEAM, null, UNASSIGNED, 2], // C2, C3: no team covers Curup Timur in this setting
    ]);
  });

  it('detail: a line per customer; the totals of the whole selection', async () => {
    const r = await menunggakReport.run(wh, query('detail'), EVERYTHING);
    expect(r.rows.map((x) => [x.collector_name, x.customer_id, x.arrears])).toEqual([
      ['Andi', '0100000001', 50_000],
      ['Bayu', '0100000002', 180_000],
      ['Bayu', '0100000003', 100_000],
    ]);
    expect(r.totals).toEqual({ bills_to_collect: 5, to_collect: 510_000, collected: 150_000, written_off: 30_000, overdue_bills: 3, arrears: 330_000, share_collected: 150_000 / 510_000 });
    expect(r.filters).toEqual({ as_of: '2024-03', team: null, kecamatan: null, desa: null, tariff_class: null });
  });
});

/**
 * The payment-channel queries on the utility of tests/support/channel-utility.ts, against figures
 * worked out by hand from its table of payments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptionCohorts, LAUNCH_MONTHS_MAX, launchWindows, mainCategory } from '../../etl/domain/channel-rules';
import { monthsFromTo } from '../../etl/domain/period';
import { channelAdoption } from '../../etl/queries/channel-adoption';
import { channelLaunch } from '../../etl/queries/channel-launch';
import { channelComparison, channelPayments } from '../../etl/queries/channels';
import { reconciliation } from '../../etl/queries/reconciliation';
import { EVERYTHING } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';
import { C1, C2, C3, loadedOnce } from '../support/fixture';
import { loadChannelUtility } from '../support/channel-utility';

let wh: Warehouse;
beforeAll(() => loadedOnce(loadChannelUtility, (loaded) => (wh = loaded)));

describe('the channel comparison of February 2024', () => {
  it('counts completed payments, their customers, on-time rate and median days to pay per channel', async () => {
    const r = await channelComparison(wh, { from: '2024-02', to: '2024-02' });
    const row = (code: string) => r.rows.find((x) => x.channel_code === code);
    // LOKET: P1 (on time on the due day, 18 days) and P4 (the duplicate, late, 25 days): median of an even count
    expect(row('LOKET')).toMatchObject({ payments: 2, amount: 70_000, customers: 2, on_time_rate: 0.5, median_days_to_pay: 21.5, fee_cost: 0, cost_per_million: 0, exceptions: 1, average_ticket: 35_000 });
    // FASTPAY: P2, P3 and the unmatched P6 (no bill: not timed); 3 × 1,500 over 145,000 = 31,034.48
    expect(row('FASTPAY')).toMatchObject({ payments: 3, amount: 145_000, customers: 3, on_time_rate: 0.5, median_days_to_pay: 15.5, admin_fee: 5_000, fee_cost: 4_500, cost_per_million: 31_034, exceptions: 1 });
    // KOLEKTOR: P5 names no period: no on-time rate, no median
    expect(row('KOLEKTOR')).toMatchObject({ payments: 1, amount: 20_000, on_time_rate: null, median_days_to_pay: null, exceptions: 1 });
    expect(row('SHOPEE')).toBeUndefined();
    expect(r.online_share_count).toBe(0.5);
    expect(r.online_share_value).toBe(145_000 / 235_000);
    expect(row('LOKET')?.share).toBe(70_000 / 235_000);
  });

  it('leaves a refunded row out of the payments but counts it as an exception (March, SHOPEE)', async () => {
    const r = await channelComparison(wh, { from: '2024-03', to: '2024-03' });
    // S1 and S3; S2 was refunded. Cost 2 × 2,000 over 160,000 = 25,000 per million
    expect(r.rows.find((x) => x.channel_code === 'SHOPEE')).toMatchObject({ payments: 2, amount: 160_000, customers: 2, on_time_rate: 1, median_days_to_pay: 4, admin_fee: 4_000, fee_cost: 4_000, cost_per_million: 25_000, exceptions: 2 });
  });

  it('has the totals of the channels report for the same period, and a trend point per month', async () => {
    const r = await channelComparison(wh, { from: '2024-01', to: '2024-03' });
    const report = await channelPayments(wh, { from: '2024-01', to: '2024-03' });
    expect(r.rows.reduce((s, x) => s + x.payments, 0)).toBe(report.total_payments);
    expect(r.rows.reduce((s, x) => s + x.amount, 0)).toBe(report.total_amount);
    expect(report.total_amount).toBe(235_000 + 190_000);
    expect(r.rows.find((x) => x.channel_code === 'KOLEKTOR')?.trend).toEqual([0, 20_000, 30_000]);
  });

  it('counts the distinct customers of every period as the payments themselves give them (channel_customers_monthly)', async () => {
    const months = monthsFromTo('2023-11', '2024-06');
    for (const from of months) {
      for (const to of months.filter((m) => m >= from)) {
        const direct = await wh.query<{ channel_code: string; customers: number }>(
          `SELECT channel_code, count(DISTINCT customer_id)::BIGINT AS customers FROM payments
            WHERE status = 'completed' AND strftime(paid_on, '%Y-%m') BETWEEN $from AND $to GROUP BY 1`,
          { from, to },
        );
        const r = await channelComparison(wh, { from, to });
        const counted = new Map(direct.map((d) => [d.channel_code, d.customers]));
        for (const row of r.rows) expect([from, to, row.channel_code, row.customers]).toEqual([from, to, row.channel_code, counted.get(row.channel_code) ?? 0]);
      }
    }
    // C2 paid FASTPAY in February and May: once over February to May
    expect((await channelComparison(wh, { from: '2024-02', to: '2024-05' })).rows.find((x) => x.channel_code === 'FASTPAY')?.customers).toBe(3);
  });
});

describe('reconciliation', () => {
  it('adds up per channel: received = applied + credit + duplicate + unmatched, refunded apart', async () => {
    const feb = await reconciliation(wh, { month: '2024-02', scope: EVERYTHING });
    expect(feb.rows).toEqual([
      { channel_code: 'FASTPAY', received: 145_000, applied: 130_000, credit: 0, duplicate: 0, unmatched: 15_000, refunded: 0 },
      { channel_code: 'KOLEKTOR', received: 20_000, applied: 0, credit: 20_000, duplicate: 0, unmatched: 0, refunded: 0 },
      { channel_code: 'LOKET', received: 70_000, applied: 40_000, credit: 0, duplicate: 30_000, unmatched: 0, refunded: 0 },
    ]);
    const mar = await reconciliation(wh, { month: '2024-03', scope: EVERYTHING });
    expect(mar.rows.find((x) => x.channel_code === 'SHOPEE')).toEqual({ channel_code: 'SHOPEE', received: 160_000, applied: 150_000, credit: 10_000, duplicate: 0, unmatched: 0, refunded: 100_000 });
    for (const r of [...feb.rows, ...mar.rows]) expect(r.applied + r.credit + r.duplicate + r.unmatched).toBe(r.received);
  });

  it('lists each exception with its file, line and reason, a duplicate naming the channel that had paid', async () => {
    const feb = await reconciliation(wh, { month: '2024-02', scope: EVERYTHING });
    expect(feb.exceptions.map((e) => [e.kind, e.payment_ref, e.file_name, e.line, e.amount, e.customer_id])).toEqual([
      ['unmatched', 'P6', 'payments.csv', 8, 15_000, '0100000099'],
      ['credit', 'P5', 'payments.csv', 7, 20_000, C3],
      ['duplicate', 'P4', 'payments.csv', 6, 30_000, C2],
    ]);
    expect(feb.exceptions[2].reason).toMatch(/already paid.*FASTPAY/);
    expect(feb.exceptions[2].other_channels).toBe('FASTPAY');
    const mar = await reconciliation(wh, { month: '2024-03', scope: EVERYTHING });
    expect(mar.exceptions.map((e) => [e.kind, e.payment_ref, e.file_name, e.line, e.amount])).toEqual([
      ['credit', 'S1', 'shopee.csv', 2, 10_000],
      ['refunded', 'S2', 'shopee.csv', 3, 100_000],
    ]);
  });

  it('has every month the exceptions the allocations themselves give (reconciliation_exceptions)', async () => {
    for (const month of monthsFromTo('2023-11', '2024-06')) {
      const direct = await wh.query<Record<string, unknown>>(
        `SELECT CASE WHEN a.target = 'not_applied' THEN p.status ELSE a.target END AS kind, p.channel_code, p.payment_ref, p.customer_id,
                p.period, p.paid_on::VARCHAR AS paid_on, a.amount::BIGINT AS amount, f.file_name, p.line,
                CASE WHEN a.target = 'duplicate' THEN
                  (SELECT string_agg(DISTINCT s.channel_code, ', ' ORDER BY s.channel_code) FROM payment_allocations s
                    WHERE s.customer_id = p.customer_id AND s.period = p.period AND s.target = 'bill') END AS other_channels
           FROM payment_allocations a JOIN payments p USING (payment_id) JOIN load_files f ON f.file_id = p.file_id
          WHERE a.target IN ('credit', 'duplicate', 'unmatched', 'not_applied') AND strftime(a.paid_on, '%Y-%m') = $month
          ORDER BY p.channel_code, p.paid_on, p.payment_ref, kind`,
        { month },
      );
      const r = await reconciliation(wh, { month, scope: EVERYTHING });
      expect([month, r.exceptions.map(({ reason: _r, ...e }) => e)]).toEqual([month, direct]);
    }
  });

  it("flags a collector's day whose cash was not deposited within 2 days, and hides customers without the right", async () => {
    const mar = await reconciliation(wh, { month: '2024-03', scope: { personalData: false, teams: 'all' } });
    expect(mar.cash).toEqual([{ collector_id: 'K01', collector_name: 'Andi', day: '2024-03-04', visits: 1, recorded: 25_000, deposited: 0, difference: 25_000 }]);
    expect(mar.exceptions.every((e) => e.customer_id === null)).toBe(true);
  });
});

describe('adoption', () => {
  it('series by channel and by category, and the online share per kecamatan and month', async () => {
    const r = await channelAdoption(wh, { from: '2024-02', to: '2024-03' });
    expect(r.by_channel.filter((x) => x.month === '2024-02').map((x) => [x.key, x.payments, x.amount])).toEqual([
      ['FASTPAY', 3, 145_000],
      ['KOLEKTOR', 1, 20_000],
      ['LOKET', 2, 70_000],
    ]);
    expect(r.by_category.filter((x) => x.month === '2024-03').map((x) => [x.key, x.online, x.payments])).toEqual([
      ['collector', false, 1],
      ['marketplace', true, 2],
    ]);
    // the unknown customer's P6 has no area: not in the heatmap
    expect(r.heatmap.map((c) => [c.month, c.code, c.payments, c.online_payments, c.amount, c.online_amount])).toEqual([
      ['2024-02', '17.02.09', 1, 0, 40_000, 0],
      ['2024-03', '17.02.09', 1, 1, 60_000, 60_000],
      ['2024-02', '17.02.17', 4, 2, 180_000, 130_000],
      ['2024-03', '17.02.17', 2, 1, 130_000, 100_000],
    ]);
    const desa = await channelAdoption(wh, { from: '2024-02', to: '2024-02', kecamatan: '17.02.17' });
    expect(desa.heatmap.map((c) => [c.code, c.name, c.payments])).toEqual([['17.02.17.2001', 'Kampung Delima', 4]]);
  });

  it('cohorts by first online month with retention 3 months on (C2 paid online again in May)', async () => {
    const r = await channelAdoption(wh, { from: '2024-01', to: '2024-05' });
    // February: C2, C3 and the unknown customer (FASTPAY); March: C1 (SHOPEE). The data ends in May.
    expect(r.cohorts).toEqual([
      { month: '2024-02', customers: 3, retention_3: 1 / 3, retention_6: null, retention_12: null },
      { month: '2024-03', customers: 1, retention_3: null, retention_6: null, retention_12: null },
    ]);
  });

  it('the precomputed cohorts equal the rule applied to the payments themselves', async () => {
    const rows = await wh.query<{ customer_id: string; month: string }>(
      `SELECT DISTINCT customer_id, strftime(paid_on, '%Y-%m') AS month FROM payments JOIN channels USING (channel_code) WHERE online AND status = 'completed'`,
    );
    const months = new Map<string, string[]>();
    for (const r of rows) months.set(r.customer_id, [...(months.get(r.customer_id) ?? []), r.month]);
    const direct = adoptionCohorts(months, '2024-05');
    const r = await channelAdoption(wh, { from: '2000-01', to: '2099-12' });
    expect(r.cohorts.map((c) => ({ month: c.month, customers: c.customers, retention: { 3: c.retention_3, 6: c.retention_6, 12: c.retention_12 } }))).toEqual(direct);
  });

  it("migrates C3's main category from counter (2023) to collector (2024: a three-way tie)", async () => {
    const r = await channelAdoption(wh, { from: '2023-01', to: '2024-12' });
    expect(r.migration).toEqual({ year_a: 2023, year_b: 2024, cells: [{ from_category: 'counter', to_category: 'collector', customers: 1 }] });
    const main = await wh.query<{ customer_id: string; category: string }>(`SELECT customer_id, category FROM channel_main_yearly WHERE year = 2024 ORDER BY 1`);
    const counts = await wh.query<{ customer_id: string; category: string; n: number }>(
      `SELECT customer_id, category, count(*)::BIGINT AS n FROM payments JOIN channels USING (channel_code) WHERE status = 'completed' AND year(paid_on) = 2024 GROUP BY ALL`,
    );
    const direct = [...new Set(counts.map((c) => c.customer_id))].sort().map((id) => ({
      customer_id: id,
      category: mainCategory(new Map(counts.filter((c) => c.customer_id === id).map((c) => [c.category, c.n]))),
    }));
    expect(main).toEqual(direct);
    expect(main.find((m) => m.customer_id === C1)?.category).toBe('counter'); // LOKET 1, SHOPEE 1: counter < marketplace
  });

  it('has the migration of every pair of years and kecamatan as the main categories pair up (channel_migration)', async () => {
    for (const yearA of [2023, 2024]) {
      for (const yearB of [2023, 2024]) {
        for (const kecamatan of [null, '17.02.09', '17.02.17']) {
          const direct = await wh.query<{ from_category: string; to_category: string; customers: number }>(
            `SELECT a.category AS from_category, b.category AS to_category, count(*)::BIGINT AS customers
               FROM channel_main_yearly a JOIN channel_main_yearly b ON b.customer_id = a.customer_id AND b.year = $yearB
               LEFT JOIN customers c ON c.customer_id = a.customer_id
              WHERE a.year = $yearA AND ($kecamatan IS NULL OR c.desa_code LIKE $kecamatan || '.%')
              GROUP BY ALL ORDER BY from_category, to_category`,
            { yearA, yearB, kecamatan },
          );
          const r = await channelAdoption(wh, { from: '2023-01', to: '2024-12', kecamatan, yearA, yearB });
          expect([yearA, yearB, kecamatan, r.migration.cells]).toEqual([yearA, yearB, kecamatan, direct]);
        }
      }
    }
    // 2024 with itself: every customer who paid in 2024 stays in their category, the unknown customer too
    const same = await channelAdoption(wh, { from: '2024-01', to: '2024-12' });
    expect(same.migration.cells).toEqual([
      { from_category: 'collector', to_category: 'collector', customers: 1 },
      { from_category: 'counter', to_category: 'counter', customers: 1 },
      { from_category: 'ppob', to_category: 'ppob', customers: 2 },
    ]);
  });
});

describe('launch impact of SHOPEE (1 March 2024), one month either side', () => {
  it('before vs after: online share, on-time rate, median days, per kecamatan, and where its customers came from', async () => {
    const r = await channelLaunch(wh, { channel: 'SHOPEE', months: 1 });
    expect(r?.before).toEqual({ from: '2024-02', to: '2024-02' });
    // February: 3 of 6 payments online, 145,000 of 235,000; timed P1 on, P2 late, P3 on, P4 late: 8, 18, 23, 25 → 20.5
    expect(r?.overall?.before).toEqual({ online_share_count: 0.5, online_share_value: 145_000 / 235_000, on_time_rate: 0.5, median_days_to_pay: 20.5 });
    // March: S1, S3 online and P7: 2 of 3, 160,000 of 190,000; all on time, 3, 5, 14 days
    expect(r?.overall?.after).toEqual({ online_share_count: 2 / 3, online_share_value: 160_000 / 190_000, on_time_rate: 1, median_days_to_pay: 5 });
    const timur = r?.by_kecamatan.find((k) => k.kecamatan_code === '17.02.17');
    expect(timur?.before).toEqual({ online_share_count: 0.5, online_share_value: 130_000 / 180_000, on_time_rate: 1 / 3, median_days_to_pay: 23 });
    // C1 paid mostly through LOKET before; C3 through FASTPAY and KOLEKTOR once each: the first by code
    expect(r?.came_from).toEqual([
      { channel_code: 'FASTPAY', customers: 1 },
      { channel_code: 'LOKET', customers: 1 },
    ]);
    expect(await channelLaunch(wh, { channel: 'NOPE', months: 6 })).toBeNull();
  });

  it('has the movers of every window up to LAUNCH_MONTHS_MAX months as the payments themselves give them (launch_movers)', async () => {
    for (const channel of ['SHOPEE', 'KOLEKTOR', 'FASTPAY']) {
      const { launched_on } = await wh.one<{ launched_on: string }>(`SELECT launched_on::VARCHAR AS launched_on FROM channels WHERE channel_code = $channel`, { channel });
      for (let months = 1; months <= LAUNCH_MONTHS_MAX; months++) {
        const { before, after } = launchWindows(launched_on, months);
        // each customer of the channel in the after window, by the other channel with most payments before (a tie: the first code)
        const direct = await wh.query<{ channel_code: string | null; customers: number }>(
          `WITH adopters AS (
             SELECT DISTINCT customer_id FROM payments
              WHERE channel_code = $channel AND status = 'completed' AND strftime(paid_on, '%Y-%m') BETWEEN $aFrom AND $aTo),
           before AS (
             SELECT customer_id, channel_code, count(*) AS n FROM payments
              WHERE status = 'completed' AND channel_code <> $channel AND strftime(paid_on, '%Y-%m') BETWEEN $bFrom AND $bTo
              GROUP BY ALL),
           main AS (SELECT customer_id, arg_min(channel_code, (-n, channel_code)) AS channel_code FROM before GROUP BY 1)
           SELECT m.channel_code, count(*)::BIGINT AS customers FROM adopters d LEFT JOIN main m USING (customer_id)
            GROUP BY 1 ORDER BY customers DESC, channel_code NULLS LAST`,
          { channel, aFrom: after.from, aTo: after.to, bFrom: before.from, bTo: before.to },
        );
        const r = await channelLaunch(wh, { channel, months });
        expect([channel, months, r?.came_from]).toEqual([channel, months, direct]);
      }
    }
    // SHOPEE over 3 months (December to February before): C3's P0 (LOKET), P3 (FASTPAY) and P5 (KOLEKTOR), a three-way tie
    expect((await channelLaunch(wh, { channel: 'SHOPEE', months: 3 }))?.came_from).toEqual([
      { channel_code: 'FASTPAY', customers: 1 },
      { channel_code: 'LOKET', customers: 1 },
    ]);
    // KOLEKTOR (launched December 2022): C3 first paid through it 15 months on, C2 16 months on; nothing before
    expect((await channelLaunch(wh, { channel: 'KOLEKTOR', months: 14 }))?.came_from).toEqual([]);
    expect((await channelLaunch(wh, { channel: 'KOLEKTOR', months: 16 }))?.came_from).toEqual([{ channel_code: null, customers: 2 }]);
    await expect(channelLaunch(wh, { channel: 'SHOPEE', months: LAUNCH_MONTHS_MAX + 1 })).rejects.toThrow(RangeError);
  });
});

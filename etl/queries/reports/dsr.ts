/**
 * DSR, Daftar Sisa Rekening (CONTRACT §4, Reports): what is left unpaid at a month end. Detail: every
 * overdue debt (each bill still owing, and the opening balance) of each customer, with its age;
 * rekap: umur piutang × golongan, lembar and rupiah. Both are the arrears of that month end and add up
 * to them for the same filters. The rekap, the detail's count and totals and which customers a detail
 * page holds come from arrears_customer_month_end and arrears_customer_total_month_end (debts.ts, as
 * customersInArrears and the drill-down) and opening_owed_months;
 * a page's lines from the bills of its customers only (debts.ts, as arrearsAsOf). The tests hold the
 * two equal.
 */
import { AGE_BUCKETS, ageBucketSql, ageInMonthsSql } from '../../domain/aging';
import { monthEnd, monthIndexSql } from '../../domain/period';
import { asLines, crossTab, totalsOf } from '../../domain/reports/rekap';
import type { ReportColumn, ReportView } from '../../domain/reports/shape';
import { filteredDebtsSql, MONTH_END_CUSTOMERS_SQL, MONTH_END_DEBTS_SQL } from '../debts';
import { filterParams } from '../filters';
import { requirePersonalData } from '../scope';
import { CUSTOMER_COLUMNS } from './columns';
import { echoParams } from './params';
import { defineReport, type ReportDefinition } from './report';

const DETAIL_COLUMNS: ReportColumn[] = [
  ...CUSTOMER_COLUMNS,
  { key: 'debt', format: 'text', coded: true },
  { key: 'period', format: 'month' },
  { key: 'due_on', format: 'date' },
  { key: 'age_months', format: 'number' },
  { key: 'age_bucket', format: 'text' },
  { key: 'bills', format: 'number', summed: true },
  { key: 'amount', format: 'money', summed: true },
];

const REKAP_COLUMNS: ReportColumn[] = [
  { key: 'tariff_class', format: 'text' },
  ...AGE_BUCKETS.flatMap((b, i): ReportColumn[] => [
    { key: `bills_${i + 1}`, label: 'bills', format: 'number', group: `age:${b.label}`, summed: true },
    { key: `amount_${i + 1}`, label: 'amount', format: 'money', group: `age:${b.label}`, summed: true },
  ]),
  { key: 'bills', format: 'number', group: 'total', summed: true },
  { key: 'amount', format: 'money', group: 'total', summed: true },
];

/** Every debt of the month end after the filters (of the customers `narrow` keeps), one line each. */
const detailSql = (narrow?: (table: string) => string) => `
  WITH ${filteredDebtsSql(narrow)},
  lines AS (
    SELECT d.customer_id, c.name, d.kecamatan_code, d.kecamatan_name, d.desa_code, d.desa_name, d.tariff_class,
           CASE WHEN d.bill_id IS NULL THEN 'opening' ELSE 'bill' END AS debt,
           coalesce(b.period, o.oldest_period) AS period, strftime(b.due_on, '%Y-%m-%d') AS due_on,
           d.age::BIGINT AS age_months, d.age_bucket,
           CASE WHEN d.bill_id IS NULL THEN 0 ELSE 1 END::BIGINT AS bills, d.outstanding::BIGINT AS amount
      FROM debts d JOIN kept USING (customer_id) JOIN customers c USING (customer_id)
      LEFT JOIN bill_balances b ON b.bill_id = d.bill_id
      -- one opening balance a customer at most; a bill's period comes first (a condition on d.bill_id here plans a nested loop)
      LEFT JOIN opening_balances o ON o.customer_id = d.customer_id)`;

const OPENING_AGE = ageInMonthsSql('CAST($as_of AS DATE)', `strptime(o.oldest_period || '-01', '%Y-%m-%d')`);

/**
 * The customers of the detail at the month end, from the month-end tables (milliseconds at a million
 * customers): each with its lines (its overdue bills, and 1 for an opening balance still owed in the
 * selected age bucket) and where its lines start in the list's order. A page then reads only its
 * customers' debts from the bills. Without an age filter a customer's total is one row of
 * arrears_customer_total_month_end; an age splits it, summed from arrears_customer_month_end.
 */
const placedSql = (byAge: boolean) => `
  WITH ${byAge ? MONTH_END_DEBTS_SQL : MONTH_END_CUSTOMERS_SQL},
  per AS (${
    byAge
      ? `SELECT d.customer_id, any_value(d.kecamatan_code) AS kecamatan_code, any_value(d.desa_code) AS desa_code,
                sum(d.bills)::BIGINT AS bills, sum(d.arrears)::BIGINT AS amount
           FROM month_debts d JOIN kept USING (customer_id) GROUP BY d.customer_id`
      : 'SELECT customer_id, kecamatan_code, desa_code, bills, arrears AS amount FROM month_customers'
  }),
  openings AS (
    SELECT o.customer_id FROM opening_owed_months o JOIN per USING (customer_id)
     WHERE ${monthIndexSql('CAST($as_of AS DATE)')} >= o.from_idx AND ${monthIndexSql('CAST($as_of AS DATE)')} < o.to_idx
       AND (CAST($f_age AS VARCHAR) IS NULL OR ${ageBucketSql(OPENING_AGE)} = $f_age)),
  lines AS (
    SELECT p.customer_id, p.kecamatan_code, p.desa_code, p.bills, p.amount,
           p.bills + CASE WHEN op.customer_id IS NULL THEN 0 ELSE 1 END AS lines
      FROM per p LEFT JOIN openings op USING (customer_id)),
  -- placed by desa first, then the customers of the desa the page meets only
  desa_placed AS (
    SELECT kecamatan_code, desa_code, sum(lines) AS lines,
           sum(sum(lines)) OVER (ORDER BY kecamatan_code, desa_code ROWS UNBOUNDED PRECEDING) AS line_end
      FROM lines GROUP BY kecamatan_code, desa_code),
  placed AS (
    SELECT l.customer_id, l.lines,
           d.line_end - d.lines + sum(l.lines) OVER (PARTITION BY l.kecamatan_code, l.desa_code ORDER BY l.customer_id ROWS UNBOUNDED PRECEDING) AS line_end
      FROM lines l JOIN desa_placed d USING (kecamatan_code, desa_code)
     WHERE $paged AND d.line_end > $offset AND d.line_end - d.lines < $offset + $limit)`;

const DETAIL_ORDER = 'ORDER BY kecamatan_code, desa_code, customer_id, debt DESC, period';

export const dsrReport: ReportDefinition = defineReport({
  id: 'dsr',
  period: { kind: 'month', param: 'as_of' },
  filters: ['kecamatan', 'desa', 'tariffClass', 'status', 'age', 'minAmount'],
  detailIsPersonal: true,
  columns: (view: ReportView) => (view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS),
  async run(wh, query, scope) {
    const month = query.period.month;
    if (!month) throw new RangeError('the DSR needs a month');
    const params = { as_of: monthEnd(month), ...filterParams(query.filters) };
    const base = { report: 'dsr', view: query.view, filters: echoParams(dsrReport, query.period, query.filters) };
    if (query.view === 'detail') {
      requirePersonalData(scope, 'the DSR detail');
      const window = query.window;
      // one pass over the placement: the totals (customer_id NULL) and the customers the page meets
      const placed = await wh.query<{ customer_id: string | null; line_end: number; lines: number; bills: number | null; amount: number | null }>(
        `${placedSql(query.filters.age !== undefined)}
         SELECT NULL AS customer_id, 0::BIGINT AS line_end, coalesce(sum(lines), 0)::BIGINT AS lines, sum(bills)::BIGINT AS bills, sum(amount)::BIGINT AS amount FROM lines
         UNION ALL
         SELECT customer_id, line_end::BIGINT, lines::BIGINT, NULL, NULL FROM placed
          WHERE line_end > $offset AND line_end - lines < $offset + $limit
         ORDER BY customer_id NULLS FIRST`,
        { ...params, paged: window !== null, offset: window?.offset ?? 0, limit: window?.limit ?? 0 },
      );
      const [sums, ...page] = placed;
      let rows: Record<string, string | number | null>[];
      if (window && page.length === 0) rows = [];
      else if (window) {
        // the page's customers' debts from their own bills, cut to the page
        page.sort((a, b) => a.line_end - b.line_end);
        const first = page.length > 0 ? page[0].line_end - page[0].lines : 0;
        const lines = await wh.query<Record<string, string | number | null>>(
          `${detailSql((t) => `${t}.customer_id IN (SELECT unnest($customer_ids))`)} SELECT * EXCLUDE (kecamatan_code, desa_code) FROM lines ${DETAIL_ORDER}`,
          { ...params, customer_ids: page.map((p) => p.customer_id as string) },
        );
        rows = lines.slice(window.offset - first, window.offset - first + window.limit);
      } else {
        rows = await wh.query(`${detailSql()} SELECT * EXCLUDE (kecamatan_code, desa_code) FROM lines ${DETAIL_ORDER}`, params);
      }
      return {
        ...base,
        columns: DETAIL_COLUMNS,
        rows: asLines(DETAIL_COLUMNS, rows),
        totals: { bills: sums.bills ?? 0, amount: sums.amount ?? 0 },
        count: sums.lines,
        offset: window?.offset ?? 0,
        limit: window?.limit ?? null,
      };
    }
    const cells = await wh.query<{ tariff_class: string; age_bucket: string; bills: number; amount: number }>(
      `WITH ${MONTH_END_DEBTS_SQL}
       SELECT d.tariff_class, d.age_bucket, sum(d.bills)::BIGINT AS bills, sum(d.arrears)::BIGINT AS amount
         FROM month_debts d JOIN kept USING (customer_id)
        GROUP BY ALL HAVING sum(d.arrears) <> 0 OR sum(d.bills) <> 0`,
      params,
    );
    const classes = [...new Set(cells.map((c) => c.tariff_class))].sort();
    const lines = crossTab(
      cells.map((c) => ({ row: c.tariff_class, column: c.age_bucket, values: { bills: c.bills, amount: c.amount } })),
      { rowKey: 'tariff_class', rowOrder: classes, columnOrder: AGE_BUCKETS.map((b) => b.label), measures: ['bills', 'amount'] },
    );
    return { ...base, columns: REKAP_COLUMNS, rows: asLines(REKAP_COLUMNS, lines), totals: totalsOf(REKAP_COLUMNS, lines), count: lines.length, offset: 0, limit: null };
  },
});

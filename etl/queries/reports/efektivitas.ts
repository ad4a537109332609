/**
 * Efektivitas Penagihan of month M (CONTRACT §4, KPIs and Reports): the overview's two variants over
 * the same twelve months of billing (billingYear, receivables.ts), with their parts as the report's
 * rows: this month's bills, the bills of the eleven months before, and the older bills and opening
 * balances (which only the all-receipts variant counts). Read from billing_monthly and
 * collections_monthly as billingYear reads them; unfiltered, the parts add up to its figures (tested).
 * Both tables hold the customer's desa, tariff class and status, so the report takes the DRD's filters
 * (wilayah, golongan, the customer's status). Detail: the same per bill month.
 */
import { addMonths } from '../../domain/period';
import { asLines, totalsOf } from '../../domain/reports/rekap';
import type { ReportColumn, ReportView } from '../../domain/reports/shape';
import { conditionParams, filterConditionSql } from '../filters';
import { echoParams } from './params';
import { defineReport, type ReportDefinition } from './report';

const MEASURES: ReportColumn[] = [
  { key: 'billed', format: 'money', summed: true },
  { key: 'collected_own', format: 'money', group: 'own_bills', summed: true },
  { key: 'ratio_own', format: 'percent', group: 'own_bills', ratio: { numerator: 'collected_own', denominator: 'billed', decimals: null } },
  { key: 'collected_all', format: 'money', group: 'all_receipts', summed: true },
  { key: 'ratio_all', format: 'percent', group: 'all_receipts', ratio: { numerator: 'collected_all', denominator: 'billed', decimals: null } },
];
const REKAP_COLUMNS: ReportColumn[] = [{ key: 'part', format: 'text', coded: true }, ...MEASURES];
const DETAIL_COLUMNS: ReportColumn[] = [{ key: 'bill_month', format: 'month' }, { key: 'part', format: 'text', coded: true }, ...MEASURES];

type Part = 'this_month' | 'rest_of_year' | 'older';
export const EFFECTIVENESS_PARTS: readonly Part[] = ['this_month', 'rest_of_year', 'older'];

interface MonthLine {
  /** null: older bills and opening balances, before the window */
  bill_month: string | null;
  billed: number | null;
  collected_own: number | null;
  collected_all: number;
}

/** The filters on a row `r` of billing_monthly or collections_monthly (a left join: rows of no known desa stay unfiltered). */
const CONDITION = filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'r.desa_code', tariffClass: 'r.tariff_class', status: 'r.status', age: 'NULL' });

/**
 * Per bill month of the window (first … M): billed, received up to M's end (own bills), received in
 * the window (all receipts); then one line for everything older (bill_month NULL, not billed in the
 * window: no own-bills part). Only receipts up to M's end count in either variant.
 */
const LINES_SQL = `
  WITH window_months AS (
    SELECT r.month, sum(r.billed) AS billed FROM billing_monthly r LEFT JOIN areas a USING (desa_code)
     WHERE r.month BETWEEN $first AND $last AND ${CONDITION} GROUP BY 1),
  received AS (
    SELECT CASE WHEN r.bill_month BETWEEN $first AND $last THEN r.bill_month END AS bill_month,
           sum(r.collected) AS own,
           sum(r.collected) FILTER (WHERE r.paid_month >= $first) AS all_receipts
      FROM collections_monthly r LEFT JOIN areas a USING (desa_code)
     WHERE r.paid_month <= $last AND ${CONDITION} GROUP BY 1)
  SELECT w.month AS bill_month, w.billed::BIGINT AS billed, coalesce(r.own, 0)::BIGINT AS collected_own, coalesce(r.all_receipts, 0)::BIGINT AS collected_all
    FROM window_months w LEFT JOIN received r ON r.bill_month = w.month
  UNION ALL
  SELECT NULL, NULL, NULL, coalesce((SELECT all_receipts FROM received WHERE bill_month IS NULL), 0)::BIGINT
  ORDER BY bill_month NULLS LAST`;

function partOf(line: MonthLine, month: string): Part {
  return line.bill_month === null ? 'older' : line.bill_month === month ? 'this_month' : 'rest_of_year';
}

export const efektivitasReport: ReportDefinition = defineReport({
  id: 'efektivitas',
  period: { kind: 'month', param: 'month' },
  filters: ['kecamatan', 'desa', 'tariffClass', 'status'],
  detailIsPersonal: false,
  columns: (view: ReportView) => (view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS),
  async run(wh, query) {
    const month = query.period.month;
    if (!month) throw new RangeError('the efektivitas report needs a month');
    const lines = await wh.query<MonthLine>(LINES_SQL, { first: addMonths(month, -11), last: month, ...conditionParams(query.filters) });
    const base = { report: 'efektivitas', view: query.view, filters: echoParams(efektivitasReport, query.period, query.filters) };
    const columns = query.view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS;
    const shown =
      query.view === 'detail'
        ? lines.map((l) => ({ ...l, part: partOf(l, month) }))
        : EFFECTIVENESS_PARTS.map((part) => {
            const of = lines.filter((l) => partOf(l, month) === part);
            const sum = (k: 'billed' | 'collected_own') => (part === 'older' ? null : of.reduce((s, l) => s + (l[k] ?? 0), 0));
            return { part, billed: sum('billed'), collected_own: sum('collected_own'), collected_all: of.reduce((s, l) => s + l.collected_all, 0) };
          });
    const rows = asLines(columns, shown as unknown as Record<string, string | number | null>[]);
    return { ...base, columns, rows, totals: totalsOf(columns, shown as unknown as Record<string, number | null>[]), count: rows.length, offset: 0, limit: null };
  },
});

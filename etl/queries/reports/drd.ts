/**
 * DRD, Daftar Rekening Ditagih (CONTRACT §4, Reports): the bills of a billing period as the files
 * gave them. Detail: one line per bill with the customer, golongan, usage m³ and the charges; rekap:
 * per wilayah (kecamatan, golongan under it, a subtotal per kecamatan) or per golongan (kecamatan
 * under it), lembar, m³, each charge, total, and the averages recomputed from the sums. The rekap reads
 * billing_period_rekap (the same bills summed at load: fast at a million customers), the detail the
 * bills; the tests hold the two equal.
 */
import { asLines, totalsOf, withSubtotals } from '../../domain/reports/rekap';
import type { ReportColumn, ReportView } from '../../domain/reports/shape';
import { conditionParams, filterConditionSql } from '../filters';
import { requirePersonalData } from '../scope';
import { CUSTOMER_COLUMNS } from './columns';
import { echoParams } from './params';
import { defineReport, type ReportDefinition } from './report';

const MEASURES: ReportColumn[] = [
  { key: 'bills', format: 'number', summed: true },
  { key: 'usage_m3', format: 'number', summed: true },
  { key: 'water_charge', format: 'money', group: 'charges', summed: true },
  { key: 'fixed_charge', format: 'money', group: 'charges', summed: true },
  { key: 'other_charge', format: 'money', group: 'charges', summed: true },
  { key: 'total_amount', format: 'money', summed: true },
];

/** harga air rata-rata: water charge ÷ m³ (whole rupiah); pemakaian rata-rata: m³ ÷ lembar (2 decimals). */
const AVERAGES: ReportColumn[] = [
  { key: 'avg_price_m3', format: 'money', ratio: { numerator: 'water_charge', denominator: 'usage_m3', decimals: 0 } },
  { key: 'avg_usage', format: 'number', ratio: { numerator: 'usage_m3', denominator: 'bills', decimals: 2 } },
];

const DETAIL_COLUMNS: ReportColumn[] = [
  ...CUSTOMER_COLUMNS,
  ...MEASURES,
];

const AREA = { key: 'kecamatan_name', label: 'kecamatan', format: 'text' } as const satisfies ReportColumn;
const TARIFF = { key: 'tariff_class', format: 'text' } as const satisfies ReportColumn;
const REKAP_COLUMNS: Record<string, ReportColumn[]> = {
  wilayah: [AREA, TARIFF, ...MEASURES, ...AVERAGES],
  golongan: [TARIFF, AREA, ...MEASURES, ...AVERAGES],
};

const REKAP_CONDITION = filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'r.desa_code', tariffClass: 'r.tariff_class', status: 'r.status', age: 'NULL' });

/** The bills of $period after the filters, of the desa `$desa_codes` when `narrowed` (a page's). */
const billsSql = (narrowed: boolean) => `
  WITH lines AS (
    SELECT b.customer_id, c.name, a.kecamatan_code, a.kecamatan_name, c.desa_code, a.desa_name, c.tariff_class,
           1::BIGINT AS bills, b.usage_m3, b.water_charge, b.fixed_charge, b.other_charge, b.total_amount
      FROM bills b JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
     WHERE b.period = $period${narrowed ? ' AND list_contains($desa_codes, c.desa_code)' : ''}
       AND ${filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'c.desa_code', tariffClass: 'c.tariff_class', status: 'c.status', age: 'NULL' })})`;

/** Each desa's bills of the period (from billing_period_rekap) and where its lines end in the detail's order. */
const PLACED_SQL = `
  WITH per AS (
    SELECT r.desa_code, sum(r.bills)::BIGINT AS lines FROM billing_period_rekap r JOIN areas a USING (desa_code)
     WHERE r.period = $period AND ${REKAP_CONDITION} GROUP BY r.desa_code)
  , placed AS (SELECT desa_code, lines, sum(lines) OVER (ORDER BY desa_code ROWS UNBOUNDED PRECEDING)::BIGINT AS line_end FROM per)`;

/** Over the bills (1 lembar each) or billing_period_rekap: m³ keep their two decimals (DECIMAL in SQL, a number here). */
const SUMS = `sum(bills)::BIGINT AS bills, round(sum(usage_m3), 2)::DOUBLE AS usage_m3, sum(water_charge)::BIGINT AS water_charge,
  sum(fixed_charge)::BIGINT AS fixed_charge, sum(other_charge)::BIGINT AS other_charge, sum(total_amount)::BIGINT AS total_amount`;

export const drdReport: ReportDefinition = defineReport({
  id: 'drd',
  period: { kind: 'month', param: 'period' },
  filters: ['kecamatan', 'desa', 'tariffClass', 'status'],
  groupings: ['wilayah', 'golongan'],
  detailIsPersonal: true,
  columns: (view: ReportView, by = 'wilayah') => (view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS[by]),
  async run(wh, query, scope) {
    const period = query.period.month;
    if (!period) throw new RangeError('the DRD needs a period');
    const params = { period, ...conditionParams(query.filters) };
    const base = { report: 'drd', view: query.view, filters: echoParams(drdReport, query.period, query.filters, query.by) };
    if (query.view === 'detail') {
      requirePersonalData(scope, 'the DRD detail');
      const window = query.window;
      const order = 'ORDER BY kecamatan_code, desa_code, customer_id';
      const select = `SELECT customer_id, name, kecamatan_name, desa_name, tariff_class, bills, usage_m3::DOUBLE AS usage_m3,
                water_charge, fixed_charge, other_charge, total_amount FROM lines ${order}`;
      const sums = await wh.one<Record<string, number | null>>(`SELECT ${SUMS} FROM billing_period_rekap r JOIN areas a USING (desa_code) WHERE r.period = $period AND ${REKAP_CONDITION}`, params);
      let rows: Record<string, string | number | null>[];
      if (window) {
        // the desa whose bills meet the page (a desa code begins with its kecamatan's: the same order), then only their bills
        const placed = await wh.query<{ desa_code: string; lines: number; line_end: number }>(
          `${PLACED_SQL} SELECT desa_code, lines, line_end FROM placed WHERE line_end > $offset AND line_end - lines < $offset + $limit ORDER BY line_end`,
          { ...params, offset: window.offset, limit: window.limit },
        );
        const first = placed.length > 0 ? placed[0].line_end - placed[0].lines : 0;
        const lines = await wh.query<Record<string, string | number | null>>(`${billsSql(true)} ${select}`, { ...params, desa_codes: placed.map((p) => p.desa_code) });
        rows = lines.slice(window.offset - first, window.offset - first + window.limit);
      } else {
        rows = await wh.query(`${billsSql(false)} ${select}`, params);
      }
      const totals = totalsOf(DETAIL_COLUMNS, [sums]);
      return { ...base, columns: DETAIL_COLUMNS, rows: asLines(DETAIL_COLUMNS, rows), totals, count: sums.bills ?? 0, offset: window?.offset ?? 0, limit: window?.limit ?? null };
    }
    const by = query.by === 'golongan' ? 'golongan' : 'wilayah';
    const columns = REKAP_COLUMNS[by];
    const order = by === 'wilayah' ? 'kecamatan_name, kecamatan_code, tariff_class' : 'tariff_class, kecamatan_name, kecamatan_code';
    const lines = await wh.query<Record<string, string | number | null>>(
      `SELECT a.kecamatan_code, a.kecamatan_name, r.tariff_class, ${SUMS}
         FROM billing_period_rekap r JOIN areas a USING (desa_code)
        WHERE r.period = $period AND ${REKAP_CONDITION}
        GROUP BY ALL ORDER BY ${order}`,
      params,
    );
    const group = by === 'wilayah' ? { by: 'kecamatan_code', labelKey: 'kecamatan_name' } : { by: 'tariff_class', labelKey: 'tariff_class' };
    return { ...base, columns, rows: withSubtotals(columns, lines, group), totals: totalsOf(columns, lines), count: lines.length, offset: 0, limit: null };
  },
});

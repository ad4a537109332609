/** The overview as one CSV of long rows (GET /api/v1/overview?format=csv). */
import type { Overview } from './figures.server';

export interface CsvRow extends Record<string, string | number | boolean | null> {
  section: string;
  key: string;
  code: string | null;
  value: number | string | boolean | null;
}

/**
 * Every figure of the overview as long rows `section,key,code,value` (one CSV for all of it):
 * section `kpi` holds the scalar figures under their JSON paths (e.g. `collection_effectiveness.own_bills.ratio`),
 * then one row per kecamatan, age bucket, recovered channel category and trend month.
 */
export function overviewCsvRows(o: Overview): CsvRow[] {
  const rows: CsvRow[] = [];
  const scalar = (key: string, value: number | string | boolean | null) => rows.push({ section: 'kpi', key, code: null, value });
  const walk = (prefix: string, value: unknown) => {
    if (value === null || typeof value !== 'object') scalar(prefix, value as number | string | boolean | null);
    else if (!Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
  };
  const { by_kecamatan, by_age, trend, movement, target, ...scalars } = o;
  walk('', scalars);
  if (movement) {
    const { recovered_by_category, recovered_by_channel, ...totals } = movement;
    walk('movement', totals);
    for (const c of recovered_by_category) rows.push({ section: 'recovered_by_category', key: c.category, code: null, value: c.recovered });
    for (const c of recovered_by_channel)
      rows.push({ section: 'recovered_by_channel', key: c.channel_name, code: c.channel_code, value: c.recovered });
  }
  if (target) {
    const { target_line, projection_line, ...rest } = target;
    walk('target', rest);
    for (const p of target_line) rows.push({ section: 'target_line', key: p.month, code: null, value: p.value });
    for (const p of projection_line) rows.push({ section: 'projection_line', key: p.month, code: null, value: p.value });
  }
  for (const k of by_kecamatan) {
    rows.push({ section: 'kecamatan_arrears', key: k.name, code: k.code, value: k.arrears });
    rows.push({ section: 'kecamatan_customers', key: k.name, code: k.code, value: k.customers });
  }
  for (const a of by_age) {
    rows.push({ section: 'age_arrears', key: a.bucket, code: null, value: a.arrears });
    rows.push({ section: 'age_provision', key: a.bucket, code: null, value: a.provision });
  }
  for (const p of trend) {
    rows.push({ section: 'trend_arrears', key: p.month, code: null, value: p.arrears });
    rows.push({ section: 'trend_legacy', key: p.month, code: null, value: p.legacy });
  }
  return rows;
}

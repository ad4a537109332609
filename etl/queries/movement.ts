/** The arrears movement of one month, with the recovered part split by channel. */
import { addMonths, monthEnd } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { arrearsAtMonthEnd, type SnapshotFilters } from './arrears';
import { conditionParams, filterConditionSql, NO_FILTERS } from './filters';

export interface MovementReport {
  month: string;
  month_end: string;
  opening: number;
  newly_overdue: number;
  recovered: number;
  written_off: number;
  closing: number;
  recovered_by_channel: { channel_code: string; channel_name: string; category: string; recovered: number }[];
}

type RecoveredByChannel = MovementReport['recovered_by_channel'];

const hasFilters = (f: SnapshotFilters) => Object.values(f).some((v) => v !== undefined);

/**
 * The whole utility's movement comes from arrears_movement and arrears_recovered_monthly, built from the
 * dated arrears events; they add up to the arrears computed from the bills at both month ends
 * (tests/integration/demo-truth.test.ts). With filters (of the customer and the area: an event has no
 * age bucket, and a customer's total is a level, not a flow), the month's events of the customers kept,
 * between the filtered snapshots of the two month ends.
 */
export async function arrearsMovement(
  wh: Warehouse,
  { month, filters = NO_FILTERS }: { month: string; filters?: SnapshotFilters },
): Promise<MovementReport | null> {
  if (!hasFilters(filters)) return wholeUtility(wh, month);
  const known = await wh.query<{ month: string }>(`SELECT month FROM months WHERE month = $month`, { month });
  if (known.length === 0) return null;
  // one connection: one query after the other
  const opening = await arrearsAtMonthEnd(wh, { month: addMonths(month, -1), by: 'kecamatan', filters });
  const closing = await arrearsAtMonthEnd(wh, { month, by: 'kecamatan', filters });
  const flows = await wh.query<{ kind: string; channel_code: string | null; channel_name: string | null; category: string; amount: number }>(
    `SELECT e.kind, e.channel_code, coalesce(ch.channel_name, e.channel_code) AS channel_name, coalesce(ch.category, '') AS category,
            sum(e.amount)::BIGINT AS amount
       FROM arrears_events e JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
       LEFT JOIN channels ch ON ch.channel_code = e.channel_code
      WHERE e.on_day BETWEEN CAST($first AS DATE) AND CAST($last AS DATE)
        AND ${filterConditionSql({ kecamatan: 'a.kecamatan_code', desa: 'c.desa_code', tariffClass: 'c.tariff_class', status: 'c.status', age: 'NULL' })}
      GROUP BY ALL`,
    { first: `${month}-01`, last: monthEnd(month), ...conditionParams(filters) },
  );
  const total = (kind: string) => flows.filter((f) => f.kind === kind).reduce((s, f) => s + f.amount, 0);
  // recoveries and write-offs are negative events; 0 − x, not −x, so that none is −0
  const reduction = (kind: string) => 0 - total(kind);
  const recoveredByChannel: RecoveredByChannel = flows
    .filter((f) => f.kind === 'recovered' && f.amount !== 0)
    .map((f) => ({ channel_code: f.channel_code ?? '', channel_name: f.channel_name ?? '', category: f.category, recovered: -f.amount }))
    .sort((a, b) => b.recovered - a.recovered || a.channel_code.localeCompare(b.channel_code));
  return {
    month,
    month_end: monthEnd(month),
    opening: opening.total_arrears,
    newly_overdue: total('newly_overdue'),
    recovered: reduction('recovered'),
    written_off: reduction('written_off'),
    closing: closing.total_arrears,
    recovered_by_channel: recoveredByChannel,
  };
}

async function wholeUtility(wh: Warehouse, month: string): Promise<MovementReport | null> {
  const rows = await wh.query<Omit<MovementReport, 'recovered_by_channel'>>(
    `SELECT month, strftime(month_end, '%Y-%m-%d') AS month_end, opening, newly_overdue, recovered, written_off, closing
       FROM arrears_movement WHERE month = $month`,
    { month },
  );
  if (rows.length === 0) return null;
  const byChannel = await wh.query<RecoveredByChannel[number]>(
    `SELECT r.channel_code, coalesce(c.channel_name, r.channel_code) AS channel_name, coalesce(c.category, '') AS category,
            r.recovered
       FROM arrears_recovered_monthly r LEFT JOIN channels c USING (channel_code)
      WHERE r.month = $month ORDER BY r.recovered DESC, r.channel_code`,
    { month },
  );
  return { ...rows[0], recovered_by_channel: byChannel };
}

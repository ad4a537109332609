/** The arrears movement of one month, with the recovered part split by channel. */
import type { Warehouse } from '../warehouse/duckdb';

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

/**
 * From arrears_movement and arrears_recovered_monthly, built from the dated arrears events; they add up
 * to the arrears computed from the bills at both month ends (tests/integration/demo-truth.test.ts). The
 * movement has no filters: its snapshots are kept for the whole utility only.
 */
export async function arrearsMovement(wh: Warehouse, { month }: { month: string }): Promise<MovementReport | null> {
  const rows = await wh.query<Omit<MovementReport, 'recovered_by_channel'>>(
    `SELECT month, strftime(month_end, '%Y-%m-%d') AS month_end, opening, newly_overdue, recovered, written_off, closing
       FROM arrears_movement WHERE month = $month`,
    { month },
  );
  if (rows.length === 0) return null;
  const byChannel = await wh.query<MovementReport['recovered_by_channel'][number]>(
    `SELECT r.channel_code, coalesce(c.channel_name, r.channel_code) AS channel_name, coalesce(c.category, '') AS category,
            r.recovered
       FROM arrears_recovered_monthly r LEFT JOIN channels c USING (channel_code)
      WHERE r.month = $month ORDER BY r.recovered DESC, r.channel_code`,
    { month },
  );
  return { ...rows[0], recovered_by_channel: byChannel };
}

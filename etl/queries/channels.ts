/** Payments received by channel and month: count, principal, penalties, customer fees and our fee cost. */
import type { Warehouse } from '../warehouse/duckdb';

export interface ChannelMonthRow {
  month: string;
  channel_code: string;
  channel_name: string;
  category: string;
  online: boolean;
  payments: number;
  amount: number;
  penalty: number;
  admin_fee: number;
  /** what the utility pays the partner: payments × fee_per_txn */
  fee_cost: number;
}

export interface ChannelsReport {
  from: string;
  to: string;
  total_payments: number;
  total_amount: number;
  rows: ChannelMonthRow[];
}

/** From payments_monthly (completed payments), months `from` … `to` (YYYY-MM). */
export async function channelPayments(wh: Warehouse, { from, to }: { from: string; to: string }): Promise<ChannelsReport> {
  const rows = await wh.query<ChannelMonthRow>(
    `SELECT p.month, p.channel_code, coalesce(c.channel_name, p.channel_code) AS channel_name,
            coalesce(c.category, '') AS category, coalesce(c.online, false) AS online,
            sum(p.payments)::BIGINT AS payments, sum(p.amount)::BIGINT AS amount, sum(p.penalty)::BIGINT AS penalty,
            sum(p.admin_fee)::BIGINT AS admin_fee, (sum(p.payments) * coalesce(any_value(c.fee_per_txn), 0))::BIGINT AS fee_cost
       FROM payments_monthly p LEFT JOIN channels c USING (channel_code)
      WHERE p.month BETWEEN $from AND $to
      GROUP BY p.month, p.channel_code, c.channel_name, c.category, c.online
      ORDER BY p.month, amount DESC, p.channel_code`,
    { from, to },
  );
  return {
    from,
    to,
    total_payments: rows.reduce((s, r) => s + r.payments, 0),
    total_amount: rows.reduce((s, r) => s + r.amount, 0),
    rows,
  };
}

/** Payments received by channel and month: count, principal, penalties, customer fees and our fee cost. */
import { costPerMillion, histogramMedian, share } from '../domain/channel-rules';
import { monthsFromTo } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';

/** A channel as every channel figure names it (channels.csv). */
export interface ChannelIdentity {
  channel_code: string;
  channel_name: string;
  category: string;
  online: boolean;
}

export interface ChannelMonthRow extends ChannelIdentity {
  month: string;
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

export interface ChannelComparisonRow extends ChannelIdentity {
  payments: number;
  amount: number;
  /** of all channels' amount in the period, 0–1 */
  share: number | null;
  customers: number;
  /** amount ÷ payments, whole rupiah */
  average_ticket: number | null;
  on_time_rate: number | null;
  median_days_to_pay: number | null;
  admin_fee: number;
  fee_cost: number;
  cost_per_million: number | null;
  /** payments of the period that did not apply cleanly (credit, duplicate, unmatched, refunded) */
  exceptions: number;
  /** the channel's amount in each month of the period, for its trend line */
  trend: number[];
}

export interface ChannelComparison {
  from: string;
  to: string;
  online_share_count: number | null;
  online_share_value: number | null;
  rows: ChannelComparisonRow[];
}

/**
 * The channel comparison of months `from` … `to` (CONTRACT §4, Channels): every channel that took a
 * payment or had an exception in the period, from payments_monthly, channel_timing_monthly and
 * reconciliation_monthly; distinct customers from channel_customers_monthly.
 */
export async function channelComparison(wh: Warehouse, { from, to }: { from: string; to: string }): Promise<ChannelComparison> {
  const params = { from, to };
  const [base, timing, customers, exceptions, trend] = await Promise.all([
    wh.query<{ channel_code: string; channel_name: string; category: string; online: boolean; payments: number; amount: number; admin_fee: number; fee_per_txn: number }>(
      `SELECT c.channel_code, c.channel_name, c.category, c.online, c.fee_per_txn,
              coalesce(sum(p.payments), 0)::BIGINT AS payments, coalesce(sum(p.amount), 0)::BIGINT AS amount,
              coalesce(sum(p.admin_fee), 0)::BIGINT AS admin_fee
         FROM channels c LEFT JOIN payments_monthly p ON p.channel_code = c.channel_code AND p.month BETWEEN $from AND $to
        GROUP BY ALL`,
      params,
    ),
    wh.query<{ channel_code: string; days_to_pay: number; payments: number; on_time: number }>(
      `SELECT channel_code, days_to_pay, sum(payments)::BIGINT AS payments, sum(on_time)::BIGINT AS on_time
         FROM channel_timing_monthly WHERE month BETWEEN $from AND $to GROUP BY ALL`,
      params,
    ),
    wh.query<{ channel_code: string; customers: number }>(
      // each customer once, in their first month of the period (channel_customers_monthly)
      `SELECT channel_code, sum(customers)::BIGINT AS customers FROM channel_customers_monthly
        WHERE month BETWEEN $from AND $to AND (previous_month IS NULL OR previous_month < $from)
        GROUP BY 1`,
      params,
    ),
    wh.query<{ channel_code: string; exceptions: number }>(
      `SELECT channel_code, sum(exceptions)::BIGINT AS exceptions FROM reconciliation_monthly WHERE month BETWEEN $from AND $to GROUP BY 1`,
      params,
    ),
    wh.query<{ channel_code: string; month: string; amount: number }>(
      `SELECT channel_code, month, sum(amount)::BIGINT AS amount FROM payments_monthly WHERE month BETWEEN $from AND $to GROUP BY ALL`,
      params,
    ),
  ]);
  const months = monthsFromTo(from, to);
  const timingBy = groupByChannel(timing);
  const customersBy = new Map(customers.map((r) => [r.channel_code, r.customers]));
  const exceptionsBy = new Map(exceptions.map((r) => [r.channel_code, r.exceptions]));
  const trendBy = groupByChannel(trend);
  const totalPayments = base.reduce((s, r) => s + r.payments, 0);
  const totalAmount = base.reduce((s, r) => s + r.amount, 0);
  const rows = base
    .map((b): ChannelComparisonRow => {
      const t = timingBy.get(b.channel_code) ?? [];
      const timed = t.reduce((s, r) => s + r.payments, 0);
      const fee_cost = b.payments * b.fee_per_txn;
      const monthly = new Map((trendBy.get(b.channel_code) ?? []).map((r) => [r.month, r.amount]));
      return {
        channel_code: b.channel_code,
        channel_name: b.channel_name,
        category: b.category,
        online: b.online,
        payments: b.payments,
        amount: b.amount,
        share: share(b.amount, totalAmount),
        customers: customersBy.get(b.channel_code) ?? 0,
        average_ticket: b.payments > 0 ? Math.round(b.amount / b.payments) : null,
        on_time_rate: share(t.reduce((s, r) => s + r.on_time, 0), timed),
        median_days_to_pay: histogramMedian(t.map((r) => ({ value: r.days_to_pay, count: r.payments }))),
        admin_fee: b.admin_fee,
        fee_cost,
        cost_per_million: costPerMillion(fee_cost, b.amount),
        exceptions: exceptionsBy.get(b.channel_code) ?? 0,
        trend: months.map((m) => monthly.get(m) ?? 0),
      };
    })
    .filter((r) => r.payments > 0 || r.exceptions > 0)
    .sort((a, b) => b.amount - a.amount || a.channel_code.localeCompare(b.channel_code));
  const online = base.filter((r) => r.online);
  return {
    from,
    to,
    online_share_count: share(online.reduce((s, r) => s + r.payments, 0), totalPayments),
    online_share_value: share(online.reduce((s, r) => s + r.amount, 0), totalAmount),
    rows,
  };
}

function groupByChannel<T extends { channel_code: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.channel_code, [...(out.get(r.channel_code) ?? []), r]);
  return out;
}

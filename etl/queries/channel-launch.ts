/**
 * A channel's launch impact (CONTRACT §4, Channels): online share, on-time rate and median days to pay
 * in the N months before the launch month and the N months from it, overall and per kecamatan, and
 * the customers who paid through the new channel after it with the channel they mostly used before.
 */
import { histogramMedian, LAUNCH_MONTHS_MAX, launchWindows, share, type MonthWindow } from '../domain/channel-rules';
import type { Warehouse } from '../warehouse/duckdb';

export interface WindowFigures {
  online_share_count: number | null;
  online_share_value: number | null;
  on_time_rate: number | null;
  median_days_to_pay: number | null;
}

export interface LaunchArea {
  kecamatan_code: string;
  kecamatan_name: string;
  before: WindowFigures;
  after: WindowFigures;
}

export interface LaunchImpact {
  channel_code: string;
  channel_name: string;
  launched_on: string | null;
  months: number;
  before: MonthWindow | null;
  after: MonthWindow | null;
  overall: { before: WindowFigures; after: WindowFigures } | null;
  by_kecamatan: LaunchArea[];
  /** customers who paid through the channel in the after window, by the channel they paid most through before (null: none) */
  came_from: { channel_code: string | null; customers: number }[];
  new_channel_customers: number;
}

interface Part {
  win: 'before' | 'after';
  kecamatan_code: string;
  kecamatan_name: string;
}

/** null when there is no such channel; `months` from 1 to LAUNCH_MONTHS_MAX (the windows launch_movers holds). */
export async function channelLaunch(wh: Warehouse, { channel, months }: { channel: string; months: number }): Promise<LaunchImpact | null> {
  if (!Number.isInteger(months) || months < 1 || months > LAUNCH_MONTHS_MAX) throw new RangeError(`months must be a whole number from 1 to ${LAUNCH_MONTHS_MAX}`);
  const ch = await wh.query<{ channel_code: string; channel_name: string; launched_on: string | null }>(
    `SELECT channel_code, channel_name, launched_on::VARCHAR AS launched_on FROM channels WHERE channel_code = $channel`,
    { channel },
  );
  if (ch.length === 0) return null;
  const { channel_name, launched_on } = ch[0];
  const empty: LaunchImpact = { channel_code: channel, channel_name, launched_on, months, before: null, after: null, overall: null, by_kecamatan: [], came_from: [], new_channel_customers: 0 };
  if (!launched_on) return empty;
  const { before, after } = launchWindows(launched_on, months);
  const win = `CASE WHEN p.month BETWEEN $bFrom AND $bTo THEN 'before' ELSE 'after' END`;
  const params = { bFrom: before.from, bTo: before.to, aFrom: after.from, aTo: after.to };
  const inWindows = `(p.month BETWEEN $bFrom AND $bTo OR p.month BETWEEN $aFrom AND $aTo)`;
  const [shares, timing, cameFrom] = await Promise.all([
    wh.query<Part & { payments: number; online_payments: number; amount: number; online_amount: number }>(
      `SELECT ${win} AS win, a.kecamatan_code, any_value(a.kecamatan_name) AS kecamatan_name,
              sum(p.payments)::BIGINT AS payments, coalesce(sum(p.payments) FILTER (WHERE c.online), 0)::BIGINT AS online_payments,
              sum(p.amount)::BIGINT AS amount, coalesce(sum(p.amount) FILTER (WHERE c.online), 0)::BIGINT AS online_amount
         FROM payments_monthly p JOIN channels c USING (channel_code) LEFT JOIN areas a USING (desa_code)
        WHERE ${inWindows} GROUP BY ALL`,
      params,
    ),
    wh.query<Part & { days_to_pay: number; payments: number; on_time: number }>(
      `SELECT ${win} AS win, a.kecamatan_code, any_value(a.kecamatan_name) AS kecamatan_name, p.days_to_pay,
              sum(p.payments)::BIGINT AS payments, sum(p.on_time)::BIGINT AS on_time
         FROM channel_timing_monthly p LEFT JOIN areas a USING (desa_code)
        WHERE ${inWindows} GROUP BY ALL`,
      params,
    ),
    wh.query<{ channel_code: string | null; customers: number }>(
      `SELECT from_channel AS channel_code, customers FROM launch_movers WHERE channel_code = $channel AND months = $months
        ORDER BY customers DESC, from_channel NULLS LAST`,
      { channel, months },
    ),
  ]);
  const figures = (keep: (p: Part) => boolean): WindowFigures => {
    const s = shares.filter(keep);
    const t = timing.filter(keep);
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((acc, r) => acc + f(r), 0);
    return {
      online_share_count: share(sum(s, (r) => r.online_payments), sum(s, (r) => r.payments)),
      online_share_value: share(sum(s, (r) => r.online_amount), sum(s, (r) => r.amount)),
      on_time_rate: share(sum(t, (r) => r.on_time), sum(t, (r) => r.payments)),
      median_days_to_pay: histogramMedian(t.map((r) => ({ value: r.days_to_pay, count: r.payments }))),
    };
  };
  const areas = new Map<string, string>();
  for (const r of [...shares, ...timing]) if (r.kecamatan_code) areas.set(r.kecamatan_code, r.kecamatan_name);
  return {
    ...empty,
    before,
    after,
    overall: { before: figures((p) => p.win === 'before'), after: figures((p) => p.win === 'after') },
    by_kecamatan: [...areas.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, name]) => ({
        kecamatan_code: code,
        kecamatan_name: name,
        before: figures((p) => p.win === 'before' && p.kecamatan_code === code),
        after: figures((p) => p.win === 'after' && p.kecamatan_code === code),
      })),
    came_from: cameFrom,
    new_channel_customers: cameFrom.reduce((s, r) => s + r.customers, 0),
  };
}

export interface LaunchedChannel {
  channel_code: string;
  channel_name: string;
  launched_on: string;
}

/** The channels with a launch day, the most recent first (the launch page's choice; the newest is its default). */
export function launchedChannels(wh: Warehouse): Promise<LaunchedChannel[]> {
  return wh.query<LaunchedChannel>(
    `SELECT channel_code, channel_name, launched_on::VARCHAR AS launched_on FROM channels
      WHERE launched_on IS NOT NULL ORDER BY launched_on DESC, channel_code`,
  );
}

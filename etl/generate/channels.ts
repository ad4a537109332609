/**
 * Where customers pay, and how the mix moves over the years: the own counter dominates at first, bank
 * and PPOB partners from 2012, Pos, minimarkets and e-wallets later, marketplaces from 2021/2023 and
 * growing. Collectors (from December 2022, when the collection team was formed) are driven by visits,
 * never chosen by a customer, so they have no popularity here.
 */
import type { ChannelCategory } from '../domain/channels';
import { dayNumber } from '../domain/period';
import { monthOfDay } from './calendar';
import { interpolate } from './curve';
import type { Rng } from './prng';

/** Settlement format (etl/adapters) a channel delivers its own files in. */
export type NativeFormat = 'bank-h2h' | 'ppob' | 'marketplace';

export interface Channel {
  code: string;
  name: string;
  online: boolean;
  category: ChannelCategory;
  /** what the utility pays the partner per transaction */
  feePerTxn: number;
  launchedOn: string;
  /** what the customer pays the channel on top of the bill */
  adminFee: number;
  /** relative popularity among online channels once established */
  weight: number;
  /** months from launch to full popularity */
  rampMonths: number;
  /** payment reference prefix */
  refPrefix: string;
  native?: NativeFormat;
}

export const CHANNELS: readonly Channel[] = [
  { code: 'LOKET', name: 'Loket PDAM Tirta Bukit Kaba', online: false, category: 'counter', feePerTxn: 0, launchedOn: '1982-01-01', adminFee: 0, weight: 0, rampMonths: 1, refPrefix: 'LKT' },
  { code: 'BANK_BENGKULU', name: 'Bank Bengkulu', online: true, category: 'bank', feePerTxn: 1_500, launchedOn: '2012-01-02', adminFee: 2_500, weight: 3, rampMonths: 12, refPrefix: 'BBK', native: 'bank-h2h' },
  { code: 'BRI', name: 'Bank Rakyat Indonesia', online: true, category: 'bank', feePerTxn: 2_000, launchedOn: '2012-03-01', adminFee: 2_500, weight: 3, rampMonths: 12, refPrefix: 'BRI', native: 'bank-h2h' },
  { code: 'FASTPAY', name: 'Fastpay', online: true, category: 'ppob', feePerTxn: 1_000, launchedOn: '2012-09-01', adminFee: 2_500, weight: 1.5, rampMonths: 18, refPrefix: 'FP', native: 'ppob' },
  { code: 'SPEEDCASH', name: 'Speedcash', online: true, category: 'ppob', feePerTxn: 1_000, launchedOn: '2014-05-01', adminFee: 2_500, weight: 1.2, rampMonths: 18, refPrefix: 'SC', native: 'ppob' },
  { code: 'POS', name: 'Pos Indonesia', online: true, category: 'post', feePerTxn: 1_500, launchedOn: '2015-07-01', adminFee: 2_500, weight: 1, rampMonths: 18, refPrefix: 'POS' },
  { code: 'MITRA_PERDANA', name: 'Mitra Perdana Indonesia', online: true, category: 'ppob', feePerTxn: 1_000, launchedOn: '2016-02-01', adminFee: 2_500, weight: 1.2, rampMonths: 18, refPrefix: 'MPI', native: 'ppob' },
  { code: 'INDOMARET', name: 'Indomaret', online: true, category: 'minimarket', feePerTxn: 1_500, launchedOn: '2017-10-01', adminFee: 3_000, weight: 2.5, rampMonths: 24, refPrefix: 'IDM', native: 'ppob' },
  { code: 'DANA', name: 'DANA', online: true, category: 'ewallet', feePerTxn: 1_000, launchedOn: '2020-04-01', adminFee: 1_500, weight: 2, rampMonths: 24, refPrefix: 'DNA' },
  { code: 'TOKOPEDIA', name: 'Tokopedia', online: true, category: 'marketplace', feePerTxn: 1_500, launchedOn: '2021-03-01', adminFee: 2_500, weight: 1.5, rampMonths: 24, refPrefix: 'TKP', native: 'marketplace' },
  { code: 'KOLEKTOR', name: 'Tim Penagihan (kolektor)', online: false, category: 'collector', feePerTxn: 0, launchedOn: '2022-12-01', adminFee: 0, weight: 0, rampMonths: 1, refPrefix: 'KOL' },
  { code: 'SHOPEE', name: 'Shopee', online: true, category: 'marketplace', feePerTxn: 1_500, launchedOn: '2023-02-01', adminFee: 2_500, weight: 4, rampMonths: 36, refPrefix: 'SHP', native: 'marketplace' },
];

export const COUNTER = CHANNELS.find((c) => c.code === 'LOKET')!;
export const COLLECTOR = CHANNELS.find((c) => c.code === 'KOLEKTOR')!;
/** The month the collection team started working (its channel's launch). */
export const COLLECTION_TEAM_FROM = monthOfDay(dayNumber(COLLECTOR.launchedOn));

const ONLINE = CHANNELS.filter((c) => c.online);
const launchMonth = new Map(CHANNELS.map((c) => [c.code, monthOfDay(dayNumber(c.launchedOn))]));
const launchDay = new Map(CHANNELS.map((c) => [c.code, dayNumber(c.launchedOn)]));

export function isLaunched(channel: Channel, day: number): boolean {
  return launchDay.get(channel.code)! <= day;
}

/** Share of habitual payers who pay online, by month: slow at first, a push during the pandemic. */
const ONLINE_SHARE: readonly [number, number][] = [
  [2012 * 12, 0.03],
  [2013 * 12, 0.08],
  [2015 * 12, 0.15],
  [2017 * 12, 0.25],
  [2019 * 12, 0.32],
  [2020 * 12 + 5, 0.42],
  [2022 * 12, 0.5],
  [2024 * 12, 0.58],
  [2026 * 12, 0.64],
];

const shareByMonth = new Map<number, number>();

/** Asked for every customer and month, so each month's share is computed once. */
export function onlineShare(monthIdx: number): number {
  let share = shareByMonth.get(monthIdx);
  if (share === undefined) shareByMonth.set(monthIdx, (share = interpolate(ONLINE_SHARE, monthIdx)));
  return share;
}

/** An online channel by popularity at `day`: each grows into its weight after launch. */
export function pickOnlineChannel(rng: Rng, day: number): Channel | undefined {
  const month = monthOfDay(day);
  const weights = ONLINE.map((c) => {
    if (!isLaunched(c, day)) return 0;
    const age = month - launchMonth.get(c.code)! + 1;
    return c.weight * Math.min(1, age / c.rampMonths);
  });
  if (weights.every((w) => w === 0)) return undefined;
  return ONLINE[rng.weighted(weights)];
}

/** Online channels refuse a bill more than three months past due. */
export const ONLINE_MAX_OVERDUE_DAYS = 90;

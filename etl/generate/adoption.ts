/**
 * Where and when customers go online. The utility-wide curve (channels.ts `onlineShare`) is the
 * average; urban Curup, where phones, banks and minimarkets are, runs ahead of it and the outer
 * kecamatan behind, weighted so that the average stays the curve. The Shopee launch pulls online payers
 * from their partner of habit for its first months, and a few counter payers online with it.
 */
import { dayNumber } from '../domain/period';
import { CHANNELS, type Channel, onlineShare } from './channels';
import { monthOfDay } from './calendar';
import type { Rng } from './prng';

/** Curup, Curup Tengah, Curup Timur, Curup Utara, Curup Selatan: the town. */
export const URBAN_CURUP: ReadonlySet<string> = new Set(['17.02.09', '17.02.19', '17.02.17', '17.02.16', '17.02.18']);
/** The town holds about 71% of the connections: 0.71 × 1.15 + 0.29 × 0.63 ≈ 1. */
const URBAN_FACTOR = 1.15;
const OUTER_FACTOR = 0.63;
const MAX_SHARE = 0.95;

/** The marketplace whose launch the demo tells: customers visibly move to it. */
export const MARKETPLACE_LAUNCH: Channel = CHANNELS.find((c) => c.code === 'SHOPEE')!;
const LAUNCH_MONTH = monthOfDay(dayNumber(MARKETPLACE_LAUNCH.launchedOn));
/** Months after the launch during which its promotions pull payers over. */
const LAUNCH_PULL_MONTHS = 6;
/** Chance per online payment, during the pull, that the payer switches to the new marketplace. */
const LAUNCH_PULL = 0.07;
/** Counter payers the launch brings online, as a share of all payers (from the launch on). */
const LAUNCH_NEW_ONLINE = 0.03;

export function onlineShareIn(monthIdx: number, kecamatanCode: string): number {
  const factor = URBAN_CURUP.has(kecamatanCode) ? URBAN_FACTOR : OUTER_FACTOR;
  const launch = monthIdx >= LAUNCH_MONTH ? LAUNCH_NEW_ONLINE * Math.min(1, (monthIdx - LAUNCH_MONTH + 1) / 3) : 0;
  return Math.min(MAX_SHARE, (onlineShare(monthIdx) + launch) * factor);
}

/** `digital` is the customer's rank in going online (0 first): online once the area's share passes it. */
export function paysOnlineIn(digital: number, monthIdx: number, kecamatanCode: string): boolean {
  return digital < onlineShareIn(monthIdx, kecamatanCode);
}

/** During the launch pull, whether an online payer with another habit moves to the new marketplace. */
export function switchesToLaunchedMarketplace(rng: Rng, preferred: Channel, day: number): boolean {
  const months = monthOfDay(day) - LAUNCH_MONTH;
  if (months < 0 || months >= LAUNCH_PULL_MONTHS || preferred === MARKETPLACE_LAUNCH) return false;
  return rng.chance(LAUNCH_PULL);
}

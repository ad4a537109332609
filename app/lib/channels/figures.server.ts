/**
 * The payment-channel pages' and API's figures: their parameters (a bad one is a 400 naming it) and
 * the named queries, each result cached for the warehouse file it came from.
 */
import { json } from '@remix-run/node';
import { channelAdoption, type Adoption } from '../../../etl/queries/channel-adoption';
import { channelLaunch, launchedChannels, type LaunchedChannel, type LaunchImpact } from '../../../etl/queries/channel-launch';
import { channelComparison, type ChannelComparison } from '../../../etl/queries/channels';
import { reconciliation, type Reconciliation } from '../../../etl/queries/reconciliation';
import type { Scope } from '../../../etl/queries/scope';
import { LAUNCH_MONTHS_MAX } from '../../../etl/domain/channel-rules';
import { addMonths } from '../../../etl/domain/period';
import { apiHeaders } from '../http.server';
import { BadParam } from '../tables/define.server';
import { warehouseFreshness, withWarehouse } from '../warehouse.server';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const CHANNEL = /^[A-Za-z0-9_.-]{1,40}$/;
export const DEFAULT_LAUNCH_MONTHS = 6;

/** A 400 answer naming the parameter. */
export function badParam(param: string, message: string): Response {
  return json({ error: 'bad_request', param, message }, { status: 400, headers: apiHeaders() });
}

/** Runs a loader's parameter reading; a bad parameter (BadParam) ends the request with its 400. */
export async function readParams<T>(read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadParam) throw badParam(error.param, error.message);
    throw error;
  }
}

export interface Period {
  from: string;
  to: string;
}

/** `from`/`to` (YYYY-MM); default: the 12 months ending with the last complete month, or (`all`) every month. */
export async function periodParams(params: URLSearchParams, defaultMonths: number | 'all' = 12): Promise<Period> {
  const freshness = await warehouseFreshness();
  const last = freshness.lastCompleteMonth ?? freshness.months.at(-1) ?? '2024-01';
  const first = defaultMonths === 'all' ? (freshness.months[0] ?? last) : addMonths(last, -(defaultMonths - 1));
  const month = (name: string, fallback: string) => {
    const v = params.get(name);
    if (v === null || v === '') return fallback;
    if (!MONTH.test(v)) throw new BadParam(name, `${name} must be a month YYYY-MM`);
    return v;
  };
  const to = month('to', last);
  const from = month('from', defaultMonths === 'all' ? first : addMonths(to, -(defaultMonths - 1)));
  if (from > to) throw new BadParam('from', 'from must not be after to');
  return { from, to };
}

export function kecamatanParam(params: URLSearchParams): string | null {
  const v = params.get('kecamatan');
  if (v === null || v === '') return null;
  if (!KECAMATAN.test(v)) throw new BadParam('kecamatan', 'kecamatan must be a kecamatan code 17.02.KK');
  return v;
}

export async function monthParam(params: URLSearchParams): Promise<string> {
  const v = params.get('month');
  if (v === null || v === '') {
    const f = await warehouseFreshness();
    return f.lastCompleteMonth ?? f.months.at(-1) ?? '2024-01';
  }
  if (!MONTH.test(v)) throw new BadParam('month', 'month must be a month YYYY-MM');
  return v;
}

export function launchParams(params: URLSearchParams, fallbackChannel: string | null): { channel: string; months: number } {
  const channel = params.get('channel') || fallbackChannel;
  if (!channel || !CHANNEL.test(channel)) throw new BadParam('channel', 'channel must be a channel code');
  const m = params.get('months');
  const months = m === null || m === '' ? DEFAULT_LAUNCH_MONTHS : Number(m);
  if (!Number.isInteger(months) || months < 1 || months > LAUNCH_MONTHS_MAX) throw new BadParam('months', `months must be a whole number from 1 to ${LAUNCH_MONTHS_MAX}`);
  return { channel, months };
}

export function loadComparison(period: Period): Promise<ChannelComparison> {
  return withWarehouse((wh, file) => file.cached(`channels:compare:${period.from}:${period.to}`, () => channelComparison(wh, period)));
}

export function loadAdoption(input: Period & { kecamatan: string | null }): Promise<Adoption> {
  return withWarehouse((wh, file) =>
    file.cached(`channels:adoption:${input.from}:${input.to}:${input.kecamatan ?? ''}`, () => channelAdoption(wh, input)),
  );
}

export function loadLaunch(input: { channel: string; months: number }): Promise<LaunchImpact | null> {
  return withWarehouse((wh, file) => file.cached(`channels:launch:${input.channel}:${input.months}`, () => channelLaunch(wh, input)));
}

export function loadReconciliation(month: string, scope: Scope): Promise<Reconciliation> {
  return withWarehouse((wh, file) =>
    file.cached(`channels:reconciliation:${month}:${scope.personalData}`, () => reconciliation(wh, { month, scope })),
  );
}

/** The channels with a launch day, the most recent first. */
export function loadLaunchedChannels(): Promise<LaunchedChannel[]> {
  return withWarehouse((wh, file) => file.cached('channels:launched', () => launchedChannels(wh)));
}

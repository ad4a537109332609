/** Parameters of the ledger, sealing and letters API endpoints, each refused with a 400 naming it. */
import { parseArrearsFilters, type ArrearsFilters } from '../../../etl/queries/filters';
import { clientError } from '../http.server';
import { warehouseFreshness } from '../warehouse.server';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `as_of=YYYY-MM` (default: the last complete month); a month the warehouse has no figures for is a 400 too. */
export async function apiAsOfMonth(params: URLSearchParams, name = 'as_of'): Promise<string> {
  const requested = params.get(name)?.trim() || null;
  if (requested !== null && !PERIOD.test(requested)) throw clientError(400, 'bad_request', `${name}: must be a month YYYY-MM (${requested})`);
  const freshness = await warehouseFreshness();
  const month = requested ?? freshness.lastCompleteMonth;
  if (!month || !freshness.months.includes(month)) throw clientError(400, 'bad_request', `${name}: the warehouse has no figures for ${month ?? 'any month'}`);
  return month;
}

export function apiFilters(params: URLSearchParams): ArrearsFilters {
  const parsed = parseArrearsFilters(params);
  if (!parsed.ok) throw clientError(400, 'bad_request', parsed.message);
  return parsed.filters;
}

/** An optional `YYYY-MM-DD` day. */
export function apiDate(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() || null;
  if (value !== null && (!DATE.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)) {
    throw clientError(400, 'bad_request', `${name}: must be a day YYYY-MM-DD (${value})`);
  }
  return value;
}

export const CUSTOMER_ID = /^[A-Za-z0-9._-]{1,40}$/;

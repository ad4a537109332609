/**
 * The as-of month every page is read for, carried in the `?bulan=YYYY-MM` search parameter so a link
 * or a bookmark says which month it shows. Pure: used by the server and by the navigation links.
 */
export const AS_OF_PARAM = 'bulan';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The requested month when the warehouse has figures for it, otherwise the default (the last complete
 * month, see warehouse.server.ts), otherwise null when there are no months at all.
 */
export function pickAsOfMonth(requested: string | null | undefined, months: readonly string[], fallback: string | null): string | null {
  if (requested && PERIOD.test(requested) && months.includes(requested)) return requested;
  return fallback ?? months.at(-1) ?? null;
}

/** The link to `path` keeping the as-of month (only when one was chosen explicitly). */
export function withAsOf(path: string, month: string | null | undefined): string {
  if (!month) return path;
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set(AS_OF_PARAM, month);
  return `${base}?${params.toString()}`;
}

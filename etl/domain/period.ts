/**
 * Calendar rules. Dates are Asia/Jakarta calendar days carried as `YYYY-MM-DD` text or as day numbers
 * (days since 1970-01-01), never as JavaScript Date objects in local time, so the machine's time zone
 * can never shift a payment into another day.
 */
import type { ParseResult } from './money';

/** Jakarta has been UTC+7 without daylight saving since 1964. */
export const JAKARTA_OFFSET_MINUTES = 7 * 60;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Months since year 0: year × 12 + month − 1, so consecutive months differ by one. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** monthIndex of a DATE, as SQL. */
export function monthIndexSql(dateExpr: string): string {
  return `(year(${dateExpr}) * 12 + month(${dateExpr}) - 1)`;
}

/** periodIndex of a `YYYY-MM` text, as SQL. */
export function periodIndexSql(periodExpr: string): string {
  return `(CAST(left(${periodExpr}, 4) AS INTEGER) * 12 + CAST(right(${periodExpr}, 2) AS INTEGER) - 1)`;
}

export function parsePeriod(text: string): ParseResult<string> {
  const t = text.trim();
  if (!PERIOD.test(t)) return { ok: false, reason: `period is not YYYY-MM (${t})` };
  return { ok: true, value: t };
}

export function periodIndex(period: string): number {
  return monthIndex(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
}

export function periodFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(period: string, n: number): string {
  return periodFromIndex(periodIndex(period) + n);
}

/** Every month from `from` to `to` (`YYYY-MM`), both included; none when `to` is before `from`. */
export function monthsFromTo(from: string, to: string): string[] {
  const first = periodIndex(from);
  return Array.from({ length: Math.max(0, periodIndex(to) - first + 1) }, (_, i) => periodFromIndex(first + i));
}

/** Validates a calendar date `YYYY-MM-DD` (2023-02-29 is refused). */
export function parseDate(text: string, field = 'date'): ParseResult<string> {
  const t = text.trim();
  const m = DATE.exec(t);
  if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) return { ok: false, reason: `${field} is not a date YYYY-MM-DD (${t})` };
  return { ok: true, value: t };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;
}

export function dateFromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The last calendar day of a `YYYY-MM` period. */
export function monthEnd(period: string): string {
  const y = +period.slice(0, 4);
  const m = +period.slice(5, 7);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

/**
 * An ISO 8601 timestamp as Jakarta wall-clock time `YYYY-MM-DD HH:MM:SS`. A timestamp with an offset
 * (`Z`, `+07:00`, `+0000`) is converted; one without is already Jakarta time.
 */
export function parseJakartaTimestamp(text: string, field = 'paid_at'): ParseResult<string> {
  const t = text.trim();
  const m = TIMESTAMP.exec(t);
  if (!m) return { ok: false, reason: `${field} is not an ISO 8601 timestamp (${t})` };
  const [, y, mo, d, h, mi, s = '00', , offset] = m;
  if (!isCalendarDate(+y, +mo, +d) || +h > 23 || +mi > 59 || +s > 59) {
    return { ok: false, reason: `${field} is not a valid time (${t})` };
  }
  if (offset === undefined) return { ok: true, value: `${y}-${mo}-${d} ${h}:${mi}:${s}` };
  const offsetMinutes = offset === 'Z' ? 0 : parseOffset(offset);
  const utcMs = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offsetMinutes * 60_000;
  const local = new Date(utcMs + JAKARTA_OFFSET_MINUTES * 60_000).toISOString();
  return { ok: true, value: `${local.slice(0, 10)} ${local.slice(11, 19)}` };
}

function parseOffset(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  return d <= DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0);
}

/** The current Jakarta wall-clock time `YYYY-MM-DD HH:MM:SS`, whatever the machine's time zone. */
export function jakartaNow(now: Date = new Date()): string {
  const local = new Date(now.getTime() + JAKARTA_OFFSET_MINUTES * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

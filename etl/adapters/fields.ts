/**
 * Native field text ↔ canonical field text. Reading goes through the domain parsers in etl/domain, so a
 * channel file and payments.csv agree on what a valid amount, month or time is. Writing is lenient on
 * purpose: a canonical value that is not well formed is written verbatim, which lets the demo generator
 * put bad rows into native files.
 */
import {
  formatIndonesianRupiah,
  parseIndonesianRupiah,
  parseWholeRupiah,
  type ParseResult,
} from '../domain/money';
import { parseJakartaTimestamp, parsePeriod } from '../domain/period';
import type { CanonicalPayment, ParsedLine } from './types';

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** Identifiers are text: trimmed, leading zeros kept. */
export function requiredText(text: string, field: string): ParseResult<string> {
  const t = text.trim();
  return t === '' ? { ok: false, reason: `${field} is empty` } : ok(t);
}

/** Plain integer rupiah → canonical digits. */
export function wholeRupiah(text: string, field: string): ParseResult<string> {
  const r = parseWholeRupiah(text, field);
  return r.ok ? ok(String(r.value)) : r;
}

/** `1.234.567,00` → canonical digits. */
export function indonesianRupiah(text: string, field: string): ParseResult<string> {
  const r = parseIndonesianRupiah(text, field);
  return r.ok ? ok(String(r.value)) : r;
}

export function writeWholeRupiah(amount: string): string {
  const r = parseWholeRupiah(amount);
  return r.ok ? String(r.value) : amount;
}

export function writeIndonesianRupiah(amount: string): string {
  const r = parseWholeRupiah(amount);
  return r.ok ? formatIndonesianRupiah(r.value) : amount;
}

/** How a format spells a bill month; `pattern` captures the named groups `y` and `m`. */
export interface BillMonthLayout {
  name: string;
  pattern: RegExp;
  write(y: string, m: string): string;
}

/** Native bill month → `YYYY-MM`; an empty field means the channel named no month and stays ''. */
export function billMonth(text: string, layout: BillMonthLayout, field: string): ParseResult<string> {
  const t = text.trim();
  if (t === '') return ok('');
  const g = layout.pattern.exec(t)?.groups;
  const period = g ? parsePeriod(`${g.y}-${g.m}`) : undefined;
  return period?.ok ? period : { ok: false, reason: `${field} is not a bill month ${layout.name} (${t})` };
}

export function writeBillMonth(period: string, layout: BillMonthLayout): string {
  const r = parsePeriod(period);
  return r.ok ? layout.write(r.value.slice(0, 4), r.value.slice(5, 7)) : period;
}

/** Jakarta wall-clock parts of a timestamp. */
export interface DateTimeParts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

/**
 * How a format spells a payment time. `read` turns the native text into something parseJakartaTimestamp
 * accepts (or undefined when it does not fit), so calendar checks and offset conversion live there only.
 */
export interface TimestampLayout {
  name: string;
  read(text: string): string | undefined;
  write(p: DateTimeParts): string;
}

/** A layout from a regex with the named groups y, mo, d, h, mi, s (a wall-clock time in Jakarta). */
export function patternTimestamp(
  name: string,
  pattern: RegExp,
  write: (p: DateTimeParts) => string,
): TimestampLayout {
  return {
    name,
    read(text) {
      const g = pattern.exec(text)?.groups;
      return g && `${g.y}-${g.mo}-${g.d} ${g.h}:${g.mi}:${g.s}`;
    },
    write,
  };
}

/** Native time → canonical `YYYY-MM-DDTHH:MM:SS`, Jakarta local time without offset. */
export function timestamp(text: string, layout: TimestampLayout, field: string): ParseResult<string> {
  const t = text.trim();
  if (t === '') return { ok: false, reason: `${field} is empty` };
  const candidate = layout.read(t);
  if (candidate === undefined) return { ok: false, reason: `${field} is not ${layout.name} (${t})` };
  const local = parseJakartaTimestamp(candidate, field);
  return local.ok ? ok(local.value.replace(' ', 'T')) : { ok: false, reason: `${field} is not a valid date and time (${t})` };
}

export function writeTimestamp(paidAt: string, layout: TimestampLayout): string {
  const r = parseJakartaTimestamp(paidAt);
  if (!r.ok) return paidAt;
  const v = r.value;
  return layout.write({
    y: v.slice(0, 4),
    mo: v.slice(5, 7),
    d: v.slice(8, 10),
    h: v.slice(11, 13),
    mi: v.slice(14, 16),
    s: v.slice(17, 19),
  });
}

/** Every canonical column as the outcome of reading its native field. */
export type PaymentFields = { [K in keyof CanonicalPayment]: ParseResult<CanonicalPayment[K]> };

/** A payment when every field reads, otherwise all the reasons at once so one fix pass is enough. */
export function paymentLine(line: number, raw: string, fields: PaymentFields): ParsedLine {
  const reasons = Object.values(fields).flatMap((f) => (f.ok ? [] : [f.reason]));
  if (reasons.length > 0) return { line, raw, reason: reasons.join('; ') };
  // every field read, so each one carries a value
  const payment = Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [k, (f as { value: string }).value]),
  ) as unknown as CanonicalPayment;
  return { line, raw, payment };
}

/**
 * Field rules shared by every canonical file: each takes the text of one field and gives back the
 * normalised text stored in the warehouse, or the reason in plain words. Pure and table-driven, so
 * a new file kind only lists its columns.
 */
import { parseWholeRupiah } from '../../app/domain/money';
import { parseDate, parseJakartaTimestamp, parsePeriod } from '../../app/domain/period';

export type FieldResult = { ok: true; value: string | null } | { ok: false; reason: string };
export type FieldRule = (text: string, column: string) => FieldResult;

const ok = (value: string | null): FieldResult => ({ ok: true, value });
const bad = (reason: string): FieldResult => ({ ok: false, reason });

/** Makes an optional version of a rule: an empty field is stored as NULL. */
export const optional =
  (rule: FieldRule): FieldRule =>
  (text, column) =>
    text.trim() === '' ? ok(null) : rule(text, column);

export const text: FieldRule = (t, column) => (t.trim() === '' ? bad(`${column} is empty`) : ok(t.trim()));

export const anyText: FieldRule = (t) => ok(t.trim());

export const oneOf =
  (...allowed: string[]): FieldRule =>
  (t, column) =>
    allowed.includes(t.trim()) ? ok(t.trim()) : bad(`${column} must be one of ${allowed.join(', ')} (${t.trim() || 'empty'})`);

export const pattern =
  (re: RegExp, what: string): FieldRule =>
  (t, column) =>
    re.test(t.trim()) ? ok(t.trim()) : bad(`${column} is not ${what} (${t.trim() || 'empty'})`);

export const rupiah: FieldRule = (t, column) => {
  const r = parseWholeRupiah(t, column);
  return r.ok ? ok(String(r.value)) : r;
};

export const positiveRupiah: FieldRule = (t, column) => {
  const r = parseWholeRupiah(t, column);
  if (!r.ok) return r;
  return r.value > 0 ? ok(String(r.value)) : bad(`${column} must be more than zero`);
};

export const date: FieldRule = (t, column) => parseDate(t, column);

export const period: FieldRule = (t, column) => {
  const r = parsePeriod(t);
  return r.ok ? r : bad(r.reason.replace(/^period/, column));
};

export const timestamp: FieldRule = (t, column) => parseJakartaTimestamp(t, column);

export const decimal: FieldRule = (t, column) =>
  /^\d+(\.\d{1,2})?$/.test(t.trim()) ? ok(t.trim()) : bad(`${column} is not a non-negative number with at most 2 decimals (${t.trim() || 'empty'})`);

export const coordinate =
  (min: number, max: number): FieldRule =>
  (t, column) => {
    const v = Number(t.trim());
    return /^-?\d+(\.\d+)?$/.test(t.trim()) && v >= min && v <= max
      ? ok(t.trim())
      : bad(`${column} is not a coordinate between ${min} and ${max} (${t.trim()})`);
  };

export const bool: FieldRule = (t, column) => {
  const v = t.trim().toLowerCase();
  return v === 'true' || v === 'false' ? ok(v) : bad(`${column} must be true or false (${t.trim() || 'empty'})`);
};

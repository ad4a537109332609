/**
 * Field rules shared by every canonical file: each takes the text of one field and gives back the
 * normalised text stored in the warehouse (null for an empty optional field), or an Invalid with the
 * reason in plain words. Pure and table-driven, so a new file kind only lists its columns. They run
 * once per field of millions of rows, so the common case allocates nothing but the result string.
 */
import { wholeRupiahProblem } from '../domain/money';
import { isCalendarDate, parseJakartaTimestamp, parsePeriod } from '../domain/period';

export class Invalid {
  constructor(readonly reason: string) {}
}

export type FieldValue = string | null | Invalid;
export type FieldRule = (text: string, column: string) => FieldValue;

const shown = (t: string) => t.trim() || 'empty';

/** Makes an optional version of a rule: an empty field is stored as NULL. */
export const optional =
  (rule: FieldRule): FieldRule =>
  (t, column) =>
    t === '' || t.trim() === '' ? null : rule(t, column);

export const text: FieldRule = (t, column) => {
  const v = t.trim();
  return v === '' ? new Invalid(`${column} is empty`) : v;
};

/** Makes a version of a rule where an empty field means zero (a visit that collected nothing). */
export const emptyAsZero =
  (rule: FieldRule): FieldRule =>
  (t, column) =>
    t.trim() === '' ? '0' : rule(t, column);

export const anyText: FieldRule = (t) => t.trim();

export const oneOf = (...allowed: string[]): FieldRule => {
  const set = new Set(allowed);
  return (t, column) => {
    const v = t.trim();
    return set.has(v) ? v : new Invalid(`${column} must be one of ${allowed.join(', ')} (${shown(t)})`);
  };
};

export const pattern =
  (re: RegExp, what: string): FieldRule =>
  (t, column) => {
    const v = t.trim();
    return re.test(v) ? v : new Invalid(`${column} is not ${what} (${shown(t)})`);
  };

/** Whole rupiah: digits only (parseWholeRupiah's rule). */
export const rupiah: FieldRule = (t, column) => {
  const v = t.trim();
  const problem = wholeRupiahProblem(v, column);
  return problem === null ? v : new Invalid(problem);
};

export const positiveRupiah: FieldRule = (t, column) => {
  const v = rupiah(t, column);
  return typeof v === 'string' && /^0+$/.test(v) ? new Invalid(`${column} must be more than zero`) : v;
};

/** A calendar date YYYY-MM-DD (2023-02-29 is refused). */
export const date: FieldRule = (t, column) => {
  const v = t.trim();
  if (
    v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 &&
    isDigits(v.slice(0, 4)) && isDigits(v.slice(5, 7)) && isDigits(v.slice(8, 10)) &&
    isCalendarDate(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10))
  ) {
    return v;
  }
  return new Invalid(`${column} is not a date YYYY-MM-DD (${shown(t)})`);
};

export const period: FieldRule = (t, column) => {
  const r = parsePeriod(t);
  return r.ok ? r.value : new Invalid(r.reason.replace(/^period/, column));
};

export const timestamp: FieldRule = (t, column) => {
  const r = parseJakartaTimestamp(t, column);
  return r.ok ? r.value : new Invalid(r.reason);
};

export const decimal: FieldRule = (t, column) => {
  const v = t.trim();
  return /^\d+(\.\d{1,2})?$/.test(v) ? v : new Invalid(`${column} is not a non-negative number with at most 2 decimals (${shown(t)})`);
};

export const coordinate =
  (min: number, max: number): FieldRule =>
  (t, column) => {
    const v = t.trim();
    const n = Number(v);
    return /^-?\d+(\.\d+)?$/.test(v) && n >= min && n <= max
      ? v
      : new Invalid(`${column} is not a coordinate between ${min} and ${max} (${v})`);
  };

export const bool: FieldRule = (t, column) => {
  const v = t.trim().toLowerCase();
  return v === 'true' || v === 'false' ? v : new Invalid(`${column} must be true or false (${shown(t)})`);
};

function isDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return v.length > 0;
}

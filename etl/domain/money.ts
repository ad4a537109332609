/**
 * Money is whole rupiah everywhere. These parsers are the only way text becomes an amount, so every
 * file format agrees on what a valid amount is.
 */

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

// 1.234.567 or 1.234.567,00 or 1234567,00 or 1234567 (Indonesian notation: '.' thousands, ',' decimals)
const INDONESIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * Why a trimmed text is not plain whole rupiah (digits only, no sign, no separators, exact as a
 * JavaScript number), or null when it is. Allocation-free on valid input: it runs on every amount
 * of every row loaded.
 */
export function wholeRupiahProblem(t: string, field = 'amount'): string | null {
  if (t === '') return `${field} is empty`;
  let digits = true;
  for (let i = 0; i < t.length && digits; i++) digits = t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57;
  if (digits) return t.length <= 15 || Number.isSafeInteger(Number(t)) ? null : `${field} is too large (${t})`;
  if (/^-\s*\d/.test(t)) return `${field} is negative (${t})`;
  return `${field} is not a whole number of rupiah (${t})`;
}

/** Plain whole rupiah as in the canonical files: digits only, no sign, no separators. */
export function parseWholeRupiah(text: string, field = 'amount'): ParseResult<number> {
  const t = text.trim();
  const problem = wholeRupiahProblem(t, field);
  return problem === null ? { ok: true, value: Number(t) } : { ok: false, reason: problem };
}

/** Indonesian notation (`1.234.567,00`); sen other than ,00 are refused because we keep whole rupiah. */
export function parseIndonesianRupiah(text: string, field = 'amount'): ParseResult<number> {
  const t = text.trim().replace(/^Rp\.?\s*/i, '');
  if (t === '') return { ok: false, reason: `${field} is empty` };
  if (/^-\s*\d/.test(t)) return { ok: false, reason: `${field} is negative (${text.trim()})` };
  const m = INDONESIAN.exec(t);
  if (!m) return { ok: false, reason: `${field} is not an amount in Indonesian notation (${text.trim()})` };
  if (m[2] !== undefined && Number(m[2]) !== 0) {
    return { ok: false, reason: `${field} has sen (${text.trim()}); amounts must be whole rupiah` };
  }
  return safeInteger(m[1].replace(/\./g, ''), field);
}

/** Whole rupiah in Indonesian notation with two decimals, as bank files carry it: 1234567 → `1.234.567,00`. */
export function formatIndonesianRupiah(amount: number): string {
  return `${groupThousands(amount)},00`;
}

/** 8023456789 → `8.023.456.789` (negative amounts keep their sign). */
export function groupThousands(amount: number | bigint): string {
  const s = (amount < 0 ? -BigInt(amount) : BigInt(amount)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 ? `-${grouped}` : grouped;
}

function safeInteger(digits: string, field: string): ParseResult<number> {
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `${field} is too large (${digits})` };
  return { ok: true, value };
}

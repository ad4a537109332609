/**
 * The one place numbers, money, months and dates become text. Pure and deterministic (no Intl, whose
 * output differs between Node and browsers), so the server's HTML and the client agree to the character.
 *
 *   formatRupiahCompact(8023456789, 'id')  → Rp8,02 M     (rb = ribu, jt = juta, M = miliar, T = triliun)
 *   formatRupiahCompact(8023456789, 'en')  → Rp8.02B      (K, M, B, T)
 *   formatRupiahFull(8023456789)           → Rp8.023.456.789
 *   formatMonth('2025-06', 'id')           → Juni 2025
 *   formatPercent(0.8734, 'id')            → 87,3%
 *   formatDateTime('2025-07-01 14:05:09')  → 1 Jul 2025 14.05   (en: 1 Jul 2025 14:05)
 */
import { format as formatDateFns } from 'date-fns/format';
import { enUS } from 'date-fns/locale/en-US';
import { id as idLocale } from 'date-fns/locale/id';

export type Lang = 'id' | 'en';

const LOCALES = { id: idLocale, en: enUS } as const;
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};
const COMPACT_UNITS: Record<Lang, readonly { size: number; suffix: string }[]> = {
  id: [
    { size: 1e3, suffix: ' rb' },
    { size: 1e6, suffix: ' jt' },
    { size: 1e9, suffix: ' M' },
    { size: 1e12, suffix: ' T' },
  ],
  en: [
    { size: 1e3, suffix: 'K' },
    { size: 1e6, suffix: 'M' },
    { size: 1e9, suffix: 'B' },
    { size: 1e12, suffix: 'T' },
  ],
};

export interface SignOption {
  /** prefix positive values with + (for changes); zero gets no sign */
  signed?: boolean;
}

function signOf(n: number, options: SignOption): string {
  if (n < 0) return '-';
  return options.signed && n > 0 ? '+' : '';
}

/** 1234567 → `1.234.567` (id) or `1,234,567` (en); rounds to a whole number. */
export function formatNumber(n: number, lang: Lang = 'id', options: SignOption = {}): string {
  const whole = Math.round(Math.abs(n));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[lang].group);
  return signOf(Math.round(n), options) + grouped;
}

/** A number with exactly `digits` decimals in the language's notation: 12.5 → `12,5` (id). */
export function formatDecimal(n: number, lang: Lang = 'id', digits = 1, options: SignOption = {}): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const rounded = Number(fixed);
  const body = formatNumber(Number(int), lang) + (frac ? SEPARATORS[lang].decimal + frac : '');
  return (rounded === 0 ? '' : signOf(n, options)) + body;
}

/**
 * Rupiah with a unit word, three significant figures at most and trailing zeros dropped:
 * 8023456789 → `Rp8,02 M`, 16500000000 → `Rp16,5 M`, 950 → `Rp950`, 999999999 → `Rp1 M`.
 */
export function formatRupiahCompact(n: number, lang: Lang = 'id', options: SignOption = {}): string {
  const abs = Math.abs(n);
  const units = COMPACT_UNITS[lang];
  let i = units.length - 1;
  while (i >= 0 && abs < units[i].size) i--;
  if (i < 0) return `${signOf(Math.round(n), options)}Rp${formatNumber(abs, lang)}`;
  let scaled = abs / units[i].size;
  let digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  let rounded = Number(scaled.toFixed(digits));
  // 999.6 rb rounds to 1000 rb: say 1 jt instead.
  if (rounded >= 1000 && i < units.length - 1) {
    i++;
    scaled = abs / units[i].size;
    digits = 2;
    rounded = Number(scaled.toFixed(digits));
  }
  const [int, frac = ''] = rounded.toFixed(digits).split('.');
  const trimmed = frac.replace(/0+$/, '');
  const body = formatNumber(Number(int), lang) + (trimmed ? SEPARATORS[lang].decimal + trimmed : '');
  return `${signOf(n, options)}Rp${body}${units[i].suffix}`;
}

/** Whole rupiah, every digit: 8023456789 → `Rp8.023.456.789` (en: `Rp8,023,456,789`). */
export function formatRupiahFull(n: number, lang: Lang = 'id', options: SignOption = {}): string {
  return `${signOf(Math.round(n), options)}Rp${formatNumber(Math.abs(n), lang)}`;
}

/** A ratio as a percentage: 0.8734 → `87,3%` (id) / `87.3%` (en). */
export function formatPercent(ratio: number, lang: Lang = 'id', digits = 1, options: SignOption = {}): string {
  return `${formatDecimal(ratio * 100, lang, digits, options)}%`;
}

function periodDate(period: string): Date {
  // Local noon of the 1st: formatting in the same local zone can never shift the month.
  return new Date(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1, 12);
}

// Month and day names are asked for over and over (every page lists every month of the warehouse):
// remember them. Bounded, so a long-running server cannot grow it without limit.
const calendarText = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let text = calendarText.get(key);
  if (text === undefined) {
    if (calendarText.size >= 20_000) calendarText.clear();
    calendarText.set(key, (text = make()));
  }
  return text;
}

/** `2025-06` → `Juni 2025` (id) / `June 2025` (en); style short → `Jun 2025`. */
export function formatMonth(period: string, lang: Lang = 'id', style: 'long' | 'short' = 'long'): string {
  return remembered(`m|${lang}|${style}|${period}`, () =>
    formatDateFns(periodDate(period), style === 'long' ? 'MMMM yyyy' : 'MMM yyyy', { locale: LOCALES[lang] })
  );
}

/** `2025-06-30` (or a timestamp starting with it) → `30 Juni 2025` (id) / `30 June 2025` (en). */
export function formatDate(date: string, lang: Lang = 'id', style: 'long' | 'short' = 'long'): string {
  return remembered(`d|${lang}|${style}|${date.slice(0, 10)}`, () => {
    const d = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
    return formatDateFns(d, style === 'long' ? 'd MMMM yyyy' : 'd MMM yyyy', { locale: LOCALES[lang] });
  });
}

/** The time of a `YYYY-MM-DD HH:MM[:SS]` timestamp as written (no zone conversion): `14.05` (id) / `14:05` (en). */
export function formatTime(timestamp: string, lang: Lang = 'id'): string {
  const hhmm = timestamp.slice(11, 16);
  return lang === 'id' ? hhmm.replace(':', '.') : hhmm;
}

/** A timestamp's day and time: `2025-07-01 14:05:09` → `1 Jul 2025 14.05` (id, short) / `1 Jul 2025 14:05` (en). */
export function formatDateTime(timestamp: string, lang: Lang = 'id', style: 'long' | 'short' = 'short'): string {
  return `${formatDate(timestamp, lang, style)} ${formatTime(timestamp, lang)}`;
}

/**
 * A report's words in the page's language: its title, column headers, group headers, coded values,
 * and the lines that say which period and filters it shows (the page, the print view and the XLSX
 * title rows say the same). Safe for the browser.
 */
import type { ReportColumn, ReportValue } from '../../../etl/domain/reports/shape';
import { t, type Lang, type MessageKey } from '../../i18n';
import { formatDate, formatMonth } from '../../i18n/format';
import { ageBucketText } from '../../i18n/kpi-text';

/** Messages are named after the report's ids; a test holds that every one exists. */
const key = (text: string) => text as MessageKey;

export const reportTitleKey = (id: string) => key(`reports.${id}.title`);
export const reportDescriptionKey = (id: string) => key(`reports.${id}.description`);
export const columnLabelKey = (c: Pick<ReportColumn, 'key' | 'label'>) => key(`reports.col.${c.label ?? c.key}`);

export function columnLabel(c: Pick<ReportColumn, 'key' | 'label'>, lang: Lang): string {
  return t(lang, columnLabelKey(c));
}

/** `age:4-6` → "4–6 bln"; another id → its message. */
export function groupLabel(group: string, lang: Lang): string {
  return group.startsWith('age:') ? ageBucketText(group.slice(4), lang) : t(lang, key(`reports.group.${group}`));
}

export function codedValue(value: ReportValue, lang: Lang): ReportValue {
  return typeof value === 'string' ? t(lang, key(`reports.value.${value}`)) : value;
}

/** The group header text of each column (null for one without), in column order. */
export function columnGroups(columns: readonly ReportColumn[], lang: Lang): (string | null)[] | null {
  if (!columns.some((c) => c.group)) return null;
  return columns.map((c) => (c.group ? groupLabel(c.group, lang) : null));
}

const FILTER_ORDER = ['kecamatan', 'desa', 'tariff_class', 'status', 'age', 'min_amount', 'channel', 'team'] as const;

/** Names for the codes in a filter (kecamatan and desa names), when the page knows them. */
export type FilterNames = Partial<Record<string, string>>;

/** `Per 30 April 2024` / `Periode April 2024` / `1 April 2024 s.d. 30 April 2024`. */
export function periodLine(filters: Record<string, string | number | null>, lang: Lang): string {
  if (typeof filters.as_of === 'string') {
    const [y, m] = filters.as_of.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return t(lang, 'reports.period.as_of', { date: formatDate(last, lang) });
  }
  if (typeof filters.period === 'string') return t(lang, 'reports.period.period', { month: formatMonth(filters.period, lang) });
  if (typeof filters.month === 'string') return t(lang, 'reports.period.month', { month: formatMonth(filters.month, lang) });
  if (typeof filters.from === 'string' && typeof filters.to === 'string') {
    return t(lang, 'reports.period.days', { from: formatDate(filters.from, lang), to: formatDate(filters.to, lang) });
  }
  return '';
}

/** `Kecamatan: Curup Timur · Golongan: R2`, or "tanpa saringan". */
export function filterLine(filters: Record<string, string | number | null>, lang: Lang, names: FilterNames = {}): string {
  const parts: string[] = [];
  for (const name of FILTER_ORDER) {
    const value = filters[name];
    if (value === null || value === undefined) continue;
    const shown = name === 'age' ? ageBucketText(String(value), lang) : (names[`${name}:${value}`] ?? String(value));
    parts.push(`${t(lang, key(`reports.filter.${name}`))}: ${shown}`);
  }
  return parts.length > 0 ? parts.join(' · ') : t(lang, 'reports.print.none');
}

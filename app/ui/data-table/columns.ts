/**
 * Column definitions of the data table, shared by the page (DataTable.tsx) and the exports
 * (app/lib/tables): one list per table says what each column holds, how it is written and whether
 * it is sorted on or totalled. Plain data, so a loader can send it to the browser.
 *
 *   { key: 'arrears', label: 'kecamatan.arrears', format: 'money', sortable: true, total: true }
 */
import { isNumericFormat, type ExportColumn, type ExportFormat } from '../../../etl/export/cells';
import { t as translate, type Lang, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPercent, formatRupiahFull } from '../../i18n/format';
import { ageBucketText } from '../../i18n/kpi-text';

/**
 * money: whole rupiah (Rp8.023.456.789); percent: a ratio; date `YYYY-MM-DD`; month `YYYY-MM`;
 * datetime `YYYY-MM-DD HH:MM:SS`; age_bucket: an age bucket label (`4-6`) shown by its name
 * (`4–6 bln`), exported as that text.
 */
export type ColumnFormat = ExportFormat | 'age_bucket';

/** How the export writers and the number rules see a column's format. */
export function exportFormat(format: ColumnFormat): ExportFormat {
  return format === 'age_bucket' ? 'text' : format;
}

export interface ColumnDef<K extends string = string> {
  key: K;
  /** the header, an i18n message key */
  label: MessageKey;
  format: ColumnFormat;
  /** default: numbers at the end (right), everything else at the start */
  align?: 'start' | 'end';
  sortable?: boolean;
  /** summed in the totals row (numeric columns) */
  total?: boolean;
  /** the cell names its row (`<th scope="row">`) */
  rowHeader?: boolean;
  /** personal data (names, addresses, phones, raw lines): left out for roles without it (roles.ts) */
  personal?: boolean;
  /** text columns holding codes: the message for each code (`kelurahan` → "Kelurahan") */
  values?: Readonly<Record<string, MessageKey>>;
  /** monospace text (file names, codes) */
  mono?: boolean;
}

export type CellValue = string | number | boolean | null | undefined;

export function columnAlign(column: Pick<ColumnDef, 'format' | 'align'>): 'start' | 'end' {
  return column.align ?? (isNumericFormat(exportFormat(column.format)) ? 'end' : 'start');
}

/** A cell's value as it is shown (and exported as text): codes translated, numbers as numbers. */
export function cellValue(column: Pick<ColumnDef, 'values' | 'format'>, value: CellValue, lang: Lang): CellValue {
  if (column.format === 'age_bucket' && typeof value === 'string') return ageBucketText(value, lang);
  const message = typeof value === 'string' ? column.values?.[value] : undefined;
  return message ? translate(lang, message) : value;
}

/** A cell as text in the page's language; '–' for no value. */
export function formatCell(column: Pick<ColumnDef, 'format' | 'values'>, value: CellValue, lang: Lang): string {
  const shown = cellValue(column, value, lang);
  if (shown === null || shown === undefined || shown === '') return translate(lang, 'table.missing');
  if (typeof shown === 'number') {
    switch (column.format) {
      case 'money':
        return formatRupiahFull(shown, lang);
      case 'percent':
        return formatPercent(shown, lang);
      default:
        return formatNumber(shown, lang);
    }
  }
  if (typeof shown === 'boolean') return String(shown);
  switch (column.format) {
    case 'date':
      return formatDate(shown, lang, 'short');
    case 'month':
      return formatMonth(shown, lang);
    case 'datetime':
      return formatDateTime(shown, lang);
    default:
      return shown;
  }
}

/** The columns as the data layer's export writers take them, headers in lang. */
export function exportColumns(columns: readonly ColumnDef[], lang: Lang): ExportColumn[] {
  return columns.map((c) => ({ key: c.key, header: translate(lang, c.label), format: exportFormat(c.format) }));
}

/** The columns a user may see: personal ones only with personal data. */
export function visibleColumns<C extends Pick<ColumnDef, 'personal'>>(columns: readonly C[], personalData: boolean): C[] {
  return columns.filter((c) => personalData || !c.personal);
}

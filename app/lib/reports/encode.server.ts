/**
 * A report's result as the API's JSON, and as CSV or XLSX through the one export encoding
 * (etl/export): the XLSX with the letterhead's name and address above the title, the period and
 * filters, group headers merged over their columns, bold subtotal rows, the grand total, frozen
 * header rows, printed landscape on A4 or F4. Coded values and headers in the request's language.
 */
import type { ExportColumn } from '../../../etl/export/cells';
import { tableCsv } from '../../../etl/export/csv';
import { tableXlsx } from '../../../etl/export/xlsx';
import type { ReportResult, ReportRow } from '../../../etl/domain/reports/shape';
import { t, type Lang } from '../../i18n';
import { filterChoices } from '../arrears/drill.server';
import { settingsStore } from '../settings.server';
import { readLetterSettings } from '../settings/letters.server';
import { codedValue, columnGroups, columnLabel, filterLine, groupLabel, periodLine, reportTitleKey, type FilterNames } from './labels';

export const REPORT_FORMATS = ['json', 'csv', 'csv-semicolon', 'xlsx'] as const;
export type ReportFileFormat = Exclude<(typeof REPORT_FORMATS)[number], 'json'>;

/** The JSON body: the result with each column's header and group header in `lang`. */
export function reportJson(result: ReportResult, lang: Lang) {
  return {
    ...result,
    columns: result.columns.map((c) => ({ ...c, label: columnLabel(c, lang), group_label: c.group ? groupLabel(c.group, lang) : null })),
  };
}

/** Rows with coded values named and the subtotal rows' first column saying so. */
export function displayRows(result: ReportResult, lang: Lang): ReportRow[] {
  const coded = result.columns.filter((c) => c.coded);
  const first = result.columns[0]?.key;
  return result.rows.map((row) => {
    const out: ReportRow = { ...row };
    for (const c of coded) out[c.key] = codedValue(row[c.key], lang);
    if (row.row_type === 'subtotal' && first) out[first] = `${t(lang, 'reports.subtotal')} ${row[first] ?? ''}`.trim();
    return out;
  });
}

/** The kecamatan and desa names for the filter line. */
export async function filterNames(): Promise<FilterNames> {
  const choices = await filterChoices();
  const names: FilterNames = {};
  for (const k of choices.kecamatan) names[`kecamatan:${k.code}`] = k.name;
  for (const d of choices.desa) names[`desa:${d.code}`] = d.name;
  return names;
}

/** The lines under a report's title: the period, then the filters. */
export async function reportDetails(result: ReportResult, lang: Lang): Promise<string[]> {
  return [periodLine(result.filters, lang), `${t(lang, 'reports.print.filters')}: ${filterLine(result.filters, lang, await filterNames())}`];
}

export interface EncodedReport {
  body: Uint8Array;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<ReportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'csv-semicolon': 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function encodeReport(result: ReportResult, format: ReportFileFormat, lang: Lang, paper: 'a4' | 'f4' = 'a4'): Promise<EncodedReport> {
  const columns: ExportColumn[] = result.columns.map((c) => ({
    key: c.key,
    // a CSV has one header row: the group goes in front of the column's own header
    header: format === 'xlsx' || !c.group ? columnLabel(c, lang) : `${groupLabel(c.group, lang)} ${columnLabel(c, lang)}`,
    format: c.format,
  }));
  const rows = displayRows(result, lang);
  const totals = Object.keys(result.totals).length > 0 ? { label: t(lang, 'table.total'), values: result.totals } : null;
  if (format !== 'xlsx') {
    const lines = totals ? [...rows, { ...totals.values, [columns[0].key]: totals.label }] : rows;
    return { body: Buffer.from(tableCsv(columns, lines, { delimiter: format === 'csv-semicolon' ? ';' : ',' }), 'utf8'), contentType: CONTENT_TYPES[format], extension: 'csv' };
  }
  const letterhead = await readLetterSettings(settingsStore());
  const body = await tableXlsx({
    heading: [letterhead.utility_name, letterhead.utility_address],
    title: t(lang, reportTitleKey(result.report)),
    details: await reportDetails(result, lang),
    columns,
    groups: columnGroups(result.columns, lang),
    rows,
    bold: (row) => (row as ReportRow).row_type === 'subtotal',
    totals,
    sheetName: result.report.toUpperCase(),
    paper,
  });
  return { body, contentType: CONTENT_TYPES.xlsx, extension: 'xlsx' };
}

/** `kaba-dsr-rekap-2024-04.xlsx` */
export function reportFileName(result: ReportResult, extension: string): string {
  const period = Object.values(result.filters).filter((v) => typeof v === 'string').slice(0, 2);
  return `${['kaba', result.report, result.view, ...period].join('-').replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;
}

/**
 * What every report (Laporan: DSR, DRD, Efektivitas, LPP, Menunggak) answers, whatever prints it: the
 * page, the print view, the XLSX and CSV downloads and `GET /api/v1/reports/<id>` all read this one
 * shape. Plain data, so the web layer can send it to the browser as it is.
 *
 *   { report: 'dsr', view: 'rekap', filters: { as_of: '2024-03', … }, columns: [...], rows: [...],
 *     totals: { amount: 330000, bills: 4 }, count: 3 }
 */
import type { ExportFormat } from '../../export/cells';

export const REPORT_VIEWS = ['detail', 'rekap'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** money: whole rupiah; percent: a ratio (0.873 = 87.3%); date `YYYY-MM-DD`; month `YYYY-MM`. */
export type ReportFormat = Extract<ExportFormat, 'money' | 'number' | 'percent' | 'date' | 'month' | 'text'>;

export interface ReportColumn {
  /** the row's field, and the JSON/CSV name */
  key: string;
  /** what the header says, a label id the web layer translates (`reports.col.<label>`); default: key */
  label?: string;
  format: ReportFormat;
  /**
   * a header over several neighbouring columns (merged in XLSX and print): `age:4-6` for an age
   * bucket (named by the aging's text), any other id translated as `reports.group.<id>`
   */
  group?: string;
  /** added up in subtotal rows and the grand total */
  summed?: boolean;
  /** recomputed on subtotal and total rows from summed columns: numerator ÷ denominator (× scale), rounded */
  ratio?: ReportRatio;
  /** personal data (names, addresses): a detail view only, and only for a scope with personal data */
  personal?: boolean;
  /** the values are codes the web layer names (`reports.value.<value>`), e.g. `opening` → "Saldo awal" */
  coded?: boolean;
}

export interface ReportRatio {
  numerator: string;
  denominator: string;
  /** decimals kept: 0 for whole rupiah, 2 for m³ per lembar, null for a percent ratio kept whole */
  decimals: number | null;
}

/** A line of the report, or a subtotal of the group above it. */
export type RowType = 'line' | 'subtotal';

export type ReportValue = string | number | null;
export type ReportRow = Record<string, ReportValue> & { row_type: RowType };

export interface ReportResult {
  /** `dsr`, `drd`, … */
  report: string;
  view: ReportView;
  /** the period and the filters as asked (absent ones null), under their URL parameter names */
  filters: Record<string, string | number | null>;
  columns: ReportColumn[];
  /** rekap: every line with the subtotal rows; detail: one page of lines */
  rows: ReportRow[];
  /** the grand totals of the whole selection (summed and ratio columns) */
  totals: Record<string, number | null>;
  /** lines (not subtotals) in the whole selection */
  count: number;
  /** detail views are paged: the page's first line (0-based) and its size; null when every line is here */
  offset: number;
  limit: number | null;
}

/**
 * A report's result as the shared DataTable's view: its columns with their headers, the rows (coded
 * values named, subtotal rows marked), the grand totals, one page of the rows, and the download
 * links, which are the report's API with the page's parameters.
 */
import type { ReportResult, ReportRow } from '../../../etl/domain/reports/shape';
import type { Lang } from '../../i18n';
import type { ColumnDef } from '../../ui/data-table/columns';
import type { TableView } from '../../ui/data-table/view';
import { displayRows } from './encode.server';
import { columnLabelKey } from './labels';

/** The page's parameters without paging and format: what the downloads and the print view take. */
export function reportSearch(search: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(search);
  for (const name of ['page', 'page_size', 'format', 'paper']) out.delete(name);
  return out;
}

export function reportTableView(result: ReportResult, lang: Lang, search: URLSearchParams, page: number, pageSize: number): TableView<ReportRow> {
  const columns: ColumnDef[] = result.columns.map((c, i) => ({
    key: c.key,
    label: columnLabelKey(c),
    format: c.format,
    total: Boolean(c.summed || c.ratio),
    rowHeader: i === 0,
    personal: c.personal,
  }));
  const params = reportSearch(search).toString();
  // A rekap comes whole (its print view and downloads list every line); the page shows it a page at a
  // time, as a detail: an LPP month at a million customers is thousands of lines, megabytes of HTML.
  const whole = result.limit === null;
  const shown = whole ? { ...result, rows: result.rows.slice((page - 1) * pageSize, page * pageSize) } : result;
  return {
    id: `report-${result.report}`,
    prefix: '',
    columns: columns as TableView<ReportRow>['columns'],
    rows: displayRows(shown, lang),
    totals: result.totals as TableView<ReportRow>['totals'],
    count: whole ? result.rows.length : result.count,
    page,
    pageSize,
    sort: null,
    exportHref: `/api/v1/reports/${result.report}${params ? `?${params}` : ''}`,
  };
}

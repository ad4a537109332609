/**
 * A report's result as the shared DataTable's view: its columns with their headers, the rows (coded
 * values named, subtotal rows marked), the grand totals, the page of a detail view, and the download
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
  return {
    id: `report-${result.report}`,
    prefix: '',
    columns: columns as TableView<ReportRow>['columns'],
    rows: displayRows(result, lang),
    totals: result.totals as TableView<ReportRow>['totals'],
    count: result.count,
    page: result.limit === null ? 1 : page,
    pageSize: result.limit === null ? Math.max(result.rows.length, 1) : pageSize,
    sort: null,
    exportHref: `/api/v1/reports/${result.report}${params ? `?${params}` : ''}`,
  };
}

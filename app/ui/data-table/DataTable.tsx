/**
 * The one data table: a loader builds its view (app/lib/tables: tableView), the page renders it.
 *
 *   <DataTable view={data.desa} label={t('kecamatan.desa')} rowKey={(r) => r.code}
 *              cell={{ name: (r, text) => <Link to={…}>{text}</Link> }} />
 *
 * Sorting and pages are links that change this table's own URL parameters (`<prefix>sort`,
 * `<prefix>page`), so they work without JavaScript and a link says what it shows; the server sorts
 * and pages, the table only ever gets one page of rows. Totals cover the whole selection. The export
 * links download the same rows, every page of them, as CSV, CSV with `;` (Excel in an Indonesian
 * locale) or XLSX.
 */
import { Link, useLocation } from '@remix-run/react';
import { headerRuns } from '../../../etl/export/header-groups';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { columnAlign, formatCell, type CellValue, type ColumnDef } from './columns';
import { nextSort, pageCount, pageNumbers, pageSearch, sortSearch } from './query';
import type { TableView } from './view';

type Key<Row> = Extract<keyof Row, string>;

export interface DataTableProps<Row extends object> {
  view: TableView<Row>;
  /** the table's accessible name (its caption, visually hidden unless showCaption) */
  label: string;
  showCaption?: boolean;
  rowKey: (row: Row) => string;
  /** a cell rendered otherwise than as its formatted text (a link, a badge); gets the formatted text */
  cell?: Partial<{ [K in Key<Row>]: (row: Row, text: string) => ReactNode }>;
  /** an extra class for some cells, e.g. a warning colour */
  cellClass?: Partial<{ [K in Key<Row>]: (row: Row) => string | undefined }>;
  /** data-* attributes of a row, for tests and scripts */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  /** shown instead of the table when the selection is empty */
  empty?: ReactNode;
  testId?: string;
  compact?: boolean;
  /** per column, a group header over it (neighbours with the same text share one cell), or null: a header row above */
  groups?: readonly (string | null)[] | null;
  /** a class for some rows, e.g. a report's subtotal rows */
  rowClass?: (row: Row) => string | undefined;
}

export function DataTable<Row extends object>(props: DataTableProps<Row>) {
  const { view, label, showCaption, rowKey, cell, cellClass, rowData, empty, testId, compact, groups, rowClass } = props;
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const pages = pageCount(view.count, view.pageSize);
  const cellOf = (row: Row, key: string) => (row as Record<string, CellValue>)[key];
  // numbers right, dates on one line
  const alignClass = (c: ColumnDef) => (columnAlign(c) === 'end' ? 'dt-num' : c.format === 'text' ? undefined : 'dt-nowrap');
  const classes = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ') || undefined;

  if (view.count === 0) {
    return (
      <div className="dt" data-table={view.id} data-testid={testId}>
        <p className="dt-empty">{empty ?? t('table.empty')}</p>
      </div>
    );
  }

  const header = (c: ColumnDef, rowSpan?: number) => {
    const text = t(c.label);
    const sorted = view.sort?.key === c.key ? view.sort.dir : null;
    const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : c.sortable ? 'none' : undefined;
    return (
      <th key={c.key} scope="col" className={alignClass(c)} aria-sort={ariaSort} data-column={c.key} rowSpan={rowSpan}>
        {c.sortable ? (
          <Link
            className="dt-sort"
            to={location.pathname + sortSearch(location.search, view.prefix, nextSort(c, view.sort))}
            preventScrollReset
            title={t('table.sortBy', { label: text })}
          >
            <span>{text}</span>
            <span className="dt-sort-mark" aria-hidden="true">
              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
            </span>
          </Link>
        ) : (
          text
        )}
      </th>
    );
  };

  const body = (row: Row) => (
    <tr key={rowKey(row)} className={rowClass?.(row)} {...rowData?.(row)}>
      {view.columns.map((c) => {
        const value = cellOf(row, c.key);
        const text = formatCell(c, value, lang);
        const render = cell?.[c.key as Key<Row>];
        const extra = cellClass?.[c.key as Key<Row>]?.(row);
        // biome-ignore lint/correctness/useJsxKeyInIterable: the cell's only child; the key is on the cell below
        const content = render ? render(row, text) : c.mono && value !== null ? <span className="dt-mono">{text}</span> : text;
        const className = classes(alignClass(c), extra);
        const numeric = typeof value === 'number' ? String(value) : undefined;
        return c.rowHeader ? (
          <th key={c.key} scope="row" className={className} data-value={numeric}>
            {content}
          </th>
        ) : (
          <td key={c.key} className={className} data-value={numeric}>
            {content}
          </td>
        );
      })}
    </tr>
  );

  const totals = view.totals;
  const from = (view.page - 1) * view.pageSize + 1;
  const to = Math.min(view.count, from + view.rows.length - 1);
  const pageLink = (page: number) => location.pathname + pageSearch(location.search, view.prefix, page);

  return (
    <div className="dt" data-table={view.id} data-testid={testId}>
      {/* The scroll box keeps the header in view (sticky); axe wants a scrollable box reachable by keyboard. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named scroll region inside the page's section, not a section of its own */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a wide or long table with it */}
      <div className="dt-scroll" role="region" aria-label={label} tabIndex={0}>
        <table className={classes('dt-table', compact && 'dt-compact')}>
          <caption className={showCaption ? 'dt-caption' : 'dt-hidden'}>{label}</caption>
          <thead>
            {groups ? (
              <GroupedHeader columns={view.columns} groups={groups} header={header} />
            ) : (
              <tr>{view.columns.map((c) => header(c))}</tr>
            )}
          </thead>
          <tbody>
            {view.rows.length === 0 ? (
              <tr>
                <td colSpan={view.columns.length} className="dt-empty">
                  {t('table.emptyPage')} <Link to={pageLink(1)}>{t('table.firstPage')}</Link>
                </td>
              </tr>
            ) : (
              view.rows.map(body)
            )}
          </tbody>
          {totals ? (
            <tfoot>
              <tr>
                {view.columns.map((c, i) => {
                  const value = (totals as Record<string, number | undefined>)[c.key];
                  if (i === 0) {
                    return (
                      <th key={c.key} scope="row">
                        {t('table.total')}
                      </th>
                    );
                  }
                  return (
                    <td key={c.key} className={alignClass(c)} data-value={value === undefined ? undefined : String(value)}>
                      {value === undefined ? '' : formatCell(c, value, lang)}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      <div className="dt-foot">
        {pages > 1 ? (
          <nav className="dt-pager" aria-label={t('table.pages', { label })}>
            <span className="dt-range">
              {t('table.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), count: formatNumber(view.count, lang) })}
            </span>
            <span className="dt-pages">
              {view.page > 1 ? (
                <Link to={pageLink(view.page - 1)} preventScrollReset rel="prev">
                  {t('table.prev')}
                </Link>
              ) : null}
              {pageNumbers(Math.min(view.page, pages), pages).map((p, i, all) =>
                p === null ? (
                  <span key={`gap-before-${all[i + 1]}`} className="dt-gap" aria-hidden="true">
                    …
                  </span>
                ) : p === view.page ? (
                  <span key={p} className="dt-current" aria-current="page">
                    {formatNumber(p, lang)}
                  </span>
                ) : (
                  <Link key={p} to={pageLink(p)} preventScrollReset aria-label={t('table.page', { page: formatNumber(p, lang) })}>
                    {formatNumber(p, lang)}
                  </Link>
                ),
              )}
              {view.page < pages ? (
                <Link to={pageLink(view.page + 1)} preventScrollReset rel="next">
                  {t('table.next')}
                </Link>
              ) : null}
            </span>
          </nav>
        ) : null}
        {view.exportHref ? <ExportLinks href={view.exportHref} label={label} /> : null}
      </div>
    </div>
  );
}

/** Two header rows: the groups over their columns, a column without a group spanning both rows. */
function GroupedHeader({ columns, groups, header }: { columns: readonly ColumnDef[]; groups: readonly (string | null)[]; header: (c: ColumnDef, rowSpan?: number) => ReactNode }) {
  const runs = headerRuns(groups, columns.length);
  return (
    <>
      <tr>
        {runs.map((run) =>
          run.text === null ? (
            header(columns[run.from], 2)
          ) : (
            <th key={`group-${columns[run.from].key}`} scope="colgroup" colSpan={run.to - run.from + 1} className="dt-group">
              {run.text}
            </th>
          ),
        )}
      </tr>
      <tr>{runs.filter((run) => run.text !== null).flatMap((run) => columns.slice(run.from, run.to + 1).map((c) => header(c)))}</tr>
    </>
  );
}

function ExportLinks({ href, label }: { href: string; label: string }) {
  const t = useT();
  const link = (format: string) => `${href}${href.includes('?') ? '&' : '?'}format=${format}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: three links under one name, not a form's fieldset
    <div className="dt-export" role="group" aria-label={t('table.export.label', { label })}>
      <span className="dt-export-label">{t('table.export')}</span>
      <a href={link('csv')} download data-format="csv">
        {t('table.export.csv')}
      </a>
      <a href={link('csv-semicolon')} download data-format="csv-semicolon" title={t('table.export.csvSemicolonTitle')}>
        {t('table.export.csvSemicolon')}
      </a>
      <a href={link('xlsx')} download data-format="xlsx">
        {t('table.export.xlsx')}
      </a>
    </div>
  );
}

/**
 * A report's rows on paper: every line, the group headers over their columns and the header row in
 * a thead that the browser repeats on each printed page, subtotal rows in bold, the grand total once
 * at the end. Cells are formatted as the DataTable formats them (one formatter).
 */
import { headerRuns } from '../../../etl/export/header-groups';
import type { ReportRow } from '../../../etl/domain/reports/shape';
import { useLang, useT } from '~/i18n';
import { columnAlign, formatCell, type ColumnDef } from '~/ui/data-table/columns';
import type { TableView } from '~/ui/data-table/view';

export function ReportSheetTable({ view, groups }: { view: TableView<ReportRow>; groups: readonly (string | null)[] | null }) {
  const t = useT();
  const lang = useLang();
  const columns = view.columns as ColumnDef[];
  const num = (c: ColumnDef) => (columnAlign(c) === 'end' ? 'num' : undefined);
  // on paper the header says Rupiah: amounts without the Rp sign, as the billing systems print them
  const cellText = (c: ColumnDef, value: ReportRow[string] | undefined) => formatCell(c.format === 'money' ? { ...c, format: 'number' } : c, value, lang);
  const runs = groups ? headerRuns(groups, columns.length) : columns.map((_, i) => ({ text: null, from: i, to: i }));
  const head = (c: ColumnDef, rowSpan?: number) => (
    <th key={c.key} scope="col" rowSpan={rowSpan}>
      {t(c.label)}
    </th>
  );
  const totals = view.totals as Record<string, number | null> | null;
  return (
    <table className="rp-table" data-testid="report-sheet">
      <thead>
        <tr>
          {runs.map((run) =>
            run.text === null ? (
              head(columns[run.from], groups ? 2 : undefined)
            ) : (
              <th key={`g-${columns[run.from].key}`} scope="colgroup" colSpan={run.to - run.from + 1}>
                {run.text}
              </th>
            ),
          )}
        </tr>
        {groups ? <tr>{runs.filter((run) => run.text !== null).flatMap((run) => columns.slice(run.from, run.to + 1).map((c) => head(c)))}</tr> : null}
      </thead>
      <tbody>
        {view.rows.map((row, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed list in report order
          <tr key={n} className={row.row_type === 'subtotal' ? 'rp-subtotal' : undefined} data-row-type={row.row_type}>
            {columns.map((c, k) =>
              k === 0 ? (
                <th key={c.key} scope="row" className={num(c)}>
                  {cellText(c, row[c.key])}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {cellText(c, row[c.key])}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {totals && Object.keys(totals).length > 0 ? (
        <tfoot>
          <tr>
            {columns.map((c, k) =>
              k === 0 ? (
                <th key={c.key} scope="row">
                  {t('table.total')}
                </th>
              ) : (
                <td key={c.key} className={num(c)}>
                  {totals[c.key] === undefined ? '' : cellText(c, totals[c.key])}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

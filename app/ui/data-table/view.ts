/** What a loader sends the DataTable: one page of rows, the whole selection's count and totals, the state in the URL. */
import type { ColumnDef } from './columns';
import type { Sort } from './query';

export type TableRow = Record<string, string | number | boolean | null>;

export interface TableView<Row extends object = TableRow> {
  id: string;
  /** the prefix of this table's URL parameters (`desa-` → `desa-sort`, `desa-page`) */
  prefix: string;
  /** the columns this user may see */
  columns: ColumnDef<Extract<keyof Row, string>>[];
  /** the rows of this page only */
  rows: Row[];
  /** sums of the totalled columns over the whole selection, not only this page; null without a total column */
  totals: Partial<Record<Extract<keyof Row, string>, number>> | null;
  /** rows in the whole selection */
  count: number;
  page: number;
  pageSize: number;
  sort: Sort | null;
  /** `/export/<id>?<the page's own parameters>`, without `format` */
  exportHref: string | null;
}

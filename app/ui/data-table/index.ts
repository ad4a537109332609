/** The data table: `<DataTable view={…} />`, its column definitions and its URL parameters. Styles: `links` → dataTableStyles. */
export { DataTable, type DataTableProps } from './DataTable';
export type { CellValue, ColumnDef, ColumnFormat } from './columns';
export type { Sort } from './query';
export type { TableView } from './view';
export { default as dataTableStyles } from './data-table.css';

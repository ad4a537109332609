/**
 * The Data page's tables: the load history (`npm run report -- files`) and the rejected rows
 * (`npm run report -- rejects`), both for the roles of the Data page. A rejected line's raw text can
 * hold a customer's name, address and phone: its column is personal, and the query only selects it
 * for users who may see personal data.
 */
import { t } from '../../i18n';
import { loadHistory, rejectsPage, type LoadedFileRow, type RejectPageRow, type RejectsPage } from '../data.server';
import { SECTION_ROLES } from '../roles';
import { rawRejectsScopeFor } from '../scope.server';
import { withWarehouse } from '../warehouse.server';
import type { ColumnDef } from '../../ui/data-table/columns';
import { BadParam, defineTable } from './define.server';
import { windowRows } from './window';

/** The largest export of a list paged in SQL (an XLSX sheet holds 1,048,576 rows). */
export const EXPORT_MAX_ROWS = 1_000_000;

export type LoadRow = Omit<LoadedFileRow, 'sha256' | 'amount_loaded'> & {
  /** null for files that carry no money (customers, areas) */
  amount_loaded: number | null;
};

const LOAD_COLUMNS: ColumnDef<keyof LoadRow>[] = [
  { key: 'file_name', label: 'data.col.file', format: 'text', sortable: true, mono: true, rowHeader: true },
  { key: 'kind', label: 'data.col.kind', format: 'text', sortable: true },
  { key: 'format', label: 'data.col.format', format: 'text', sortable: true },
  { key: 'loaded_at', label: 'data.col.loadedAt', format: 'datetime', sortable: true },
  { key: 'rows_read', label: 'data.col.read', format: 'number', sortable: true, total: true },
  { key: 'rows_loaded', label: 'data.col.loaded', format: 'number', sortable: true, total: true },
  { key: 'rows_rejected', label: 'data.col.rejected', format: 'number', sortable: true, total: true },
  { key: 'rows_replaced', label: 'data.col.replaced', format: 'number', sortable: true, total: true },
  { key: 'amount_loaded', label: 'data.col.amount', format: 'money', sortable: true, total: true },
];

export function loadRows(files: readonly LoadedFileRow[]): LoadRow[] {
  return files.map(({ sha256: _, amount_loaded, ...f }) => ({ ...f, amount_loaded: amount_loaded > 0 ? amount_loaded : null }));
}

export const loadsTable = defineTable<Record<string, never>, LoadedFileRow[], LoadRow>({
  id: 'data-loads',
  prefix: 'loads-',
  title: 'data.loads.title',
  columns: LOAD_COLUMNS,
  // newest first, with the file id as the tie-break of files loaded in the same second
  defaultSort: { key: 'loaded_at', dir: 'desc' },
  pageSize: 50,
  roles: SECTION_ROLES.data,
  input: async () => ({}),
  inputParams: () => ({}),
  load: () => withWarehouse((wh) => loadHistory(wh)),
  rows: (files, window) => windowRows([...loadRows(files)].reverse(), LOAD_COLUMNS, window),
  details: () => [],
  fileSuffix: () => [],
});

export interface RejectsInput {
  file: string | null;
}

const REJECT_COLUMNS: ColumnDef<keyof RejectPageRow>[] = [
  { key: 'file_name', label: 'data.col.file', format: 'text', mono: true },
  { key: 'line', label: 'data.col.line', format: 'number' },
  { key: 'reason', label: 'data.col.reason', format: 'text' },
  { key: 'raw', label: 'data.col.raw', format: 'text', personal: true, mono: true },
];

export const rejectsTable = defineTable<RejectsInput, RejectsPage, RejectPageRow>({
  id: 'data-rejects',
  prefix: 'rejects-',
  title: 'data.rejects.title',
  columns: REJECT_COLUMNS,
  // in the order the files were loaded and their lines read: the order of `npm run report -- rejects`
  defaultSort: null,
  pageSize: 50,
  roles: SECTION_ROLES.data,
  async input(params) {
    const file = params.get('file') || null;
    if (file !== null && file.length > 255) throw new BadParam('file', 'file must be a file name of at most 255 characters');
    return { file };
  },
  inputParams: ({ file }) => ({ file }),
  load: (ctx, { file }, window) =>
    withWarehouse((wh) => rejectsPage(wh, { file, offset: window.offset, limit: window.limit ?? EXPORT_MAX_ROWS, scope: rawRejectsScopeFor(ctx.user) })),
  // the query has cut the window already
  rows: (page) => ({ rows: page.rows, count: page.count, totals: null }),
  details: ({ file }, _, lang) => [`${t(lang, 'data.col.file')}: ${file ?? t(lang, 'data.rejects.allFiles')}`],
  fileSuffix: ({ file }) => (file ? [file] : []),
});

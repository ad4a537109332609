/**
 * A table of the dashboard, declared once and used by its page and by its export
 * (app/routes/export.$table.ts): the columns, who may see it, the parameters it reads, the named
 * query its rows come from, and how a window of rows is cut from that query's result.
 *
 *   page loader:  const q = tableQuery(def, url.searchParams)            sort and page from the URL (400 if bad)
 *                 const source = await theNamedQuery(wh, { …, offset: q.offset, limit: q.pageSize })
 *                 view = tableView(def, source, q, ctx, { bulan: month })  → <DataTable view={view} />
 *   export:       the same def.load → def.rows with every row, written by etl/export (CSV, XLSX)
 */
import { json } from '@remix-run/node';
import type { Lang, MessageKey } from '../../i18n';
import { apiHeaders } from '../http.server';
import type { Role, User } from '../roles';
import { scopeFor, type Scope } from '../scope.server';
import { visibleColumns, type ColumnDef } from '../../ui/data-table/columns';
import { parseTableQuery, sortParam, sortText, type Sort, type TableParamsSpec, type TableQuery } from '../../ui/data-table/query';
import type { TableView } from '../../ui/data-table/view';
import type { TableData, TableWindow } from './window';

export interface TableContext {
  user: User;
  /** what the named queries may return to this user (personal data, teams), built once per request */
  scope: Scope;
}

export function tableContext(user: User): TableContext {
  return { user, scope: scopeFor(user) };
}

/** A parameter of the page that is not right: the export answers 400 naming it. */
export class BadParam extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TableDefinition<Input = unknown, Source = unknown, Row extends object = object> {
  /** the name in `/export/<id>` */
  id: string;
  /** of its URL parameters: `desa-` → `desa-sort`, `desa-page` */
  prefix: string;
  /** the title of the export (its file's title row) */
  title: MessageKey;
  columns: readonly ColumnDef<Extract<keyof Row, string>>[];
  defaultSort: Sort | null;
  pageSize: number;
  /** who may see the table, on its page and as an export (the page's own roles) */
  roles: readonly Role[];
  /** reads the page's own parameters (kecamatan, month, file …); throws BadParam */
  input(params: URLSearchParams): Promise<Input>;
  /** the page's own parameters again, for the export link */
  inputParams(input: Input): Record<string, string | null>;
  /** the named query's result the rows come from (a page loader calls the same query itself) */
  load(ctx: TableContext, input: Input, window: TableWindow): Promise<Source>;
  /** one window of rows cut from the query's result */
  rows(source: Source, window: TableWindow): TableData<Row>;
  /** the filters and the as-of date, for the title rows of the XLSX */
  details(input: Input, source: Source, lang: Lang): string[];
  /** what the file name says after `kaba-<id>`, e.g. the kecamatan and the month */
  fileSuffix(input: Input): string[];
}

export function defineTable<Input, Source, Row extends object>(def: TableDefinition<Input, Source, Row>): TableDefinition<Input, Source, Row> {
  return def;
}

/** The sort and page of a table on its page; a bad value ends the request with a 400 naming it. */
export function tableQuery(def: TableParamsSpec, params: URLSearchParams): TableQuery {
  const parsed = parseTableQuery(def, params);
  if (!parsed.ok) throw json({ error: 'bad_request', param: parsed.param, message: parsed.message }, { status: 400, headers: apiHeaders() });
  return parsed.value;
}

export function pageWindow(query: TableQuery): TableWindow {
  return { sort: query.sort, offset: query.offset, limit: query.pageSize };
}

/** Keeps only the columns the user may see: personal fields never reach the browser without the right. */
function project<Row extends object>(rows: readonly Row[], columns: readonly ColumnDef[]): Row[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, (r as Record<string, unknown>)[c.key] ?? null])) as Row);
}

/** What the page's DataTable gets: one window of rows from the named query's result. */
export function tableView<Input, Source, Row extends object>(
  def: TableDefinition<Input, Source, Row>,
  source: Source,
  query: TableQuery,
  ctx: TableContext,
  input: Input,
): TableView<Row> {
  const data = def.rows(source, pageWindow(query));
  const columns = visibleColumns(def.columns, ctx.scope.personalData);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(def.inputParams(input))) if (value !== null) params.set(name, value);
  if (query.sort && (query.sort.key !== def.defaultSort?.key || query.sort.dir !== def.defaultSort?.dir)) params.set(sortParam(def.prefix), sortText(query.sort));
  const search = params.toString();
  return {
    id: def.id,
    prefix: def.prefix,
    columns,
    rows: project(data.rows, columns),
    totals: data.totals as TableView<Row>['totals'],
    count: data.count,
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
    exportHref: `/export/${def.id}${search ? `?${search}` : ''}`,
  };
}

/** `kaba-kecamatan-desa-17.02.09-2025-06.xlsx`: only characters every file system and header takes. */
export function exportFileName(id: string, suffix: readonly string[], extension: string): string {
  const stem = ['kaba', id, ...suffix].join('-').replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${stem}.${extension}`;
}

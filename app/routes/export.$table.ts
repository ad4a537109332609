/**
 * GET /export/<table>?format=csv|csv-semicolon|xlsx&<the page's own parameters>: a table of the
 * dashboard as a file, built from the same definition (columns, named query, sort) as its page, with
 * every row of the selection rather than one page. The signed-in user needs the page's roles; columns
 * of personal data are left out for roles without it. Tables: app/lib/tables/registry.server.ts.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { tableCsv } from '../../etl/export/csv';
import { tableXlsx } from '../../etl/export/xlsx';
import { t } from '~/i18n';
import { langFromRequest } from '~/i18n/lang.server';
import { requireUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';
import { BadParam, exportFileName, tableContext, tableQuery } from '~/lib/tables/define.server';
import { tableById } from '~/lib/tables/registry.server';
import { cellValue, exportColumns, visibleColumns } from '~/ui/data-table/columns';

const EXPORT_FORMATS = ['csv', 'csv-semicolon', 'xlsx'] as const;
type ExportFileFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  'csv-semicolon': 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function badRequest(param: string, message: string): Response {
  return json({ error: 'bad_request', param, message }, { status: 400, headers: apiHeaders() });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const def = tableById(params.table ?? '');
  if (!def) {
    await requireUser(request);
    return json({ error: 'not_found', message: `there is no table ${params.table ?? ''}` }, { status: 404, headers: apiHeaders() });
  }
  const user = await requireUser(request, { roles: def.roles });
  const search = new URL(request.url).searchParams;
  const format = search.get('format') ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return badRequest('format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const { sort } = tableQuery(def, search);
  const ctx = tableContext(user);
  const lang = await langFromRequest(request);
  const window = { sort, offset: 0, limit: null };
  let input: unknown;
  let source: unknown;
  try {
    input = await def.input(search);
    source = await def.load(ctx, input, window);
  } catch (error) {
    if (error instanceof BadParam) return badRequest(error.param, error.message);
    throw error;
  }
  const data = def.rows(source, window);
  const columns = visibleColumns(def.columns, ctx.scope.personalData);
  const rows = data.rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, cellValue(c, (row as Record<string, never>)[c.key], lang)])));
  const headerColumns = exportColumns(columns, lang);

  const fileFormat = format as ExportFileFormat;
  const extension = fileFormat === 'xlsx' ? 'xlsx' : 'csv';
  const body =
    fileFormat === 'xlsx'
      ? await tableXlsx({
          title: t(lang, def.title),
          details: def.details(input, source, lang),
          columns: headerColumns,
          rows,
          totals: data.totals ? { label: t(lang, 'table.total'), values: data.totals } : null,
        })
      : Buffer.from(tableCsv(headerColumns, rows, { delimiter: fileFormat === 'csv-semicolon' ? ';' : ',' }), 'utf8');
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: apiHeaders({
      'Content-Type': CONTENT_TYPES[fileFormat],
      'Content-Disposition': `attachment; filename="${exportFileName(def.id, def.fileSuffix(input), extension)}"`,
    }),
  });
}

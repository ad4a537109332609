/**
 * GET /api/v1/reports/<id>?<period>&view=detail|rekap&<filters>&format=json|csv|csv-semicolon|xlsx
 * [&page=&page_size=]: a report (Laporan) as JSON `{report, filters, columns, rows, totals, …}` or as a
 * file with every line. A detail with personal data: 403 for roles without it. Documentation: app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { langFromRequest } from '~/i18n/lang.server';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { teamAllowed } from '~/lib/collections/access.server';
import { apiHeaders } from '~/lib/http.server';
import { encodeReport, REPORT_FORMATS, reportFileName, reportJson, type ReportFileFormat } from '~/lib/reports/encode.server';
import { reportRequest, runReport } from '~/lib/reports/run.server';
import { reportPaper, reportWindow } from '~/lib/reports/window.server';
import { SECTION_ROLES } from '~/lib/roles';
import { scopeFor } from '~/lib/scope.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, { roles: SECTION_ROLES.reports });
  const search = new URL(request.url).searchParams;
  const format = search.get('format') || 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return json({ error: 'bad_request', param: 'format', message: `format: must be one of ${REPORT_FORMATS.join(', ')}` }, { status: 400, headers: apiHeaders() });
  }
  const req = await reportRequest(params.report ?? '', search);
  // as GET /api/v1/collections: another team's figures are a 403 in the API (an empty page on the page)
  const team = req.params.filters.team ?? null;
  if (!teamAllowed(scopeFor(user), team)) return json({ error: 'forbidden', message: `team ${team} is not one of your teams` }, { status: 403, headers: apiHeaders() });
  const lang = await langFromRequest(request);
  const paper = reportPaper(search);
  const { window } = reportWindow(search);
  const result = await runReport(req, user, format === 'json' ? window : null);
  if (format === 'json') return json(reportJson(result, lang), { headers: apiHeaders() });
  const file = await encodeReport(result, format as ReportFileFormat, lang, paper);
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: apiHeaders({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${reportFileName(result, file.extension)}"` }),
  });
}

export const action = readOnlyApiAction;

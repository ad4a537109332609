/**
 * A report for one request, the same for its page, print view, downloads and API: the report's
 * declaration (etl/queries/reports), its parameters checked (a 400 naming the wrong one), the named
 * queries run on the warehouse with the user's scope (a detail with personal data for a role without
 * it: 403), cached per warehouse file.
 */
import { json } from '@remix-run/node';
import type { ReportResult } from '../../../etl/domain/reports/shape';
import { reportById } from '../../../etl/queries/reports';
import { parseReportParams, type ParsedReportParams } from '../../../etl/queries/reports/params';
import type { ReportDefinition } from '../../../etl/queries/reports/report';
import { apiHeaders } from '../http.server';
import type { User } from '../roles';
import { scopeFor, withinScope } from '../scope.server';
import { readSettings } from '../settings.server';
import { warehouseFreshness, withScopedCache } from '../warehouse.server';

export interface ReportRequest {
  def: ReportDefinition;
  params: ParsedReportParams;
  /** the warehouse's months, newest last (the filter form's choices) */
  months: string[];
}

function refuse(status: 400 | 404, body: Record<string, string>): never {
  throw json(body, { status, headers: apiHeaders() });
}

/** The report `id` and its parameters in `search`; throws a 404 or 400 response. */
export async function reportRequest(id: string, search: URLSearchParams): Promise<ReportRequest> {
  const def = reportById(id);
  if (!def) refuse(404, { error: 'not_found', message: `there is no report ${id}` });
  const freshness = await warehouseFreshness();
  const parsed = parseReportParams(def, search, freshness.months, freshness.lastCompleteMonth);
  if (!parsed.ok) refuse(400, { error: 'bad_request', param: parsed.param, message: parsed.message });
  return { def, params: parsed.value, months: freshness.months };
}

/** The page or number of lines: a detail page, or every line (null) for downloads and print. */
export type ReportWindow = { offset: number; limit: number } | null;

/** The report's result for this user; a ScopeRefusedError becomes a 403. */
export async function runReport(request: ReportRequest, user: User, window: ReportWindow): Promise<ReportResult> {
  const { def, params } = request;
  const settings = await readSettings();
  const scope = scopeFor(user);
  if (params.view === 'detail' && def.detailIsPersonal && !scope.personalData) {
    throw json({ error: 'forbidden', message: 'view=detail lists customers (personal data), which this user may not see; view=rekap is open' }, { status: 403, headers: apiHeaders() });
  }
  // the settings are part of the query (and its cache key): a change shows at once
  const query = { ...params, window: params.view === 'detail' ? window : null, settings: { teamAreas: settings.team_areas?.areas ?? null } };
  return withinScope(() => withScopedCache(`report:${def.id}`, query, scope, (wh) => def.run(wh, query, scope)));
}

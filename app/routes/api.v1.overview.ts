/**
 * GET /api/v1/overview?as_of=YYYY-MM[&format=json|csv]: every figure of the overview page for one
 * as-of month (default: the last complete month), as JSON, or as CSV with `format=csv` or
 * `Accept: text/csv`. Field by field documentation: app/API.md. Signed-in session or
 * `Authorization: Bearer <token>` (npm run user -- token NAME); every role may read it (aggregates only).
 *
 * total_arrears, customers_in_arrears and by_kecamatan equal
 * `npm run report -- arrears --as-of <month end> --format json` (the same query function), movement
 * equals `npm run report -- movement --month <as_of>`.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { csv } from '../../etl/report/output';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';
import { overviewCsvRows } from '~/lib/overview/csv.server';
import { loadOverview } from '~/lib/overview/figures.server';
import { warehouseFreshness } from '~/lib/warehouse.server';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? (/\btext\/csv\b/.test(request.headers.get('Accept') ?? '') ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') {
    return json({ error: 'bad_request', message: 'format must be json or csv' }, { status: 400, headers: apiHeaders() });
  }
  const freshness = await warehouseFreshness();
  const requested = params.get('as_of');
  if (requested !== null && !PERIOD.test(requested)) {
    return json({ error: 'bad_request', message: 'as_of must be a month YYYY-MM' }, { status: 400, headers: apiHeaders() });
  }
  const month = requested ?? freshness.lastCompleteMonth;
  if (month === null || !freshness.months.includes(month)) {
    return json(
      {
        error: 'unknown_month',
        message: month ? `the warehouse has no figures for ${month}` : 'the warehouse has no months with figures yet',
        first_month: freshness.months[0] ?? null,
        last_month: freshness.months.at(-1) ?? null,
      },
      { status: 404, headers: apiHeaders() }
    );
  }
  const overview = await loadOverview(month);

  if (format === 'csv') {
    return new Response(csv(overviewCsvRows(overview)), {
      headers: apiHeaders({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="kaba-overview-${month}.csv"`,
      }),
    });
  }
  return json(overview, { headers: apiHeaders() });
}

export const action = readOnlyApiAction;

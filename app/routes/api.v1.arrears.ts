/**
 * GET /api/v1/arrears?as_of=YYYY-MM&level=kecamatan|desa|customer[&kecamatan=&desa=&tariff_class=
 * &status=&age=&min_amount=][&sort=&page=&page_size=][&format=json|csv|xlsx|parquet|arrow]: the arrears
 * drill-down's figures (app/lib/arrears/api.server.ts). Every role reads the area levels; the customer
 * level is personal data (403 without it). Documentation: app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { arrearsApiBody, encodeArrearsRows, parseArrearsApiQuery } from '~/lib/arrears/api.server';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';
import { scopeFor, withinScope } from '~/lib/scope.server';
import { warehouseFreshness, withScopedCache } from '~/lib/warehouse.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const freshness = await warehouseFreshness();
  const parsed = parseArrearsApiQuery(new URL(request.url).searchParams, freshness.months, freshness.lastCompleteMonth);
  if (!parsed.ok) return json({ error: 'bad_request', param: parsed.param, message: parsed.message }, { status: 400, headers: apiHeaders() });
  const { query } = parsed;
  const scope = scopeFor(user);
  if (query.level === 'customer' && !scope.personalData) {
    return json({ error: 'forbidden', message: 'level=customer holds personal data, which this user may not see' }, { status: 403, headers: apiHeaders() });
  }
  // the body is the same for every format: one query for JSON, CSV, XLSX, Parquet and Arrow alike
  const { format: _format, ...shape } = query;
  const body = await withinScope(() => withScopedCache('api:arrears', shape, scope, (wh) => arrearsApiBody(wh, query, scope)));
  if (query.format === 'json') return json(body, { headers: apiHeaders() });
  const file = await encodeArrearsRows(query.format, body);
  const name = `kaba-arrears-${query.level}-${query.month}.${file.extension}`;
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: apiHeaders({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${name}"` }),
  });
}

export const action = readOnlyApiAction;

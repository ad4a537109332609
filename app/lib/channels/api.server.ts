/** JSON or CSV (`format=csv` or `Accept: text/csv`) for the channel API endpoints. */
import { json } from '@remix-run/node';
import { csv } from '../../../etl/report/output';
import { apiHeaders } from '../http.server';
import { BadParam } from '../tables/define.server';

export type ApiFormat = 'json' | 'csv';

export function apiFormat(request: Request): ApiFormat {
  const params = new URL(request.url).searchParams;
  const format = params.get('format') ?? (/\btext\/csv\b/.test(request.headers.get('Accept') ?? '') ? 'csv' : 'json');
  if (format !== 'json' && format !== 'csv') throw new BadParam('format', 'format must be json or csv');
  return format;
}

/** The body as JSON, or its flat rows as CSV named `kaba-<name>.csv`. */
export function apiAnswer(format: ApiFormat, body: unknown, rows: readonly object[], name: string): Response {
  if (format === 'json') return json(body, { headers: apiHeaders() });
  return new Response(csv(rows), {
    headers: apiHeaders({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kaba-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv"`,
    }),
  });
}

/** Unknown API paths: 401 without credentials (like every API path), 404 JSON with them. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { requireApiUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';

async function notFound({ request }: LoaderFunctionArgs) {
  await requireApiUser(request);
  return json({ error: 'not_found', message: `no API endpoint ${new URL(request.url).pathname}` }, { status: 404, headers: apiHeaders() });
}

export const loader = notFound;
export const action = notFound;

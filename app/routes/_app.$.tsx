/** Any other path: sign-in first (an anonymous visitor learns nothing about which pages exist), then 404. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw json({ error: 'not_found' }, { status: 404, headers: apiHeaders() });
}

export default function NotFound() {
  return null;
}

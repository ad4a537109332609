/** Sign-out: POST only (with the CSRF token); a GET just goes home. */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { getUser, requireCsrf, signOut } from '~/lib/auth.server';
import { apiHeaders, readForm } from '~/lib/http.server';

export async function loader() {
  return redirect('/', { headers: apiHeaders() });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  // A session that already ended has nothing to protect: just go to the sign-in page.
  if (await getUser(request)) await requireCsrf(request, form);
  const headers = apiHeaders({ 'Set-Cookie': await signOut(request) });
  return redirect('/login?signedOut=1', { headers });
}

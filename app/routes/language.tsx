/** Remembers the language choice (a POST from the language switch) and goes back to the page. */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLang } from '~/i18n';
import { langCookie } from '~/i18n/lang.server';
import { csrfValid, safeRedirect } from '~/lib/auth.server';
import { apiHeaders, readForm } from '~/lib/http.server';

export async function loader() {
  return redirect('/', { headers: apiHeaders() });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const back = safeRedirect(form.get('redirectTo'));
  const lang = form.get('lang');
  // A form from elsewhere, or a language we do not have, changes nothing.
  if (!isLang(lang) || !(await csrfValid(request, form))) return redirect(back, { headers: apiHeaders() });
  return redirect(back, { headers: apiHeaders({ 'Set-Cookie': await langCookie.serialize(lang) }) });
}

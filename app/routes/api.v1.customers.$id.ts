/**
 * GET /api/v1/customers/{customer_id}?as_of=YYYY-MM: one customer's ledger as of the month end (see
 * app/API.md). 404 for an unknown customer; 403 for a role without personal data; 400 naming a bad
 * parameter.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders, clientError } from '~/lib/http.server';
import { apiAsOfMonth, CUSTOMER_ID } from '~/lib/ledger/api-params.server';
import { ledgerView } from '~/lib/ledger/ledger.server';
import { canSeePersonalData } from '~/lib/roles';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  if (!canSeePersonalData(user)) return clientError(403, 'forbidden', 'a customer ledger holds personal data, which this user may not see');
  const id = params.id ?? '';
  if (!CUSTOMER_ID.test(id)) return clientError(400, 'bad_request', `customer_id: not a customer id (${id.slice(0, 40)})`);
  const month = await apiAsOfMonth(new URL(request.url).searchParams);
  const view = await ledgerView(id, month, user);
  if (!view) return json({ error: 'not_found', message: `there is no customer ${id}` }, { status: 404, headers: apiHeaders() });
  return json(
    {
      customer: view.customer,
      arrears: view.arrears,
      credit: view.credit,
      lines: view.lines,
      visits: view.visits,
      letters: view.letters,
    },
    { headers: apiHeaders() },
  );
}

export const action = readOnlyApiAction;

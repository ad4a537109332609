/**
 * GET /api/v1/loads?file=NAME&offset=0&limit=100: the load history and the rejected rows (the Data
 * page's figures, `npm run report -- files` / `rejects`). Every role may read it; the rejected lines'
 * raw text (which can hold names, addresses, phones) only comes back for the roles of the Data page
 * (canSeeRawRejects: directors, admins), otherwise `raw` is null and `personal_data_hidden` is true.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { intParam, loadHistory, rejectsPage } from '~/lib/data.server';
import { apiHeaders } from '~/lib/http.server';
import { rawRejectsScopeFor } from '~/lib/scope.server';
import { withWarehouse } from '~/lib/warehouse.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const file = params.get('file') || null;
  const offset = intParam(params.get('offset'), 0, Number.MAX_SAFE_INTEGER);
  const limit = intParam(params.get('limit'), 100, 1000);
  const body = await withWarehouse(async (wh) => ({
    files: await loadHistory(wh),
    rejects: await rejectsPage(wh, { file, offset, limit, scope: rawRejectsScopeFor(user) }),
  }));
  return json(body, { headers: apiHeaders() });
}

export const action = readOnlyApiAction;

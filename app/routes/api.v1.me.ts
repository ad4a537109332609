/**
 * GET /api/v1/me: who the token or session belongs to.
 *   curl -H "Authorization: Bearer $KABA_TOKEN" http://localhost:3000/api/v1/me
 *   → { "name": "sari", "role": "supervisor", "teams": ["T01"], "can_see_personal_data": true }
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { canSeePersonalData, readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders } from '~/lib/http.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  return json({ ...user, can_see_personal_data: canSeePersonalData(user) }, { headers: apiHeaders() });
}

export const action = readOnlyApiAction;

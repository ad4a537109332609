/**
 * GET /api/v1/routes?team=T&date=YYYY-MM-DD (both optional): the saved route plans of the teams in the
 * caller's scope, newest first, each with its collectors' routes and stops. Field by field: app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { parseDate } from '../../etl/domain/period';
import { planJson } from '../../etl/route/plan-output';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { collectionsScope, teamAllowed } from '~/lib/collections/access.server';
import { savedPlan, savedPlans } from '~/lib/collections/plans.server';
import { apiHeaders, clientError } from '~/lib/http.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const scope = collectionsScope(user);
  if (!scope) return clientError(403, 'forbidden', 'route plans are not available to this role');
  const params = new URL(request.url).searchParams;
  const team = params.get('team')?.trim() || null;
  const date = params.get('date')?.trim() || null;
  if (team !== null && !/^[A-Za-z0-9._-]{1,32}$/.test(team)) return clientError(400, 'bad_request', 'team must be a team_id');
  if (date !== null && !parseDate(date).ok) return clientError(400, 'bad_request', 'date must be a date YYYY-MM-DD');
  if (!teamAllowed(scope, team)) return clientError(403, 'forbidden', `team ${team} is not one of your teams`);
  const summaries = await savedPlans(scope, { team, date });
  const plans = [];
  for (const s of summaries) {
    const saved = await savedPlan(scope, s.plan_id);
    if (saved) plans.push({ plan_id: s.plan_id, saved_by: s.saved_by, saved_at: s.saved_at, ...planJson(saved.plan) });
  }
  return json({ team, date, plans }, { headers: apiHeaders() });
}

export const action = readOnlyApiAction;

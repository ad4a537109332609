/**
 * GET /api/v1/collections?from=YYYY-MM&to=YYYY-MM[&team=T]: per collector of the teams in the caller's
 * scope, the figures of CONTRACT §4 Collections (rates as fractions 0–1). A supervisor asking for a
 * team not theirs, or a manager: 403. Field by field: app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { collectionsPerformance } from '../../etl/queries/collections';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { collectionsScope, periodParams, teamAllowed } from '~/lib/collections/access.server';
import { apiHeaders, clientError } from '~/lib/http.server';
import { BadParam } from '~/lib/tables/define.server';
import { withScopedCache } from '~/lib/warehouse.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const scope = collectionsScope(user);
  if (!scope) return clientError(403, 'forbidden', 'collector figures are not available to this role');
  let input: Awaited<ReturnType<typeof periodParams>>;
  try {
    input = await periodParams(new URL(request.url).searchParams, { defaults: false });
  } catch (error) {
    if (error instanceof BadParam) return json({ error: 'bad_request', param: error.param, message: error.message }, { status: 400, headers: apiHeaders() });
    throw error;
  }
  if (!teamAllowed(scope, input.team)) return clientError(403, 'forbidden', `team ${input.team} is not one of your teams`);
  const rows = await withScopedCache('collections:collector', input, scope, (wh) => collectionsPerformance(wh, { ...input, scope, by: 'collector' }));
  return json(
    {
      from: input.from,
      to: input.to,
      rows: rows.map((r) => ({
        team_id: r.team_id,
        collector_id: r.collector_id,
        collector_name: r.collector_name,
        visits: r.visits,
        customers: r.customers,
        contacts: r.contacts,
        contact_rate: r.contact_rate,
        promises: r.promises,
        promises_kept: r.promises_kept,
        collected_at_visit: r.collected_at_visit,
        attributed_14d: r.attributed_14d,
      })),
    },
    { headers: apiHeaders() },
  );
}

export const action = readOnlyApiAction;

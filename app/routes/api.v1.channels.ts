/**
 * GET /api/v1/channels?from=YYYY-MM&to=YYYY-MM[&format=csv]: the channel comparison of the period
 * (CONTRACT §4, Channels; fields in app/API.md). Totals equal `npm run report -- channels`.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiAnswer, apiFormat } from '~/lib/channels/api.server';
import { loadComparison, periodParams, readParams } from '~/lib/channels/figures.server';
import { SECTION_ROLES } from '~/lib/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request, { roles: SECTION_ROLES.channels });
  const { format, period } = await readParams(async () => ({ format: apiFormat(request), period: await periodParams(new URL(request.url).searchParams) }));
  const r = await loadComparison(period);
  const rows = r.rows.map(({ share: _s, average_ticket: _a, exceptions: _e, trend: _t, ...row }) => row);
  return apiAnswer(format, { ...r, rows }, rows, `channels-${period.from}-${period.to}`);
}

export const action = readOnlyApiAction;

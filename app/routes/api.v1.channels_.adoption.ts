/**
 * GET /api/v1/channels/adoption?from=YYYY-MM&to=YYYY-MM[&kecamatan=17.02.KK][&format=csv]: the monthly
 * series by channel and category, the online-share heatmap cells, the cohorts and the migration
 * matrix (app/API.md). CSV: the series by channel.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiAnswer, apiFormat } from '~/lib/channels/api.server';
import { kecamatanParam, loadAdoption, periodParams, readParams } from '~/lib/channels/figures.server';
import { SECTION_ROLES } from '~/lib/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request, { roles: SECTION_ROLES.channels });
  const params = new URL(request.url).searchParams;
  const { format, period, kecamatan } = await readParams(async () => ({ format: apiFormat(request), period: await periodParams(params), kecamatan: kecamatanParam(params) }));
  const r = await loadAdoption({ ...period, kecamatan });
  return apiAnswer(format, r, r.by_channel, `channel-adoption-${period.from}-${period.to}`);
}

export const action = readOnlyApiAction;

/**
 * GET /api/v1/channels/launch?channel=CODE&months=6[&format=csv]: a channel's launch impact, the N
 * months before vs after its launch (app/API.md). 404 for an unknown channel. CSV: per kecamatan.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiAnswer, apiFormat } from '~/lib/channels/api.server';
import { launchParams, loadLaunch, readParams } from '~/lib/channels/figures.server';
import { apiHeaders } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiUser(request, { roles: SECTION_ROLES.channels });
  const { format, input } = await readParams(() => ({ format: apiFormat(request), input: launchParams(new URL(request.url).searchParams, null) }));
  const r = await loadLaunch(input);
  if (!r) return json({ error: 'unknown_channel', param: 'channel', message: `there is no channel ${input.channel}` }, { status: 404, headers: apiHeaders() });
  const rows = r.by_kecamatan.map((k) => ({
    kecamatan_code: k.kecamatan_code,
    kecamatan_name: k.kecamatan_name,
    ...Object.fromEntries(Object.entries(k.before).map(([key, v]) => [`before_${key}`, v])),
    ...Object.fromEntries(Object.entries(k.after).map(([key, v]) => [`after_${key}`, v])),
  }));
  return apiAnswer(format, r, rows, `channel-launch-${input.channel}-${input.months}`);
}

export const action = readOnlyApiAction;

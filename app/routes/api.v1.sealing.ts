/**
 * GET /api/v1/sealing?as_of=YYYY-MM with the arrears filters (kecamatan, desa, tariff_class, status,
 * age, min_amount): the active connections that meet the sealing policy (settings), grouped by
 * kecamatan and desa in their order. Personal data: 403 without it. See app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { monthEnd } from '../../etl/domain/period';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders, clientError } from '~/lib/http.server';
import { apiAsOfMonth, apiFilters } from '~/lib/ledger/api-params.server';
import { canSeePersonalData } from '~/lib/roles';
import { scopeFor } from '~/lib/scope.server';
import { readLetterSettings } from '~/lib/settings/letters.server';
import { settingsStore } from '~/lib/settings.server';
import { loadSealing } from '~/lib/tables/sealing.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  if (!canSeePersonalData(user)) return clientError(403, 'forbidden', 'the sealing candidates hold personal data, which this user may not see');
  const params = new URL(request.url).searchParams;
  const month = await apiAsOfMonth(params);
  const filters = apiFilters(params);
  const policy = (await readLetterSettings(settingsStore())).sealing;
  const rows = await loadSealing({ month, filters, policy }, scopeFor(user));
  return json(
    {
      as_of: monthEnd(month),
      policy,
      filters,
      total_arrears: rows.reduce((s, r) => s + r.arrears, 0),
      customers: rows.length,
      rows: rows.map((r) => ({
        customer_id: r.customer_id, name: r.name, address: r.address, phone: r.phone, kecamatan_code: r.kecamatan_code, kecamatan_name: r.kecamatan_name,
        desa_code: r.desa_code, desa_name: r.desa_name, tariff_class: r.tariff_class, status: r.status, arrears: r.arrears, bills: r.bills,
        oldest_months: r.oldest_months, periods: r.periods,
      })),
    },
    { headers: apiHeaders() },
  );
}

export const action = readOnlyApiAction;

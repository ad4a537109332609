/**
 * GET /api/v1/reconciliation?month=YYYY-MM[&format=csv]: per channel received = applied + credit +
 * duplicate + unmatched (refunded apart), the month's exceptions with file, line and reason, and the
 * collectors' cash differences (app/API.md). Customer ids only for roles with personal data.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiAnswer, apiFormat } from '~/lib/channels/api.server';
import { loadReconciliation, monthParam, readParams } from '~/lib/channels/figures.server';
import { SECTION_ROLES } from '~/lib/roles';
import { scopeFor } from '~/lib/scope.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, { roles: SECTION_ROLES.channels });
  const { format, month } = await readParams(async () => ({ format: apiFormat(request), month: await monthParam(new URL(request.url).searchParams) }));
  const r = await loadReconciliation(month, scopeFor(user));
  return apiAnswer(format, r, r.rows, `reconciliation-${month}`);
}

export const action = readOnlyApiAction;

/**
 * GET /api/v1/letters?kind=&area=&from=YYYY-MM-DD&to=YYYY-MM-DD: the issued letters, newest first, with
 * the customers and amounts each listed and their follow-up. Without personal data the customers'
 * names and addresses (and a customer letter's addressee) are left out. See app/API.md.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyApiAction, requireApiUser } from '~/lib/auth.server';
import { apiHeaders, clientError } from '~/lib/http.server';
import { apiDate } from '~/lib/ledger/api-params.server';
import { isLetterKind, LETTER_KINDS } from '~/lib/letters/compose';
import { lettersWithFollowUp } from '~/lib/letters/letters.server';
import { scopeFor } from '~/lib/scope.server';

const AREA = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const params = new URL(request.url).searchParams;
  const kind = params.get('kind')?.trim() || null;
  if (kind !== null && !isLetterKind(kind)) return clientError(400, 'bad_request', `kind: must be one of ${LETTER_KINDS.join(', ')} (${kind.slice(0, 40)})`);
  const area = params.get('area')?.trim() || null;
  if (area !== null && !AREA.test(area)) return clientError(400, 'bad_request', `area: not a kecamatan or desa code (${area.slice(0, 40)})`);
  const from = apiDate(params, 'from');
  const to = apiDate(params, 'to');
  if (from && to && from > to) return clientError(400, 'bad_request', 'to: must not be before from');
  const letters = await lettersWithFollowUp({ kind, area, from, to }, scopeFor(user), 1000);
  return json({ filters: { kind, area, from, to }, count: letters.length, letters }, { headers: apiHeaders() });
}

export const action = readOnlyApiAction;

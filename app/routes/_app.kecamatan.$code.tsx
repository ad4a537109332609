/**
 * The old kecamatan page: it moved into the arrears drill-down (/arrears/<kecamatan>). A permanent
 * redirect keeps every link and bookmark working, with its month and the rest of its query string.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { arrearsPath } from '~/lib/arrears/paths';
import { requireUser } from '~/lib/auth.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(arrearsPath({ kecamatan: params.code ?? '' }, new URL(request.url).search), 301);
}

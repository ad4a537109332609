/**
 * `/reports/monthly?bulan=YYYY-MM`, the directors' monthly report's place among the Laporan: it is a
 * print document outside the app's layout, `/print/monthly`, with the same month.
 */
import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { AS_OF_PARAM } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const month = new URL(request.url).searchParams.get(AS_OF_PARAM);
  return redirect(month ? `/print/monthly?${new URLSearchParams({ [AS_OF_PARAM]: month })}` : '/print/monthly');
}

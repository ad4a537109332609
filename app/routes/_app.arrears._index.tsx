/**
 * Tunggakan, kecamatan level: every kecamatan's arrears at the as-of month end, stacked by age, with
 * the filters of the URL (`?bulan=&tariff_class=&status=&age=&min_amount=`). A kecamatan or desa chosen
 * in the filter bar moves into the path (/arrears/<kecamatan>[/<desa>]).
 */
import { json, redirect, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useT } from '~/i18n';
import { areaLevelPage } from '~/lib/arrears/levels.server';
import { areaRedirect, arrearsPath } from '~/lib/arrears/paths';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { AreaLevel } from '~/ui/arrears/area-level';
import arrearsStyles from '~/ui/arrears/arrears.css';
import { dataTableStyles } from '~/ui/data-table';
import { titled } from '~/ui/meta';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: arrearsStyles },
];

export const meta = titled('arrears.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.arrears });
  const moved = areaRedirect(new URL(request.url).searchParams);
  if (moved) throw redirect(moved);
  return json(await areaLevelPage(request, user, 'kecamatan', {}), { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function ArrearsKecamatanPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  return <AreaLevel data={data} title={t('arrears.title')} href={(code) => arrearsPath({ kecamatan: code }, data.search)} />;
}

/** Penagihan: the section's layout, its sub-navigation over performance (index) and the route planner (routes). */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { SECTION_ROLES } from '~/lib/roles';
import collectionsStyles from '~/ui/collections/collections.css';
import { CollectionsSubNav } from '~/ui/collections/sub-nav';
import { dataTableStyles } from '~/ui/data-table';
import { titled } from '~/ui/meta';
import overviewStyles from '~/ui/overview.css';

export const meta = titled('nav.collections');

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: overviewStyles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: collectionsStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.collections });
  return json({});
}

export default function CollectionsLayout() {
  return (
    <div className="ov">
      <CollectionsSubNav />
      <Outlet />
    </div>
  );
}

/** Collections: comes in a later release (issue 3 builds the app and the overview only). */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/lib/auth.server';
import { SECTION_ROLES } from '~/lib/roles';
import { titled } from '~/ui/meta';
import { PlaceholderPage } from '~/ui/placeholder-page';

export const meta = titled('nav.collections');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.collections });
  return json({});
}

export default function CollectionsPage() {
  return <PlaceholderPage title="nav.collections" about="placeholder.collections" />;
}

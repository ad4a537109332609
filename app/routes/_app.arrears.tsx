/** The Tunggakan section: every page under /arrears needs one of the section's roles. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { SECTION_ROLES } from '~/lib/roles';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.arrears });
  return json({});
}

export default function ArrearsSection() {
  return <Outlet />;
}

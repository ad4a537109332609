/** Kanal Pembayaran: the managers' section (adoption, comparison, launch impact, reconciliation) under one sub-navigation. */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { SECTION_ROLES } from '~/lib/roles';
import { ChannelsNav } from '~/ui/channels/nav';
import channelStyles from '~/ui/channels/channels.css';
import { dataTableStyles } from '~/ui/data-table';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: channelStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.channels });
  return json({});
}

export default function ChannelsSection() {
  return (
    <div className="ov">
      <ChannelsNav />
      <Outlet />
    </div>
  );
}

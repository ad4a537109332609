/** Laporan: the reports Kaba prints, each with its title and what it shows, and the directors' monthly report. */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { REPORTS } from '../../etl/queries/reports';
import { useT } from '~/i18n';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { reportDescriptionKey, reportTitleKey } from '~/lib/reports/labels';
import { SECTION_ROLES } from '~/lib/roles';
import { titled } from '~/ui/meta';
import styles from '~/ui/reports/reports.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta = titled('reports.title');

/** The directors' monthly report lives at /reports/monthly (its own page). */
const MONTHLY = 'monthly';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.reports });
  return json({ reports: [...Object.keys(REPORTS), MONTHLY] }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function ReportsIndex() {
  const { reports } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('reports.title')}</h1>
        <p className="muted">{t('reports.intro')}</p>
      </header>
      <ul className="rp-list">
        {reports.map((id) => (
          <li key={id} className="panel rp-card" data-report={id}>
            <h2>
              <Link to={`/reports/${id}`}>{t(reportTitleKey(id))}</Link>
            </h2>
            <p className="muted">{t(reportDescriptionKey(id))}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

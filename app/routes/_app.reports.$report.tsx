/**
 * One report (`/reports/dsr?as_of=2024-04&view=rekap&kecamatan=…`): the filter form, the rekap/detail
 * switch, the rows in the shared DataTable (a detail view paged on the server), the downloads (the
 * report's API as CSV/XLSX) and the print view on A4 or F4. The directors' monthly report has its own
 * page at /reports/monthly.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useT } from '~/i18n';
import { titled } from '~/ui/meta';
import { langFromRequest } from '~/i18n/lang.server';
import { filterChoices } from '~/lib/arrears/drill.server';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { reportDetails } from '~/lib/reports/encode.server';
import { columnGroups, reportTitleKey } from '~/lib/reports/labels';
import { reportRequest, runReport } from '~/lib/reports/run.server';
import { reportSearch, reportTableView } from '~/lib/reports/table.server';
import { reportWindow } from '~/lib/reports/window.server';
import { canSeePersonalData, SECTION_ROLES } from '~/lib/roles';
import arrearsStyles from '~/ui/arrears/arrears.css';
import { DataTable, dataTableStyles } from '~/ui/data-table';
import { ReportFilterForm } from '~/ui/reports/filter-form';
import styles from '~/ui/reports/reports.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: arrearsStyles },
  { rel: 'stylesheet', href: styles },
];

export const meta = titled<typeof loader>((data) => (data ? reportTitleKey(data.id) : 'reports.title'));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.reports });
  const search = new URL(request.url).searchParams;
  const req = await reportRequest(params.report ?? '', search);
  const lang = await langFromRequest(request);
  const { page, pageSize, window } = reportWindow(search);
  const [result, choices] = await Promise.all([runReport(req, user, window), filterChoices()]);
  const { def } = req;
  const printSearch = reportSearch(search);
  if (!printSearch.has('view')) printSearch.set('view', result.view);
  return json(
    {
      id: def.id,
      period: def.period,
      accepted: def.filters,
      groupings: def.groupings,
      canDetail: !def.detailIsPersonal || canSeePersonalData(user),
      view: result.view,
      filters: result.filters,
      details: await reportDetails(result, lang),
      months: req.months,
      choices,
      groups: columnGroups(result.columns, lang),
      table: reportTableView(result, lang, search, page, pageSize),
      print: printSearch.toString(),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const title = t(reportTitleKey(data.id));
  const viewLink = (view: string) => {
    const p = new URLSearchParams(data.print);
    p.set('view', view);
    return `/reports/${data.id}?${p.toString()}`;
  };
  const printLink = (paper: string) => `/print/reports/${data.id}?${data.print}&paper=${paper}`;
  return (
    <div className="page" data-report={data.id} data-view={data.view}>
      <header className="page-header">
        <p className="rp-lines">
          <Link to="/reports">{t('reports.title')}</Link>
        </p>
        <h1>{title}</h1>
        {data.details.map((line) => (
          <p key={line} className="rp-lines">
            {line}
          </p>
        ))}
      </header>
      <ReportFilterForm id={data.id} period={data.period} accepted={data.accepted} groupings={data.groupings} values={data.filters} view={data.view} months={data.months} choices={data.choices} />
      <div className="rp-bar">
        <nav className="rp-views" aria-label={t('reports.view')}>
          <span>{t('reports.view')}:</span>
          {(['rekap', 'detail'] as const).map((v) =>
            v === 'detail' && !data.canDetail ? (
              <span key={v} className="muted">
                {t('reports.view.detailPersonal')}
              </span>
            ) : (
              <Link key={v} to={viewLink(v)} aria-current={data.view === v ? 'page' : undefined} data-view-link={v}>
                {t(`reports.view.${v}`)}
              </Link>
            ),
          )}
        </nav>
        <div className="rp-actions">
          <a href={printLink('a4')} data-print="a4">
            {t('reports.print.a4')}
          </a>
          <a href={printLink('f4')} data-print="f4">
            {t('reports.print.f4')}
          </a>
        </div>
      </div>
      <section className="panel">
        <DataTable
          view={data.table}
          label={title}
          rowKey={(r) => JSON.stringify(r)}
          groups={data.groups}
          rowClass={(r) => (r.row_type === 'subtotal' ? 'dt-subtotal' : undefined)}
          rowData={(r) => ({ 'data-row-type': String(r.row_type) })}
          empty={t('reports.empty')}
          testId="report-table"
          compact
        />
      </section>
    </div>
  );
}

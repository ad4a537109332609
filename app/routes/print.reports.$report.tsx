/**
 * The print view of a report (`/print/reports/<id>?<the page's parameters>&paper=a4|f4`): the kop from
 * the letters' letterhead (utility name, address, logo), the title, period and filters, every line
 * with the header rows repeated on each page, the totals, the signature boxes of the `reports`
 * settings, the print date, and "Halaman X dari N" in the page margin. Outside the app's layout so the
 * printout holds only the report.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { jakartaNow } from '../../etl/domain/period';
import { useLang, useT } from '~/i18n';
import { formatDate } from '~/i18n/format';
import { langFromRequest } from '~/i18n/lang.server';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { reportDetails } from '~/lib/reports/encode.server';
import { columnGroups, reportTitleKey } from '~/lib/reports/labels';
import { reportRequest, runReport } from '~/lib/reports/run.server';
import { reportSearch, reportTableView } from '~/lib/reports/table.server';
import { reportPaper } from '~/lib/reports/window.server';
import { SECTION_ROLES } from '~/lib/roles';
import { settingsStore } from '~/lib/settings.server';
import { readLetterSettings } from '~/lib/settings/letters.server';
import { readReportSettings } from '~/lib/settings/reports.server';
import { ReportSheetTable } from '~/ui/reports/sheet-table';
import styles from '~/ui/reports/report-print.css';
import { titled } from '~/ui/meta';

export const meta = titled('reports.print');

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

/** The paper's size, landscape (F4: 215 × 330 mm). */
const PAGE_SIZE = { a4: 'A4 landscape', f4: '330mm 215mm' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.reports });
  const search = new URL(request.url).searchParams;
  const paper = reportPaper(search);
  const req = await reportRequest(params.report ?? '', search);
  const lang = await langFromRequest(request);
  const result = await runReport(req, user, null);
  const [letterhead, settings] = await Promise.all([readLetterSettings(settingsStore()), readReportSettings(settingsStore())]);
  return json(
    {
      id: result.report,
      view: result.view,
      paper,
      pageSize: PAGE_SIZE[paper],
      back: `/reports/${result.report}?${reportSearch(search).toString()}`,
      details: await reportDetails(result, lang),
      kop: { name: letterhead.utility_name, address: letterhead.utility_address, logo: letterhead.logo },
      signatures: settings.signatures,
      printedOn: jakartaNow().slice(0, 10),
      groups: columnGroups(result.columns, lang),
      table: reportTableView(result, lang, search, 1, Math.max(result.rows.length, 1)),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function PrintReport() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const printed = t('reports.print.printedOn', { date: formatDate(data.printedOn, lang) });
  // The margin boxes' words in the page's language; CSS strings hold no markup, quotes are escaped.
  const cssText = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const pageCss = `@page { size: ${data.pageSize}; margin: 12mm 10mm 14mm 10mm;
    @bottom-right { content: ${cssText(`${t('reports.print.page')} `)} counter(page) ${cssText(` ${t('reports.print.of')} `)} counter(pages); font: 10px Arial, sans-serif; }
    @bottom-left { content: ${cssText(`${t(reportTitleKey(data.id))} · ${printed}`)}; font: 10px Arial, sans-serif; } }`;
  return (
    <main className="rp-print" data-report={data.id} data-view={data.view} data-paper={data.paper}>
      <style>{pageCss}</style>
      <div className="rp-print-bar">
        <Link to={data.back}>{t('reports.print.back')}</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('reports.print.now')}
        </button>
      </div>
      <div className="rp-sheet" data-paper={data.paper}>
        <header className="rp-kop">
          {data.kop.logo ? <img src={`/letterhead/${data.kop.logo}`} alt="" width={56} height={56} /> : null}
          <div>
            <p className="rp-utility">{data.kop.name}</p>
            <p>{data.kop.address}</p>
          </div>
        </header>
        <div className="rp-title">
          <h1>{t(reportTitleKey(data.id))}</h1>
          {data.details.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        <ReportSheetTable view={data.table} groups={data.groups} />
        <p className="rp-printed">{printed}</p>
        {data.signatures.length > 0 ? (
          <div className="rp-signatures" data-testid="signatures">
            {data.signatures.map((s) => (
              <div key={`${s.label}-${s.position}`} className="rp-signature">
                <p>{s.label}</p>
                <p>{s.position}</p>
                <div className="rp-signature-space" />
                <p className="rp-signature-name">{s.name}</p>
                {s.id ? (
                  <p>
                    {t('reports.signatures.id.prefix')} {s.id}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </main>
  );
}

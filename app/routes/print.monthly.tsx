/**
 * The directors' monthly report (Laporan bulanan direksi, `/print/monthly?bulan=YYYY-MM`): the
 * overview of a month as a two-page A4 document for the board. Page 1: the kop, the month in
 * sentences, the KPI cards and the trend; page 2: the month's movement, the kecamatan with their
 * change, the arrears by age. Outside the app's layout so the printout is the report only; the
 * figures are the overview's (app/lib/overview), its charts drawn at the page's print widths.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { jakartaNow } from '../../etl/domain/period';
import type { ChartCacheKey } from '~/charts/Chart';
import { useLang, useT } from '~/i18n';
import { formatDateTime, formatMonth } from '~/i18n/format';
import { withAsOf } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { loadMonthlyReport } from '~/lib/overview/monthly-report.server';
import { summarySentences } from '~/lib/overview/summary-sentences';
import { readLetterSettings } from '~/lib/settings/letters.server';
import { settingsStore } from '~/lib/settings.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { monthlyKecamatanTable } from '~/lib/tables/monthly.server';
import { asOfMonth } from '~/lib/warehouse.server';
import { dataTableStyles } from '~/ui/data-table';
import { Letterhead } from '~/ui/letterhead';
import { titled } from '~/ui/meta';
import { KecamatanChangePanel } from '~/ui/monthly/kecamatan-change-panel';
import { PageFooter } from '~/ui/monthly/page-footer';
import reportStyles from '~/ui/monthly/monthly-report.css';
import { MonthSummary } from '~/ui/monthly/summary';
import overviewStyles from '~/ui/overview.css';
import { AgePanel } from '~/ui/overview/age-panel';
import { FiguresCheck } from '~/ui/overview/figures-check';
import { KpiGrid } from '~/ui/overview/kpi-grid';
import { TrendPanel } from '~/ui/overview/trend-panel';
import type { OverviewView } from '~/ui/overview/types';
import { WaterfallPanel } from '~/ui/overview/waterfall-panel';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: overviewStyles },
  { rel: 'stylesheet', href: dataTableStyles },
  { rel: 'stylesheet', href: reportStyles },
];

export const meta = titled('monthly.title');

/** Each chart's drawing size: its box on the printed page (A4 less the margins of monthly-report.css), so nothing is scaled. */
const CHART_SIZES = {
  trend: { width: 660, height: 205 },
  waterfall: { width: 370, height: 240 },
  age: { width: 660, height: 170 },
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = await asOfMonth(request);
  const headers = { 'Cache-Control': CACHE_CONTROL.PRIVATE };
  const kop = await readLetterSettings(settingsStore());
  const letterhead = { utility_name: kop.utility_name, utility_address: kop.utility_address, logo: kop.logo };
  const printedAt = jakartaNow();
  if (!month) return json({ report: null, letterhead, printedAt }, { headers });
  const params = new URL(request.url).searchParams;
  const kecamatanQuery = tableQuery(monthlyKecamatanTable, params);
  const report = await loadMonthlyReport(month);
  const ctx = tableContext(user);
  const tables = {
    kecamatan: tableView(monthlyKecamatanTable, report, kecamatanQuery, ctx, { month }),
  };
  return json({ report: { ...report, tables }, letterhead, printedAt }, { headers });
}

export default function MonthlyReportPage() {
  const { report, letterhead, printedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  if (!report) {
    return (
      <main className="mr">
        <p className="mr-bar">
          <Link to="/">{t('monthly.back')}</Link>
        </p>
        <section className="mr-page">
          <h1>{t('monthly.title')}</h1>
          <p>{t('overview.noMonth')}</p>
        </section>
      </main>
    );
  }
  const o = report.overview as OverviewView;
  const cache = (chart: string, extra = ''): ChartCacheKey => ({ generation: report.generation, key: `overview:${o.as_of}:${chart}${extra}` });
  const figures = { o, t, lang };
  const title = t('monthly.title');
  const month = formatMonth(o.as_of, lang);
  const footer = t('monthly.footer', { title, month });
  return (
    <main className="mr ov" data-as-of={o.as_of}>
      <PageFooter text={footer} />
      <div className="mr-bar">
        <Link to={withAsOf('/', o.as_of)}>{t('monthly.back')}</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('monthly.print')}
        </button>
      </div>
      <section className="mr-page" data-page="1">
        <Letterhead kop={letterhead} prefix="mr" />
        <header className="mr-title">
          <h1>{title}</h1>
          <p>
            {t('monthly.period', { month })} · {t('monthly.printed', { date: formatDateTime(printedAt, lang, 'long') })}
          </p>
        </header>
        <MonthSummary sentences={summarySentences(o, report.kecamatan, lang)} t={t} />
        <FiguresCheck {...figures} />
        <KpiGrid {...figures} />
        <TrendPanel {...figures} cache={cache} chartSize={CHART_SIZES.trend} />
      </section>
      <section className="mr-page" data-page="2">
        <WaterfallPanel {...figures} cache={cache} chartSize={CHART_SIZES.waterfall} />
        <KecamatanChangePanel view={report.tables.kecamatan} t={t} lang={lang} />
        <AgePanel {...figures} cache={cache} chartSize={CHART_SIZES.age} />
      </section>
    </main>
  );
}

/**
 * A level of the drill-down that lists areas (the kecamatan, or a kecamatan's desa/kelurahan): the
 * trail back up, the filters, the total, the areas stacked by age (chart) and their table. More panels
 * for the same area (a trend, the letters sent there) go in as children, after the table.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from '@remix-run/react';
import { buildAreaAgeOption } from '~/charts/arrears-options';
import { Chart, useChartOption } from '~/charts/Chart';
import { useLang, useT } from '~/i18n';
import { formatMonth, formatNumber, formatRupiahCompact, formatRupiahFull } from '~/i18n/format';
import { ageBucketText } from '~/i18n/kpi-text';
import type { AreaRow } from '~/lib/arrears/drill.server';
import type { DrillPageBase } from '~/lib/arrears/page.server';
import { DataTable, type TableView } from '~/ui/data-table';
import { ArrearsBreadcrumbs } from './breadcrumbs';
import { ArrearsFilterBar } from './filter-bar';
import { ArrearsSubnav } from './subnav';

export interface AreaLevelData extends DrillPageBase {
  level: 'kecamatan' | 'desa';
  total_arrears: number;
  customers: number;
  bills: number;
  table: TableView<AreaRow>;
  /** every area with arrears (all pages of the table), largest first, for the chart */
  areas: { code: string; name: string }[];
  by_age: { code: string; bucket: string; arrears: number }[];
}

/** The page's head: section navigation, trail, title, total and filters (the customer level uses it too). */
export function DrillHead({ data, title, total }: { data: DrillPageBase; title: string; total: { arrears: number; customers: number; bills?: number } }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  return (
    <>
      <ArrearsSubnav month={data.month} />
      <ArrearsBreadcrumbs kecamatan={data.kecamatan ?? undefined} desa={data.desa ?? undefined} search={data.search} />
      <header className="ov-head">
        <div>
          <h1>{title}</h1>
          <p className="ov-sub">{t('arrears.subtitle', { month: formatMonth(data.month, lang) })}</p>
        </div>
        <div className="ov-head-figure">
          <p className="kpi-value" data-testid="arrears-total" data-value={total.arrears}>
            {formatRupiahCompact(total.arrears, lang)}
          </p>
          <p className="kpi-exact">
            {t('arrears.totalLine', {
              amount: formatRupiahFull(total.arrears, lang),
              customers: formatNumber(total.customers, lang),
              bills: total.bills === undefined ? '–' : formatNumber(total.bills, lang),
            })}
          </p>
        </div>
      </header>
      {/* keyed on the URL: the form's default values follow the page after a client-side navigation */}
      <ArrearsFilterBar key={location.pathname + location.search} month={data.month} months={data.months} filters={data.filters} choices={data.choices} />
    </>
  );
}

export function AreaLevel({ data, title, href, children }: { data: AreaLevelData; title: string; href: ((code: string) => string) | null; children?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const levelName = t(data.level === 'kecamatan' ? 'arrears.table.kecamatan' : 'arrears.table.desa');
  const option = useChartOption(
    () => buildAreaAgeOption({ areas: data.areas, byAge: data.by_age, bucketText: (b) => ageBucketText(b, lang), lang }),
    [data, lang],
  );
  const hrefs = href ? Object.fromEntries(data.areas.map((a) => [a.name, href(a.code)])) : undefined;
  return (
    <div className="ov ar" data-as-of={data.month} data-level={data.level}>
      <DrillHead data={data} title={title} total={{ arrears: data.total_arrears, customers: data.customers, bills: data.bills }} />
      <div className="dt-stack">
        <section className="panel ov-panel" aria-labelledby="ar-table">
          <h2 id="ar-table">{levelName}</h2>
          <DataTable
            view={data.table}
            label={levelName}
            rowKey={(r) => r.code}
            rowData={(r) => ({ 'data-area': r.code })}
            cell={href ? { name: (r, text) => <Link to={href(r.code)} data-area-link={r.code}>{text}</Link> } : undefined}
            empty={t('arrears.empty')}
            testId="arrears-areas"
          />
        </section>
        {data.areas.length > 0 ? (
          <section className="panel ov-panel" aria-labelledby="ar-chart">
            <h2 id="ar-chart">{t('arrears.chart.byAge', { level: levelName })}</h2>
            <Chart
              name="arrears-by-age"
              option={option}
              width={640}
              height={Math.max(200, data.areas.length * 26 + 60)}
              label={t('arrears.chart.byAge', { level: levelName })}
              variant={lang}
              hrefs={hrefs}
              cache={{ generation: data.generation, key: `arrears:${data.level}:${data.kecamatan?.code ?? ''}:${data.search}:by-age` }}
            />
          </section>
        ) : null}
        {children}
      </div>
    </div>
  );
}

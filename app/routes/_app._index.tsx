/**
 * Ringkasan: the directors' overview for one as-of month (`?bulan=YYYY-MM`, default the last complete
 * month). Every figure comes from the named queries (etl/queries) through app/lib/overview/, the same
 * as GET /api/v1/overview; the pieces of the page are in app/ui/overview/.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { ChartCacheKey } from '~/charts/Chart';
import { useLang, useT } from '~/i18n';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { kecamatanBoundaries } from '~/lib/overview/boundaries.server';
import { loadOverviewPage } from '~/lib/overview/page.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { overviewAgeTable, overviewKecamatanTable } from '~/lib/tables/overview.server';
import { asOfMonth } from '~/lib/warehouse.server';
import { dataTableStyles } from '~/ui/data-table';
import { titled } from '~/ui/meta';
import styles from '~/ui/overview.css';
import { AgePanel } from '~/ui/overview/age-panel';
import { FiguresCheck } from '~/ui/overview/figures-check';
import { KecamatanPanel } from '~/ui/overview/kecamatan-panel';
import { KpiGrid } from '~/ui/overview/kpi-grid';
import { OverviewHeader } from '~/ui/overview/overview-header';
import { TrendPanel } from '~/ui/overview/trend-panel';
import type { OverviewView } from '~/ui/overview/types';
import { WaterfallPanel } from '~/ui/overview/waterfall-panel';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: dataTableStyles },
];

export const meta = titled('overview.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const month = await asOfMonth(request);
  if (!month) return json({ overview: null, tables: null, geo: null, points: [] as [number, number][], generation: 0 }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
  const params = new URL(request.url).searchParams;
  const kecamatanQuery = tableQuery(overviewKecamatanTable, params);
  const ageQuery = tableQuery(overviewAgeTable, params);
  const geo = await kecamatanBoundaries();
  // The faint desa backdrop only matters for the bubble map (no boundaries configured).
  const { overview, points, generation } = await loadOverviewPage(month, { points: !geo });
  // the tables' rows come from the same figures, through the definitions their downloads use
  const ctx = tableContext(user);
  const tables = {
    kecamatan: tableView(overviewKecamatanTable, overview, kecamatanQuery, ctx, { month }),
    age: tableView(overviewAgeTable, overview, ageQuery, ctx, { month }),
  };
  return json({ overview, tables, geo, points, generation }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function OverviewPage() {
  const { overview, tables, geo, points, generation } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  if (!overview || !tables) {
    return (
      <section className="panel panel-notice">
        <h1>{t('overview.title')}</h1>
        <p>{t('overview.noMonth')}</p>
      </section>
    );
  }
  const o = overview as OverviewView;
  // The server caches each chart's SVG with the warehouse file the figures come from (see Chart).
  const cache = (chart: string, extra = ''): ChartCacheKey => ({ generation, key: `overview:${o.as_of}:${chart}${extra}` });
  const figures = { o, t, lang };
  return (
    <div className="ov" data-as-of={o.as_of}>
      <OverviewHeader {...figures} />
      <FiguresCheck {...figures} />
      <KpiGrid {...figures} />
      <TrendPanel {...figures} cache={cache} />
      <WaterfallPanel {...figures} cache={cache} />
      <AgePanel {...figures} cache={cache} table={tables.age} />
      <KecamatanPanel {...figures} cache={cache} geo={geo} points={points} table={tables.kecamatan} />
    </div>
  );
}

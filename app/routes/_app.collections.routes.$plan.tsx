/** Penagihan · a saved route plan: the routes and map, the stops (CSV/XLSX), plan vs actual, and the print view. */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { formatDate, formatNumber, formatRupiahFull } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { collectionsScope } from '~/lib/collections/access.server';
import { planActuals, savedPlan } from '~/lib/collections/plans.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { planStopsTable } from '~/lib/tables/collections.server';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { withWarehouse } from '~/lib/warehouse.server';
import { PlanView } from '~/ui/collections/plan-view';
import { DataTable } from '~/ui/data-table';
import { titled } from '~/ui/meta';

export const meta = titled('rute.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.collections });
  const scope = collectionsScope(user);
  const id = params.plan ?? '';
  if (!scope || !/^[1-9]\d{0,9}$/.test(id)) throw json({ id }, { status: 404 });
  const saved = await savedPlan(scope, Number(id));
  if (!saved) throw json({ id }, { status: 404 });
  const actuals = await planActuals(saved.plan, scope);
  const source = { ...saved, actuals };
  const table = tableView(planStopsTable, source, tableQuery(planStopsTable, new URL(request.url).searchParams), tableContext(user), { plan: saved.plan_id });
  const visited = actuals.stops.filter((s) => s.visited).length;
  const collected = actuals.stops.reduce((sum, s) => sum + s.amount_collected, 0);
  // the map's SVG is cached with the warehouse file, like every chart; the plan itself never changes
  const generation = await withWarehouse(async (_wh, file) => file.generation);
  return json({ saved, table, actual: { loaded: actuals.loaded, visited, planned: actuals.stops.length, collected }, generation }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function SavedPlanPage() {
  const { saved, table, actual, generation } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const plan = saved.plan;
  return (
    <div data-testid="saved-plan" data-plan={saved.plan_id}>
      <p className="ov-back">
        <Link to="/collections/routes">{t('col.nav.routes')}</Link>
      </p>
      <header className="ov-head">
        <div>
          <h1>
            {t('rute.planNo', { id: saved.plan_id })}: {plan.team_name} · {formatDate(plan.date, lang)}
          </h1>
          <p className="ov-sub">
            {plan.area || '–'} · {t('rute.perCollector')} {plan.per_collector} · {saved.saved_by} · {saved.saved_at}
          </p>
        </div>
      </header>
      <p className="col-actions">
        <a className="button" href={`/collections/routes/${saved.plan_id}/print`} data-testid="print-link">
          {t('rute.print')}
        </a>
      </p>
      <section className="panel ov-panel" aria-labelledby="rute-actual">
        <h2 id="rute-actual">{t('rute.actual')}</h2>
        <p data-testid="plan-actual" data-visited={actual.visited} data-collected={actual.collected}>
          {actual.loaded
            ? t('rute.actualSummary', { visited: formatNumber(actual.visited, lang), planned: formatNumber(actual.planned, lang), collected: formatRupiahFull(actual.collected, lang) })
            : t('rute.actualNone')}
        </p>
      </section>
      <PlanView plan={plan} showStops={false} cacheKey={`plan:${saved.plan_id}`} generation={generation} />
      <section className="panel ov-panel" aria-labelledby="rute-stops">
        <h2 id="rute-stops">{t('rute.stops')}</h2>
        <DataTable view={table} label={t('rute.stops')} rowKey={(r) => `${r.collector_name}/${r.seq}`} testId="plan-stops" compact />
      </section>
    </div>
  );
}

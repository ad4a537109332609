/**
 * Penagihan · Rute: plan a team's day (`?team=&date=YYYY-MM-DD&area=&per_collector=25`), look at the
 * routes, save the plan (POST team, date, area, per_collector: the server recomputes it), and the
 * saved plans of the teams in scope.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useLang, useT } from '~/i18n';
import { formatDate } from '~/i18n/format';
import { requireCsrf, requireUser } from '~/lib/auth.server';
import { collectionsScope } from '~/lib/collections/access.server';
import { uniqueTeams } from '~/lib/collections/period-page.server';
import { computePlan, recentVisitDays, saveComputedPlan, savedPlans } from '~/lib/collections/plans.server';
import { CACHE_CONTROL, clientError, readForm } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { savedPlansTable } from '~/lib/tables/collections.server';
import { warehouseFreshness, withWarehouse } from '~/lib/warehouse.server';
import { CsrfInput } from '~/ui/csrf-input';
import { DataTable } from '~/ui/data-table';
import { PlanView } from '~/ui/collections/plan-view';
import { titled } from '~/ui/meta';
import { teamsInScope } from '../../etl/queries/collections';
import { checkPlanRequest, PlanInputError, type RoutePlan } from '../../etl/route/plan';
import { DEFAULT_PER_COLLECTOR } from '../../etl/domain/collections/planner';
import { dateFromDayNumber, dayNumber } from '../../etl/domain/period';

export const meta = titled('rute.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.collections });
  const scope = collectionsScope(user);
  if (!scope) return json({ denied: true as const });
  const params = new URL(request.url).searchParams;
  const { teams, generation } = await withWarehouse(async (wh, file) => ({ teams: uniqueTeams(await teamsInScope(wh, { scope })), generation: file.generation }));
  const freshness = await warehouseFreshness();
  const tomorrow = freshness.latestPaymentDate ? dateFromDayNumber(dayNumber(freshness.latestPaymentDate) + 1) : '';
  const form = {
    team: params.get('team') ?? teams[0]?.team_id ?? '',
    date: params.get('date') ?? tomorrow,
    area: params.get('area') ?? '',
    per_collector: params.get('per_collector') ?? String(DEFAULT_PER_COLLECTOR),
  };
  let plan: RoutePlan | null = null;
  let problem: { param: string; message: string } | null = null;
  if (params.has('team') && params.has('date')) {
    try {
      plan = await computePlan(checkPlanRequest({ ...form, perCollector: form.per_collector }), scope);
    } catch (error) {
      if (!(error instanceof PlanInputError)) throw error;
      problem = { param: error.param, message: error.message };
    }
  }
  const [saved, recentDays] = await Promise.all([savedPlans(scope), recentVisitDays()]);
  const savedView = tableView(savedPlansTable, saved, tableQuery(savedPlansTable, params), tableContext(user), {});
  return json(
    { denied: false as const, teams, form, plan, problem, saved: savedView, recentDays, generation },
    { status: problem ? 400 : 200, headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.collections });
  const form = await readForm(request);
  await requireCsrf(request, form);
  const scope = collectionsScope(user);
  if (!scope) throw clientError(403, 'forbidden', 'this role does not plan routes');
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : null;
  };
  try {
    const request = checkPlanRequest({ team: text('team'), date: text('date'), area: text('area'), perCollector: text('per_collector') });
    const planId = await saveComputedPlan(request, scope, user.name);
    return redirect(`/collections/routes/${planId}`);
  } catch (error) {
    if (error instanceof PlanInputError) throw clientError(400, 'bad_request', error.message);
    throw error;
  }
}

export default function RoutePlannerPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  if (data.denied) {
    return (
      <section className="panel ov-panel" aria-labelledby="rute-title">
        <h1 id="rute-title">{t('rute.title')}</h1>
        <p data-testid="collections-denied">{t('col.noRole')}</p>
      </section>
    );
  }
  const { form, plan } = data;
  return (
    <div data-testid="route-planner">
      <header className="ov-head">
        <div>
          <h1>{t('rute.title')}</h1>
          <p className="ov-sub">{t('rute.lead', { days: data.recentDays })}</p>
        </div>
      </header>
      {data.teams.length === 0 ? <p className="alert alert-info">{t('col.noTeams')}</p> : null}
      <Form method="get" className="col-form" data-testid="plan-form">
        <label>
          {t('rute.team')}
          <select name="team" defaultValue={form.team}>
            {data.teams.map((team) => (
              <option key={team.team_id} value={team.team_id}>
                {team.team_name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('rute.date')}
          <input type="date" name="date" defaultValue={form.date} required />
        </label>
        <label>
          {t('rute.area')}
          <input type="text" name="area" defaultValue={form.area} maxLength={200} placeholder="17.02.09" />
        </label>
        <label>
          {t('rute.perCollector')}
          <input type="number" name="per_collector" defaultValue={form.per_collector} min={1} max={60} />
        </label>
        <button type="submit" className="button">
          {t('rute.plan')}
        </button>
      </Form>
      {data.problem ? (
        <p className="alert alert-error" role="alert" data-testid="plan-problem">
          {data.problem.message}
        </p>
      ) : null}
      {plan ? (
        <section className="panel ov-panel" aria-labelledby="rute-plan" data-testid="plan">
          <h2 id="rute-plan">
            {plan.team_name} · {formatDate(plan.date, lang)}
          </h2>
          <Form method="post" className="col-actions">
            <CsrfInput />
            <input type="hidden" name="team" value={plan.team_id} />
            <input type="hidden" name="date" value={plan.date} />
            <input type="hidden" name="area" value={plan.area} />
            <input type="hidden" name="per_collector" value={plan.per_collector} />
            <button type="submit" className="button" data-testid="save-plan">
              {t('rute.save')}
            </button>
          </Form>
          {plan.candidates === 0 ? <p>{t('rute.noPlan')}</p> : null}
          <PlanView plan={plan} showStops cacheKey={`rute:${plan.team_id}:${plan.date}:${plan.area}:${plan.per_collector}`} generation={data.generation} />
        </section>
      ) : null}
      <section className="panel ov-panel" aria-labelledby="rute-saved">
        <h2 id="rute-saved">{t('rute.savedPlans')}</h2>
        <DataTable
          view={data.saved}
          label={t('rute.savedPlans')}
          rowKey={(p) => String(p.plan_id)}
          cell={{ plan_id: (p) => <Link to={`/collections/routes/${p.plan_id}`}>{t('rute.planNo', { id: p.plan_id })}</Link> }}
          empty={t('rute.noSaved')}
          testId="saved-plans"
        />
      </section>
    </div>
  );
}

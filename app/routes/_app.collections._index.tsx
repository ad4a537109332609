/**
 * Penagihan · Kinerja: per collector and team for months from..to (`?from=YYYY-MM&to=YYYY-MM&team=`):
 * the leaderboard, the trend per month, the outcome mix and the figures by kecamatan (CONTRACT §4,
 * Collections; the same figures as GET /api/v1/collections). A supervisor sees their own teams only,
 * a manager no collector figures.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Chart, useChartOption } from '~/charts/Chart';
import { buildCollectionsTrendOption, buildOutcomeMixOption } from '~/charts/collections-options';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatMonth } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { collectionsScope, periodParams } from '~/lib/collections/access.server';
import { loadPerformance } from '~/lib/collections/period-page.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { collectorsTable, kecamatanTable } from '~/lib/tables/collections.server';
import { BadParam, tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { DataTable } from '~/ui/data-table';
import { titled } from '~/ui/meta';

export const meta = titled('col.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.collections });
  const scope = collectionsScope(user);
  if (!scope) return json({ denied: true as const }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
  const params = new URL(request.url).searchParams;
  let input: Awaited<ReturnType<typeof periodParams>>;
  try {
    input = await periodParams(params);
  } catch (error) {
    if (error instanceof BadParam) throw json({ error: 'bad_request', param: error.param, message: error.message }, { status: 400 });
    throw error;
  }
  const page = await loadPerformance(input, scope);
  const ctx = tableContext(user);
  return json(
    {
      denied: false as const,
      input,
      teams: page.teams,
      months: page.months.map((m) => ({ month: m.month ?? '', visits: m.visits, attributed_14d: m.attributed_14d })),
      outcomes: page.outcomes,
      collectors: tableView(collectorsTable, page.collectors, tableQuery(collectorsTable, params), ctx, input),
      kecamatan: tableView(kecamatanTable, page.kecamatan, tableQuery(kecamatanTable, params), ctx, input),
      generation: page.generation,
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function CollectionsPerformancePage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const trend = useChartOption(
    () => (data.denied ? {} : buildCollectionsTrendOption({ rows: data.months, lang, labels: { visits: t('col.c.visits'), attributed: t('col.c.attributed') } })),
    [data, lang],
  );
  const mix = useChartOption(
    () => (data.denied ? {} : buildOutcomeMixOption({ rows: data.outcomes.map((o) => ({ name: t(`col.outcome.${o.outcome}` as MessageKey), visits: o.visits })), lang, seriesName: t('col.c.visits') })),
    [data, lang],
  );
  if (data.denied) {
    return (
      <section className="panel ov-panel" aria-labelledby="col-title">
        <h1 id="col-title">{t('col.title')}</h1>
        <p data-testid="collections-denied">{t('col.noRole')}</p>
      </section>
    );
  }
  const { input } = data;
  const cacheKey = `collections:${input.from}:${input.to}:${input.team ?? ''}:${data.teams.map((x) => x.team_id).join(',')}`;
  return (
    <div data-testid="collections-performance">
      <header className="ov-head">
        <div>
          <h1>{t('col.title')}</h1>
          <p className="ov-sub">{t('col.subtitle', { from: formatMonth(input.from, lang), to: formatMonth(input.to, lang) })}</p>
        </div>
      </header>
      <Form method="get" className="col-form">
        <label>
          {t('col.filter.from')}
          <input type="month" name="from" defaultValue={input.from} />
        </label>
        <label>
          {t('col.filter.to')}
          <input type="month" name="to" defaultValue={input.to} />
        </label>
        <label>
          {t('col.filter.team')}
          <select name="team" defaultValue={input.team ?? ''}>
            <option value="">{t('col.filter.allTeams')}</option>
            {data.teams.map((team) => (
              <option key={team.team_id} value={team.team_id}>
                {team.team_name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('col.filter.show')}
        </button>
      </Form>
      {data.teams.length === 0 ? <p className="alert alert-info">{t('col.noTeams')}</p> : null}
      <section className="panel ov-panel" aria-labelledby="col-leaderboard">
        <h2 id="col-leaderboard">{t('col.leaderboard')}</h2>
        <DataTable
          view={data.collectors}
          label={t('col.leaderboard')}
          rowKey={(r) => `${r.team_id}/${r.collector_id}`}
          rowData={(r) => ({ 'data-collector': r.collector_id ?? '', 'data-team': r.team_id ?? '' })}
          empty={t('col.none')}
          testId="leaderboard"
        />
        <p className="col-note">{t('col.definitions')}</p>
      </section>
      <div className="col-grid">
        <section className="panel ov-panel" aria-labelledby="col-trend">
          <h2 id="col-trend">{t('col.trend')}</h2>
          <Chart name="collections-trend" option={trend} width={520} height={260} label={t('col.trend')} variant={lang} cache={{ generation: data.generation, key: `${cacheKey}:trend` }} />
        </section>
        <section className="panel ov-panel" aria-labelledby="col-outcomes">
          <h2 id="col-outcomes">{t('col.outcomes')}</h2>
          <Chart name="collections-outcomes" option={mix} width={520} height={Math.max(160, data.outcomes.length * 30 + 30)} label={t('col.outcomes')} variant={lang} cache={{ generation: data.generation, key: `${cacheKey}:outcomes` }} />
        </section>
      </div>
      <section className="panel ov-panel" aria-labelledby="col-kecamatan">
        <h2 id="col-kecamatan">{t('col.byKecamatan')}</h2>
        <DataTable view={data.kecamatan} label={t('col.byKecamatan')} rowKey={(r) => r.kecamatan_code ?? ''} empty={t('col.none')} testId="by-kecamatan" />
      </section>
    </div>
  );
}

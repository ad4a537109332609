/**
 * Online adoption: payments per month by channel and by category (`measure=count|value`,
 * `scale=absolute|share`, links that work without JavaScript), online vs offline as the headline,
 * the online share heatmap by kecamatan × month (`kecamatan=` shows its desa), the adoption cohorts
 * with retention and the main-category migration between the years of `from` and `to`.
 * The figures are GET /api/v1/channels/adoption.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { buildHeatmapOption, buildStackedOption, type Measure, type Scale, type StackSeries } from '~/charts/channels-options';
import { Chart, useChartOption } from '~/charts/Chart';
import { monthsFromTo } from '../../etl/domain/period';
import type { HeatCell, SeriesRow } from '../../etl/queries/channel-adoption';
import { useLang, useT } from '~/i18n';
import { formatMonth, formatNumber } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { kecamatanParam, loadAdoption, periodParams, readParams } from '~/lib/channels/figures.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { withWarehouse } from '~/lib/warehouse.server';
import { cohortsTable } from '~/lib/tables/channels.server';
import { BadParam, tableContext, tableQuery, tableView } from '~/lib/tables/define.server';
import { MonthsForm, Switch } from '~/ui/channels/nav';
import { DataTable } from '~/ui/data-table';
import { titled } from '~/ui/meta';

export const meta = titled('channels.nav.adoption');

const MEASURES: readonly Measure[] = ['count', 'value'];
const SCALES: readonly Scale[] = ['absolute', 'share'];

function choice<V extends string>(params: URLSearchParams, name: string, allowed: readonly V[]): V {
  const v = params.get(name);
  if (v === null || v === '') return allowed[0];
  if (!(allowed as readonly string[]).includes(v)) throw new BadParam(name, `${name} must be one of ${allowed.join(', ')}`);
  return v as V;
}

/** Series keyed by channel or category, one value per month of the period. */
function stack(rows: readonly SeriesRow[], months: readonly string[], measure: Measure): { key: string; online: boolean; values: number[] }[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const out = new Map<string, { key: string; online: boolean; values: number[] }>();
  for (const r of rows) {
    const s = out.get(r.key) ?? { key: r.key, online: r.online, values: months.map(() => 0) };
    const i = index.get(r.month);
    if (i !== undefined) s.values[i] += measure === 'count' ? r.payments : r.amount;
    out.set(r.key, s);
  }
  return [...out.values()].sort((a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0) || a.key.localeCompare(b.key));
}

function heatRows(cells: readonly HeatCell[], months: readonly string[], measure: Measure) {
  const index = new Map(months.map((m, i) => [m, i]));
  const rows = new Map<string, { code: string; name: string; shares: (number | null)[] }>();
  for (const c of cells) {
    const row = rows.get(c.code) ?? { code: c.code, name: c.name, shares: months.map(() => null) };
    const i = index.get(c.month);
    const whole = measure === 'count' ? c.payments : c.amount;
    if (i !== undefined && whole > 0) row.shares[i] = (measure === 'count' ? c.online_payments : c.online_amount) / whole;
    rows.set(c.code, row);
  }
  return [...rows.values()];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: SECTION_ROLES.channels });
  const params = new URL(request.url).searchParams;
  const input = await readParams(async () => ({
    ...(await periodParams(params, 'all')),
    kecamatan: kecamatanParam(params),
    measure: choice(params, 'measure', MEASURES),
    scale: choice(params, 'scale', SCALES),
  }));
  const query = tableQuery(cohortsTable, params);
  const r = await loadAdoption(input);
  const months = monthsFromTo(input.from, input.to);
  const byChannel = stack(r.by_channel, months, input.measure);
  const online = months.map((_, i) => byChannel.filter((s) => s.online).reduce((sum, s) => sum + s.values[i], 0));
  const offline = months.map((_, i) => byChannel.filter((s) => !s.online).reduce((sum, s) => sum + s.values[i], 0));
  return json(
    {
      ...input,
      months,
      byChannel: byChannel.map(({ key, values }) => ({ name: key, values })),
      byCategory: stack(r.by_category, months, input.measure).map(({ key, values }) => ({ name: key, values })),
      onlineOffline: { online, offline },
      heat: heatRows(r.heatmap, months, input.measure),
      migration: r.migration,
      cohorts: tableView(cohortsTable, r, query, tableContext(user), input),
      generation: await withWarehouse(async (_, file) => file.generation),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } },
  );
}

export default function AdoptionPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const { months, measure, scale } = data;
  const href = (change: Record<string, string>) => {
    const p = new URLSearchParams({ from: data.from, to: data.to, measure, scale, ...(data.kecamatan ? { kecamatan: data.kecamatan } : {}), ...change });
    return `/channels?${p}`;
  };
  const stacked = (series: StackSeries[], colours?: string[]) => () => buildStackedOption({ months, series, measure, scale, lang, colours });
  const headline = useChartOption(
    stacked([
      { name: t('channels.online'), values: data.onlineOffline.online },
      { name: t('channels.offline'), values: data.onlineOffline.offline },
    ], ['#1f6fb2', '#78909c']),
    [data, lang],
  );
  const byChannel = useChartOption(stacked(data.byChannel), [data, lang]);
  const byCategory = useChartOption(stacked(data.byCategory), [data, lang]);
  const heat = useChartOption(() => buildHeatmapOption({ months, rows: data.heat, lang }), [data, lang]);
  const cacheKey = (chart: string) => ({ generation: data.generation, key: `channels:${data.from}:${data.to}:${data.kecamatan ?? ''}:${measure}:${scale}:${chart}` });
  const heatHrefs = data.kecamatan ? undefined : Object.fromEntries(data.heat.map((h) => [h.code, href({ kecamatan: h.code })]));
  const categories = [...new Set(data.migration.cells.flatMap((c) => [c.from_category, c.to_category]))].sort();
  const cell = (a: string, b: string) => data.migration.cells.find((c) => c.from_category === a && c.to_category === b)?.customers ?? 0;
  const kecName = data.kecamatan ? data.kecamatan : null;
  return (
    <>
      <header className="ov-head">
        <div>
          <h1>{t('channels.nav.adoption')}</h1>
          <p className="ov-sub">{t('channels.subtitle', { from: formatMonth(data.from, lang), to: formatMonth(data.to, lang) })}</p>
        </div>
      </header>
      <MonthsForm
        fields={[
          { name: 'from', label: 'channels.from', value: data.from },
          { name: 'to', label: 'channels.to', value: data.to },
        ]}
        hidden={{ measure, scale, ...(data.kecamatan ? { kecamatan: data.kecamatan } : {}) }}
      />
      <div className="ch-switches">
        <Switch label="channels.measure" current={measure} href={(v) => href({ measure: v })} options={[{ value: 'count', label: 'channels.measure.count' }, { value: 'value', label: 'channels.measure.value' }]} />
        <Switch label="channels.scale" current={scale} href={(v) => href({ scale: v })} options={[{ value: 'absolute', label: 'channels.scale.absolute' }, { value: 'share', label: 'channels.scale.share' }]} />
      </div>
      <section className="panel ov-panel" aria-labelledby="ch-headline">
        <h2 id="ch-headline">{t('channels.onlineOffline')}</h2>
        <Chart name="online-offline" option={headline} width={960} height={260} label={t('channels.onlineOffline')} variant={lang} cache={cacheKey('headline')} />
      </section>
      <div className="ch-grid">
        <section className="panel ov-panel" aria-labelledby="ch-by-channel">
          <h2 id="ch-by-channel">{t('channels.byChannel')}</h2>
          <Chart name="by-channel" option={byChannel} width={520} height={300} label={t('channels.byChannel')} variant={lang} cache={cacheKey('channel')} />
        </section>
        <section className="panel ov-panel" aria-labelledby="ch-by-category">
          <h2 id="ch-by-category">{t('channels.byCategory')}</h2>
          <Chart name="by-category" option={byCategory} width={520} height={300} label={t('channels.byCategory')} variant={lang} cache={cacheKey('category')} />
        </section>
      </div>
      <section className="panel ov-panel" aria-labelledby="ch-heat">
        <h2 id="ch-heat">{kecName ? t('channels.heatmapDesa', { name: kecName }) : t('channels.heatmap')}</h2>
        <Chart name="heatmap" option={heat} width={960} height={Math.max(160, data.heat.length * 22 + 90)} label={t('channels.heatmap')} variant={lang} cache={cacheKey('heat')} hrefs={heatHrefs} />
        {data.kecamatan ? (
          <p>
            <Link to={href({ kecamatan: '' })}>{t('channels.allKecamatan')}</Link>
          </p>
        ) : (
          <>
            <p className="muted ov-small">{t('channels.heatmapHint')}</p>
            <ul className="ch-areas">
              {data.heat.map((h) => (
                <li key={h.code}>
                  <Link to={href({ kecamatan: h.code })}>{h.name}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div className="ch-grid">
        <section className="panel ov-panel" aria-labelledby="ch-cohorts">
          <h2 id="ch-cohorts">{t('channels.cohorts')}</h2>
          <DataTable view={data.cohorts} label={t('channels.cohorts')} rowKey={(r) => r.month} testId="channel-cohorts" compact />
        </section>
        <section className="panel ov-panel" aria-labelledby="ch-migration">
          <h2 id="ch-migration">{t('channels.migration', { a: String(data.migration.year_a), b: String(data.migration.year_b) })}</h2>
          {categories.length === 0 ? (
            <p className="muted">{t('channels.migrationNone')}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide matrix scrolls, and the keyboard must reach it
            <section className="ch-scroll" aria-labelledby="ch-migration" tabIndex={0}>
            <table className="ch-matrix" data-testid="migration">
              <thead>
                <tr>
                  <th scope="col">
                    {data.migration.year_a} ↓ / {data.migration.year_b} →
                  </th>
                  {categories.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {categories.map((a) => (
                  <tr key={a}>
                    <th scope="row">{a}</th>
                    {categories.map((b) => (
                      <td key={b}>{formatNumber(cell(a, b), lang)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </section>
          )}
        </section>
      </div>
    </>
  );
}

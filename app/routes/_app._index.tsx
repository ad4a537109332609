/**
 * Ringkasan: the directors' overview for one as-of month (`?bulan=YYYY-MM`, default the last complete
 * month). Every figure comes from app/lib/overview.server.ts, the same as GET /api/v1/overview.
 */
import { json, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useMemo } from 'react';
import { Chart, useChartOption, type ChartCacheKey } from '~/charts/Chart';
import { buildAgeOption, buildBarOption, buildMapOption, buildTrendOption, buildWaterfallOption } from '~/charts/options';
import { movementWaterfall, type WaterfallStep } from '../../etl/domain/kpi';
import { useLang, useT, type MessageKey, type Translate } from '~/i18n';
import { formatDate, formatDecimal, formatMonth, formatNumber, formatPercent, formatRupiahCompact, formatRupiahFull, type Lang } from '~/i18n/format';
import { withAsOf } from '~/lib/as-of';
import { requireUser } from '~/lib/auth.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { kecamatanBoundaries } from '~/lib/overview/boundaries.server';
import { loadOverviewPage, type OverviewView } from '~/lib/overview/page.server';
import { asOfMonth } from '~/lib/warehouse.server';
import { KpiCard, type KpiDelta } from '~/ui/kpi-card';
import { titled } from '~/ui/meta';
import styles from '~/ui/overview.css';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta = titled('overview.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const month = await asOfMonth(request);
  if (!month) return json({ overview: null, geo: null, points: [] as [number, number][], generation: 0 }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
  const geo = await kecamatanBoundaries();
  // The faint desa backdrop only matters for the bubble map (no boundaries configured).
  const { overview, points, generation } = await loadOverviewPage(month, { points: !geo });
  return json({ overview, geo, points, generation }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

export default function OverviewPage() {
  const { overview, geo, points, generation } = useLoaderData<typeof loader>();
  const t = useT();
  if (!overview) {
    return (
      <section className="panel panel-notice">
        <h1>{t('overview.title')}</h1>
        <p>{t('overview.noMonth')}</p>
      </section>
    );
  }
  return <OverviewBody o={overview as OverviewView} geo={geo} points={points} generation={generation} />;
}

// ---------------------------------------------------------------------------------------------------

type Geo = { name: string; geoJSON: unknown } | null;
type Points = [number, number][];

const ratioText = (r: number | null, lang: Lang) => (r === null ? '–' : formatPercent(r, lang, 1, { signed: true }));
const direction = (delta: number): KpiDelta['direction'] => (delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat');
const share = (part: number, whole: number, lang: Lang) => (whole > 0 ? formatPercent(part / whole, lang, 1) : '–');

function OverviewBody({ o, geo, points, generation }: { o: OverviewView; geo: Geo; points: Points; generation: number }) {
  const t = useT();
  const lang = useLang();
  const month = o.as_of;
  // The server caches each chart's SVG with the warehouse file the figures come from (see Chart).
  const cache = (chart: string, extra = ''): ChartCacheKey => ({ generation, key: `overview:${month}:${chart}${extra}` });
  const monthName = formatMonth(month, lang);
  const api = `/api/v1/overview?as_of=${month}`;

  return (
    <div className="ov" data-as-of={month}>
      <header className="ov-head">
        <div>
          <h1>{t('overview.title')}</h1>
          <p className="ov-sub">{t('overview.subtitle', { month: monthName })}</p>
        </div>
        <p className="ov-downloads">
          {t('overview.downloads')}{' '}
          <a href={api} download={`kaba-ringkasan-${month}.json`}>
            JSON
          </a>{' '}
          ·{' '}
          <a href={`${api}&format=csv`} download={`kaba-ringkasan-${month}.csv`}>
            CSV
          </a>
        </p>
      </header>

      {(o.checks.movement_closing_equals_total_arrears === false || !o.checks.age_buckets_add_up_to_total_arrears) && o.movement ? (
        <p className="ov-alert" role="alert">
          {t('overview.check.mismatch', { closing: formatRupiahFull(o.movement.closing, lang), total: formatRupiahFull(o.total_arrears, lang) })}
        </p>
      ) : null}

      <KpiGrid o={o} t={t} lang={lang} />
      <TrendPanel o={o} t={t} lang={lang} cache={cache} />
      <WaterfallPanel o={o} t={t} lang={lang} cache={cache} />
      <AgePanel o={o} t={t} lang={lang} cache={cache} />
      <KecamatanPanel o={o} t={t} lang={lang} cache={cache} geo={geo} points={points} />
    </div>
  );
}

interface FigureProps {
  o: OverviewView;
  t: Translate;
  lang: Lang;
}

interface PanelProps extends FigureProps {
  /** the server's SVG cache key of one of the page's charts */
  cache: (chart: string, extra?: string) => ChartCacheKey;
}

function KpiGrid({ o, t, lang }: FigureProps) {
  const full = (n: number) => formatRupiahFull(n, lang);
  const compact = (n: number) => formatRupiahCompact(n, lang);
  const deltas: KpiDelta[] = [];
  if (o.vs_previous_month) {
    const c = o.vs_previous_month;
    deltas.push({
      text: t('overview.kpi.vsPrevious', {
        delta: formatRupiahCompact(c.delta, lang, { signed: true }),
        ratio: ratioText(c.ratio, lang),
        month: formatMonth(c.month, lang),
      }),
      direction: direction(c.delta),
      good: c.delta < 0,
    });
  }
  if (o.vs_start_of_year) {
    const c = o.vs_start_of_year;
    deltas.push({
      text: t('overview.kpi.vsStartOfYear', {
        delta: formatRupiahCompact(c.delta, lang, { signed: true }),
        ratio: ratioText(c.ratio, lang),
        year: o.as_of.slice(0, 4),
      }),
      direction: direction(c.delta),
      good: c.delta < 0,
    });
  }
  const ce = o.collection_effectiveness;
  const period = {
    from: formatMonth(ce.from.slice(0, 7), lang, 'short'),
    to: formatMonth(ce.to.slice(0, 7), lang, 'short'),
    billed: compact(ce.billed),
  };
  const score = (s: number | null, bands: MessageKey) =>
    s === null ? null : { score: s, label: t('overview.score', { score: s }), bands: t(bands) };
  const dr = o.days_receivable;
  const os = o.online_share;

  return (
    <section className="ov-kpis" aria-label={t('overview.kpis')}>
      <div className="ov-kpi-group">
        <h2 className="ov-group-title">{t('overview.groups.arrears')}</h2>
        <div className="ov-kpi-grid">
          <KpiCard
            name="total_arrears"
            emphasis
            label={t('overview.kpi.total')}
            value={compact(o.total_arrears)}
            exact={full(o.total_arrears)}
            raw={o.total_arrears}
            deltas={deltas.length ? deltas : [{ text: t('overview.kpi.noComparison'), direction: 'flat', good: true }]}
          />
          <KpiCard
            name="current_arrears"
            label={t('overview.kpi.current')}
            value={compact(o.current_arrears)}
            exact={full(o.current_arrears)}
            raw={o.current_arrears}
            note={t('overview.kpi.currentNote', { share: share(o.current_arrears, o.total_arrears, lang) })}
          />
          <KpiCard
            name="legacy_arrears"
            label={t('overview.kpi.legacy')}
            value={compact(o.legacy_arrears)}
            exact={full(o.legacy_arrears)}
            raw={o.legacy_arrears}
            note={t('overview.kpi.legacyNote', { share: share(o.legacy_arrears, o.total_arrears, lang) })}
          />
          <KpiCard
            name="customers_in_arrears"
            label={t('overview.kpi.customers')}
            value={formatNumber(o.customers_in_arrears, lang)}
            raw={o.customers_in_arrears}
            note={t('overview.kpi.customersNote', { date: formatDate(o.month_end, lang) })}
          />
        </div>
      </div>
      <div className="ov-kpi-group">
        <h2 className="ov-group-title" title={t('overview.score.title')}>
          {t('overview.groups.performance')}
        </h2>
        <div className="ov-kpi-grid">
          <KpiCard
            name="receivables"
            label={t('overview.kpi.receivables')}
            value={compact(o.receivables.total)}
            exact={full(o.receivables.total)}
            raw={o.receivables.total}
            note={t('overview.kpi.receivablesNote', { notYetDue: compact(o.receivables.not_yet_due) })}
          />
          <KpiCard
            name="provision"
            label={t('overview.kpi.provision')}
            value={compact(o.provision)}
            exact={full(o.provision)}
            raw={o.provision}
            note={t('overview.kpi.provisionNote', { share: share(o.provision, o.total_arrears, lang) })}
          />
          <KpiCard
            name="effectiveness_own_bills"
            label={t('overview.kpi.effOwn')}
            value={ce.own_bills.ratio === null ? t('overview.kpi.none') : formatPercent(ce.own_bills.ratio, lang)}
            raw={ce.own_bills.ratio}
            score={score(ce.own_bills.score, 'overview.score.effBands')}
            note={t('overview.kpi.effOwnNote', period)}
          />
          <KpiCard
            name="effectiveness_all_receipts"
            label={t('overview.kpi.effAll')}
            value={ce.all_receipts.ratio === null ? t('overview.kpi.none') : formatPercent(ce.all_receipts.ratio, lang)}
            raw={ce.all_receipts.ratio}
            score={score(ce.all_receipts.score, 'overview.score.effBands')}
            note={t('overview.kpi.effAllNote', period)}
          />
          <KpiCard
            name="days_receivable"
            label={t('overview.kpi.days')}
            value={dr.days === null ? t('overview.kpi.none') : t('overview.kpi.daysValue', { days: formatNumber(dr.days, lang) })}
            raw={dr.days}
            score={score(dr.score, 'overview.score.daysBands')}
            note={t('overview.kpi.daysNote', { sales: compact(dr.annual_water_sales) })}
          />
          <KpiCard
            name="online_share"
            label={t('overview.kpi.online')}
            value={os.by_count === null ? t('overview.kpi.none') : formatPercent(os.by_count, lang)}
            exact={t('overview.kpi.onlineValue')}
            raw={os.by_count}
            note={t('overview.kpi.onlineNote', {
              value: os.by_value === null ? '–' : formatPercent(os.by_value, lang),
              month: formatMonth(o.as_of, lang),
              payments: formatNumber(os.payments, lang),
            })}
          />
        </div>
      </div>
    </section>
  );
}

function TrendPanel({ o, t, lang, cache }: PanelProps) {
  const target = o.target;
  const trend = o.trend;
  const title = t('overview.trend.title', { year: (trend.months[0] ?? o.as_of).slice(0, 4) });
  const option = useChartOption(
    () =>
      buildTrendOption({
        total: trend.months.map((month, i) => ({ month, value: trend.arrears[i] })),
        legacy: trend.months.map((month, i) => ({ month, value: trend.legacy[i] })),
        targetLine: target?.target_line,
        projectionLine: target?.projection_line,
        asOfMonth: o.as_of,
        labels: {
          total: t('overview.trend.total'),
          legacy: t('overview.trend.legacy'),
          target: t('overview.trend.target'),
          projection: t('overview.trend.projection'),
        },
        lang,
      }),
    // t follows lang
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [o, lang]
  );
  return (
    <section className="panel ov-panel" aria-labelledby="ov-trend">
      <div className="ov-panel-head">
        <h2 id="ov-trend">{title}</h2>
        {target ? (
          <span className={`ov-status ov-status-${target.status}`} data-testid="target-status">
            {t(`overview.status.${target.status}`)}
          </span>
        ) : null}
      </div>
      <TargetText o={o} t={t} lang={lang} />
      <Chart
        name="trend"
        option={option}
        width={1100}
        height={330}
        label={title}
        variant={lang}
        // the target lines come from the settings, not the warehouse
        cache={cache('trend', target ? `:${target.percent}:${target.by_date}:${target.base_month}` : '')}
      />
    </section>
  );
}

function TargetText({ o, t, lang }: FigureProps) {
  const target = o.target;
  if (!target) return <p className="ov-target muted">{t('overview.target.none')}</p>;
  const c = (n: number | null) => (n === null ? '–' : formatRupiahCompact(n, lang));
  const heading = t('overview.target.heading', {
    percent: formatDecimal(target.percent, lang, target.percent % 1 === 0 ? 0 : 1),
    baseMonth: formatMonth(target.base_month, lang),
    base: c(target.base_arrears),
    target: c(target.target_arrears),
    byDate: formatDate(target.by_date, lang),
  });
  const vars = {
    slope: target.slope_per_month === null ? '–' : formatRupiahCompact(target.slope_per_month, lang, { signed: true }),
    projected: c(target.projected),
    targetMonth: formatMonth(target.target_month, lang),
    gap: target.gap === null ? '–' : formatRupiahCompact(Math.abs(target.gap), lang),
  };
  let verdict: string;
  switch (target.status) {
    case 'on_track':
      verdict = t('overview.target.onTrack', vars);
      break;
    case 'off_track':
      verdict = `${t('overview.target.offTrack', vars)} ${
        target.reach_month ? t('overview.target.reach', { month: formatMonth(target.reach_month, lang) }) : t('overview.target.never')
      }`;
      break;
    case 'achieved':
      verdict = t('overview.target.achieved', vars);
      break;
    case 'missed':
      verdict = t('overview.target.missed', vars);
      break;
    default:
      verdict = t('overview.target.noData', { month: formatMonth(target.base_month, lang) });
  }
  return (
    <div className="ov-target">
      <p className="muted">{heading}</p>
      <p className={`ov-verdict ov-verdict-${target.status}`} data-testid="target-verdict">
        {verdict}
      </p>
    </div>
  );
}

function waterfallLabel(step: WaterfallStep, t: Translate): string {
  if (step.key.startsWith('recovered:')) {
    const category = step.key.slice('recovered:'.length);
    const known = ['counter', 'bank', 'ppob', 'minimarket', 'post', 'marketplace', 'ewallet', 'collector'];
    return t(`overview.category.${known.includes(category) ? category : 'other'}` as MessageKey);
  }
  return t(`overview.waterfall.${step.key}` as MessageKey);
}

function WaterfallPanel({ o, t, lang, cache }: PanelProps) {
  const m = o.movement;
  const steps = useMemo(() => {
    if (!m) return null;
    try {
      return movementWaterfall({
        opening: m.opening,
        newlyOverdue: m.newly_overdue,
        recovered: m.recovered,
        writtenOff: m.written_off,
        closing: m.closing,
        recoveredByCategory: m.recovered_by_category,
      });
    } catch {
      return null;
    }
  }, [m]);
  const full = (n: number) => formatRupiahFull(n, lang);
  return (
    <section className="panel ov-panel" aria-labelledby="ov-waterfall">
      <h2 id="ov-waterfall">{t('overview.waterfall.title', { month: formatMonth(o.as_of, lang) })}</h2>
      {m && steps ? (
        <div className="ov-split">
          <WaterfallChart steps={steps} label={t('overview.waterfall.title', { month: formatMonth(o.as_of, lang) })} t={t} lang={lang} cache={cache('waterfall')} />
          <div>
            <p className="ov-equation" data-testid="waterfall-equation">
              {t('overview.waterfall.equation', {
                opening: full(m.opening),
                newly: full(m.newly_overdue),
                recovered: full(m.recovered),
                writtenOff: full(m.written_off),
                closing: full(m.closing),
              })}
            </p>
            <table className="ov-table ov-table-compact">
              <tbody>
                {steps.map((s) => (
                  <tr key={s.key} className={s.kind === 'level' ? 'ov-level' : undefined}>
                    <th scope="row">{waterfallLabel(s, t)}</th>
                    <td className="num">{formatRupiahFull(s.amount, lang, { signed: s.kind !== 'level' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <p className="muted">{t('overview.waterfall.none')}</p>
      )}
    </section>
  );
}

function WaterfallChart({ steps, label, t, lang, cache }: { steps: WaterfallStep[]; label: string; t: Translate; lang: Lang; cache: ChartCacheKey }) {
  const option = useChartOption(
    () => buildWaterfallOption({ steps: steps.map((s) => ({ label: waterfallLabel(s, t), amount: s.amount, kind: s.kind })), lang }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [steps, lang]
  );
  return <Chart name="waterfall" option={option} width={860} height={380} label={label} variant={lang} cache={cache} />;
}

function AgePanel({ o, t, lang, cache }: PanelProps) {
  const option = useChartOption(
    () =>
      buildAgeOption({
        rows: o.by_age.map((a) => ({ bucket: a.bucket, label: t(`overview.age.${a.bucket}` as MessageKey), arrears: a.arrears, current: a.current })),
        lang,
        seriesName: t('overview.kecamatan.arrears'),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [o, lang]
  );
  return (
    <section className="panel ov-panel" aria-labelledby="ov-age">
      <h2 id="ov-age">{t('overview.age.title')}</h2>
      <div className="ov-split ov-split-even">
        <div>
          <Chart name="age" option={option} width={760} height={330} label={t('overview.age.title')} variant={lang} cache={cache('age')} />
          <p className="muted ov-small">{t('overview.age.note')}</p>
        </div>
        <table className="ov-table ov-table-compact" data-testid="age-table">
          <thead>
            <tr>
              <th scope="col">{t('overview.age.bucket')}</th>
              <th scope="col" className="num">
                {t('overview.kecamatan.arrears')}
              </th>
              <th scope="col" className="num">
                {t('overview.age.rate')}
              </th>
              <th scope="col" className="num">
                {t('overview.age.provision')}
              </th>
            </tr>
          </thead>
          <tbody>
            {o.by_age.map((a) => (
              <tr key={a.bucket}>
                <th scope="row">
                  <span className={`ov-swatch ${a.current ? 'ov-swatch-current' : 'ov-swatch-legacy'}`} aria-hidden="true" />
                  {t(`overview.age.${a.bucket}` as MessageKey)}
                </th>
                <td className="num">{formatRupiahFull(a.arrears, lang)}</td>
                <td className="num">{a.provision_percent}%</td>
                <td className="num">{formatRupiahFull(a.provision, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('overview.age.total')}</th>
              <td className="num">{formatRupiahFull(o.total_arrears, lang)}</td>
              <td />
              <td className="num">{formatRupiahFull(o.provision, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function KecamatanPanel({ o, t, lang, cache, geo, points }: PanelProps & { geo: Geo; points: Points }) {
  const rows = o.by_kecamatan;
  const href = (code: string) => withAsOf(`/kecamatan/${code}`, o.as_of);
  const barHeight = Math.max(220, rows.length * 26 + 40);
  // Boundaries fill a squarer box; bubbles over Rejang Lebong's wide, flat extent a lower one.
  const mapHeight = geo ? 460 : 340;
  const bar = useChartOption(
    () => buildBarOption({ rows: rows.map((r) => ({ name: r.name, value: r.arrears })), lang, seriesName: t('overview.kecamatan.arrears') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, lang]
  );
  const map = useChartOption(
    () =>
      buildMapOption({
        areas: rows.map((r) => ({ code: r.code, name: r.name, value: r.arrears, lat: r.latitude, lon: r.longitude })),
        lang,
        seriesName: t('overview.kecamatan.arrears'),
        mapName: geo?.name,
        context: points,
        width: 560,
        height: mapHeight,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, lang, geo, mapHeight]
  );
  const byName = Object.fromEntries(rows.map((r) => [r.name, href(r.code)]));
  const byCode = Object.fromEntries(rows.map((r) => [r.code, href(r.code)]));
  return (
    <section className="panel ov-panel" aria-labelledby="ov-kecamatan">
      <div className="ov-panel-head">
        <h2 id="ov-kecamatan">{t('overview.kecamatan.title')}</h2>
        <span className="muted ov-small">{t('overview.kecamatan.hint')}</span>
      </div>
      <div className="ov-row ov-row-tight">
        <div>
          <Chart
            name="kecamatan-bar"
            option={bar}
            width={560}
            height={barHeight}
            label={t('overview.kecamatan.title')}
            variant={lang}
            cache={cache('kecamatan-bar')}
            hrefs={byName}
          />
        </div>
        <div>
          <Chart
            name="kecamatan-map"
            option={map}
            width={560}
            height={mapHeight}
            label={t('overview.kecamatan.map')}
            variant={lang}
            // the desa backdrop (points) comes from the same warehouse file; the map name names the boundaries
            cache={cache('kecamatan-map')}
            geo={geo ?? undefined}
            hrefs={byCode}
          />
          <p className="muted ov-small">{geo ? t('overview.kecamatan.choropleth') : t('overview.kecamatan.bubbles')}</p>
        </div>
      </div>
      <table className="ov-table" data-testid="kecamatan-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.kecamatan.name')}</th>
            <th scope="col" className="num">
              {t('overview.kecamatan.arrears')}
            </th>
            <th scope="col" className="num">
              {t('overview.kecamatan.customers')}
            </th>
            <th scope="col" className="num">
              {t('overview.kecamatan.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">
                <Link to={href(r.code)} prefetch="intent" data-kecamatan={r.code}>
                  {r.name}
                </Link>
              </th>
              <td className="num" data-value={r.arrears}>
                {formatRupiahFull(r.arrears, lang)}
              </td>
              <td className="num">{formatNumber(r.customers, lang)}</td>
              <td className="num">{share(r.arrears, o.total_arrears, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

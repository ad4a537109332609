/**
 * A route plan on screen: the map (ECharts on longitude/latitude, no tiles), one line per collector
 * with the route's length, the unoptimised length and the lower bound, and optionally each
 * collector's stops with their score parts.
 */
import { Chart, useChartOption } from '~/charts/Chart';
import { buildRouteMapOption, ROUTE_COLOURS } from '~/charts/collections-options';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDecimal, formatNumber, formatRupiahFull } from '~/i18n/format';
import type { RoutePlan } from '../../../etl/route/plan';
import { SCORE_PARTS } from '../../../etl/domain/collections/priority';

const km = (m: number, lang: 'id' | 'en') => `${formatDecimal(m / 1000, lang, 1)} km`;

/** The mean position of each desa's stops, where the map writes its name. */
function desaLabels(plan: RoutePlan) {
  const acc = new Map<string, { name: string; lat: number; lon: number; n: number }>();
  for (const s of plan.routes.flatMap((r) => r.stops)) {
    const d = acc.get(s.desa_code) ?? { name: s.desa_name, lat: 0, lon: 0, n: 0 };
    d.lat += s.lat;
    d.lon += s.lon;
    d.n += 1;
    acc.set(s.desa_code, d);
  }
  return [...acc.values()].map((d) => ({ name: d.name, lat: d.lat / d.n, lon: d.lon / d.n }));
}

export function PlanView({ plan, showStops, cacheKey, generation }: { plan: RoutePlan; showStops: boolean; cacheKey: string; generation: number }) {
  const t = useT();
  const lang = useLang();
  const option = useChartOption(
    () =>
      buildRouteMapOption({
        base: plan.base,
        baseLabel: t('rute.base'),
        routes: plan.routes.map((r) => ({ name: r.collector_name, stops: r.stops.map((s) => ({ lat: s.lat, lon: s.lon, seq: s.seq, label: `${s.name} (${s.desa_name})` })) })),
        desa: desaLabels(plan),
        lang,
      }),
    [plan, lang],
  );
  const planned = plan.routes.reduce((n, r) => n + r.stops.length, 0);
  return (
    <>
      <p data-testid="plan-summary">
        {t('rute.summary', { candidates: formatNumber(plan.candidates, lang), planned: formatNumber(planned, lang), left: formatNumber(plan.left_over, lang) })}
      </p>
      <ul className="col-routes" data-testid="plan-routes">
        {plan.routes.map((r, i) => (
          <li key={r.collector_id} data-collector={r.collector_id} data-length={r.length_m} data-unoptimised={r.unoptimised_length_m} data-bound={r.lower_bound_m}>
            <span className="col-swatch" style={{ background: ROUTE_COLOURS[i % ROUTE_COLOURS.length] }} aria-hidden="true" />
            {t('rute.route', {
              name: r.collector_name,
              stops: formatNumber(r.stops.length, lang),
              length: km(r.length_m, lang),
              unoptimised: km(r.unoptimised_length_m, lang),
              bound: km(r.lower_bound_m, lang),
            })}
            {showStops ? (
              <ol className="col-stops">
                {r.stops.map((s) => (
                  <li key={s.customer_id} data-customer={s.customer_id} data-score={s.score}>
                    {s.name} · {s.desa_name} · {formatRupiahFull(s.arrears, lang)} ·{' '}
                    <span className="col-parts">
                      {t('rute.s.score')} {s.score} = {SCORE_PARTS.map((k) => `${t(`rute.part.${k}` as MessageKey)} ${s.parts[k]}`).join(' + ')}
                    </span>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
      {planned > 0 ? (
        <section className="panel ov-panel" aria-labelledby="rute-map">
          <h2 id="rute-map">{t('rute.map')}</h2>
          <Chart name="route-map" option={option} width={720} height={480} label={t('rute.map')} variant={lang} cache={{ generation, key: cacheKey }} />
        </section>
      ) : null}
    </>
  );
}

/** The arrears since the warehouse's first month, its legacy part, and the reduction target if one is set. */
import { CURRENT_ARREARS_MAX_MONTHS } from '../../../etl/domain/kpi';
import { Chart, useChartOption } from '~/charts/Chart';
import { buildTrendOption } from '~/charts/options';
import { TargetText } from './target-text';
import type { PanelProps } from './types';

/** About its box on a 1280-px screen, so the server SVG's text is not scaled below 12 px. */
const TREND_SIZE = { width: 900, height: 270 };

export function TrendPanel({ o, t, lang, cache, chartSize = TREND_SIZE }: PanelProps) {
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
          legacy: t('overview.trend.legacy', { months: CURRENT_ARREARS_MAX_MONTHS }),
          target: t('overview.trend.target'),
          projection: t('overview.trend.projection'),
        },
        lang,
      }),
    // t follows lang
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
        width={chartSize.width}
        height={chartSize.height}
        label={title}
        variant={lang}
        // the target lines come from the settings, not the warehouse
        cache={cache('trend', target ? `:${target.percent}:${target.by_date}:${target.base_month}` : '')}
      />
    </section>
  );
}

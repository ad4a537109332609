/**
 * The month's arrears movement: opening + newly overdue − recovered per channel category − written
 * off = closing, as a waterfall chart, the equation to the rupiah, and the steps as a table.
 */
import { useMemo } from 'react';
import { movementWaterfall, type WaterfallStep } from '../../../etl/domain/kpi';
import { Chart, useChartOption, type ChartCacheKey } from '~/charts/Chart';
import { buildWaterfallOption } from '~/charts/options';
import type { Translate } from '~/i18n';
import { formatMonth, formatRupiahFull, type Lang } from '~/i18n/format';
import type { ChartSize, PanelProps } from './types';
import { waterfallLabel } from './waterfall-label';
import { WaterfallTable } from './waterfall-table';

const WATERFALL_SIZE = { width: 520, height: 230 };

export function WaterfallPanel({ o, t, lang, cache, chartSize = WATERFALL_SIZE }: PanelProps) {
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
      // the steps do not add up: the page's check alert says so; no chart of wrong figures
      return null;
    }
  }, [m]);
  const full = (n: number) => formatRupiahFull(n, lang);
  const title = t('overview.waterfall.title', { month: formatMonth(o.as_of, lang) });
  return (
    <section className="panel ov-panel" aria-labelledby="ov-waterfall">
      <h2 id="ov-waterfall">{title}</h2>
      {m && steps ? (
        <div className="ov-split">
          <WaterfallChart steps={steps} label={title} t={t} lang={lang} cache={cache('waterfall')} size={chartSize} />
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
            <WaterfallTable steps={steps} t={t} lang={lang} />
          </div>
        </div>
      ) : (
        <p className="muted">{t('overview.waterfall.none')}</p>
      )}
    </section>
  );
}

function WaterfallChart({ steps, label, t, lang, cache, size }: { steps: WaterfallStep[]; label: string; t: Translate; lang: Lang; cache: ChartCacheKey; size: ChartSize }) {
  const option = useChartOption(
    () => buildWaterfallOption({ steps: steps.map((s) => ({ label: waterfallLabel(s, t), amount: s.amount, kind: s.kind })), lang }),
    [steps, lang]
  );
  return <Chart name="waterfall" option={option} width={size.width} height={size.height} label={label} variant={lang} cache={cache} />;
}
